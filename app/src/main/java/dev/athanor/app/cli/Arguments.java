package dev.athanor.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: positional arguments, options with a value ({@code --query NAME} or
 * {@code --query=NAME}, repeatable) and flags ({@code --literal}). {@code --} ends the options.
 */
final class Arguments {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Arguments() {}

    /**
     * @param valueOptions options that take a value, with their leading dashes
     * @param flagOptions options without value
     * @throws CommandFailure with {@link ExitStatus#USAGE} for an unknown option or a missing value
     */
    static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        var parsed = new Arguments();
        var optionsEnded = false;
        for (var i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                parsed.positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            var equals = arg.indexOf('=');
            var name = equals < 0 ? arg : arg.substring(0, equals);
            if (flagOptions.contains(name)) {
                if (equals >= 0) {
                    throw new CommandFailure(ExitStatus.USAGE, "option " + name + " takes no value");
                }
                parsed.flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new CommandFailure(ExitStatus.USAGE, "option " + name + " needs a value");
                }
                parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new CommandFailure(ExitStatus.USAGE, "unknown option " + name);
            }
        }
        return parsed;
    }

    List<String> positional() {
        return List.copyOf(positional);
    }

    /** The value of an option given at most once. */
    Optional<String> value(String option) {
        var given = values(option);
        if (given.size() > 1) {
            throw new CommandFailure(ExitStatus.USAGE, "option " + option + " is given more than once");
        }
        return given.stream().findFirst();
    }

    /** Every value of a repeatable option, in command-line order. */
    List<String> values(String option) {
        return List.copyOf(values.getOrDefault(option, List.of()));
    }

    boolean flag(String option) {
        return flags.contains(option);
    }
}
