package dev.athanor.app.cli;

import dev.athanor.query.project.SavedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The {@code --param NAME=VALUE} options and the values each query binds. */
final class ParameterValues {
    private final Map<String, String> given;

    private ParameterValues(Map<String, String> given) {
        this.given = given;
    }

    /** Reads {@code NAME=VALUE} pairs; a later value for the same name wins. */
    static ParameterValues parse(List<String> options) {
        var given = new LinkedHashMap<String, String>();
        for (var option : options) {
            var equals = option.indexOf('=');
            if (equals <= 0) {
                throw new CommandFailure(ExitStatus.USAGE, "--param expects NAME=VALUE, not '" + option + "'");
            }
            given.put(option.substring(0, equals).strip(), option.substring(equals + 1));
        }
        return new ParameterValues(given);
    }

    /** Refuses a name none of {@code queries} declares: most likely a typo that would silently do nothing. */
    void requireDeclared(List<SavedQuery> queries) {
        for (var name : given.keySet()) {
            if (queries.stream().noneMatch(q -> q.parameter(name).isPresent())) {
                var declared = new TreeSet<String>();
                queries.forEach(q -> q.parameters().forEach(p -> declared.add(p.name())));
                throw new CommandFailure(
                        ExitStatus.USAGE,
                        "no query to run has a parameter '" + name + "'"
                                + (declared.isEmpty()
                                        ? " (they take none)"
                                        : " (declared: " + String.join(", ", declared) + ")"));
            }
        }
    }

    /**
     * The values {@code query} binds: each declared parameter from {@code --param}, else its default, converted to
     * its declared type.
     *
     * @throws CommandFailure {@link ExitStatus#USAGE} for a value of the wrong type, {@link ExitStatus#QUERY} for a
     *     parameter with neither value nor default
     */
    Map<String, Object> forQuery(SavedQuery query) {
        var values = new LinkedHashMap<String, Object>();
        for (var parameter : query.parameters()) {
            var text = given.get(parameter.name());
            if (text != null) {
                try {
                    values.put(parameter.name(), parameter.valueOf(text));
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(
                            ExitStatus.USAGE, "--param " + parameter.name() + ": " + e.getMessage(), e);
                }
            } else if (parameter.defaultValue() != null) {
                values.put(parameter.name(), parameter.valueOf(parameter.defaultValue()));
            } else {
                throw new CommandFailure(
                        ExitStatus.QUERY,
                        "query '" + query.name() + "' needs a value for parameter '" + parameter.name() + "' ("
                                + parameter.type().sqlName() + "): add --param " + parameter.name() + "=VALUE");
            }
        }
        return values;
    }
}
