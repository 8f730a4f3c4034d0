package dev.athanor.app.cli;

import dev.athanor.files.AthanorDirectories;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.engine.Transaction;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command-line runner: {@code athanor run}, {@code athanor sql} and {@code athanor lab}. Rows go to standard output; notes and
 * errors, in plain words, to standard error; the exit status says what happened ({@link ExitStatus}).
 */
public final class CommandLine {
    /** The exit statuses, as the help texts list them. */
    static final String EXIT_STATUSES = """

            Exit status: 0 ok, 2 usage error, 3 project file error, 4 connection or authentication error,
                         5 query error (SQL error, missing parameter),
                         6 a strategy needs more statements than --max-statements (athanor lab), 130 interrupted.
            """;

    private CommandLine() {}

    /**
     * Runs {@code athanor COMMAND ARGS...} for COMMAND {@code run}, {@code sql} or {@code lab} in this process, with the
     * process environment, a password prompt when a person is at a terminal, and the usual sample database.
     *
     * @return the exit status code
     */
    public static int run(String command, String[] args, PrintStream out, PrintStream err) {
        var console = System.console();
        Optional<CommandContext.PasswordPrompt> prompt = console != null && console.isTerminal()
                ? Optional.of(question -> console.readPassword("%s", question))
                : Optional.empty();
        var context = new CommandContext(
                out, err, System.getenv(), prompt, AthanorDirectories.forUser().sampleDatabase());
        return run(command, List.of(args), context).code();
    }

    /** Runs a command with the given context (tests pass their own environment and streams). */
    static ExitStatus run(String command, List<String> args, CommandContext context) {
        var debug = args.contains("--debug");
        var running = new AtomicReference<Transaction>();
        var cancelOnInterrupt = new Thread(() -> cancel(running, context), "athanor-interrupt");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            return switch (command) {
                case "run" -> RunCommand.run(args, context, running);
                case "sql" -> SqlCommand.run(args, context);
                case "lab" -> LabCommand.run(args, context);
                case "export-mapping" -> ExportMappingCommand.run(args, context);
                default -> throw new CommandFailure(ExitStatus.USAGE, "unknown command '" + command + "'");
            };
        } catch (CommandFailure failure) {
            context.err().println("athanor " + command + ": " + failure.getMessage());
            if (failure.status() == ExitStatus.USAGE) {
                context.err().println("Try 'athanor " + command + " --help'.");
            }
            if (debug && failure.getCause() != null) {
                context.err().print(report(failure.getCause()));
            }
            return failure.status();
        } catch (RuntimeException unexpected) {
            context.err().println("athanor " + command + ": unexpected failure: " + unexpected);
            if (debug) {
                context.err().print(report(unexpected));
            } else {
                context.err().println("Run again with --debug for the full report.");
            }
            return ExitStatus.QUERY;
        } finally {
            context.out().flush();
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting (Ctrl-C): the hook runs and cancels the query.
            }
        }
    }

    /** PROJECT: the one positional argument. */
    static Path projectArgument(Arguments arguments, String command) {
        var positional = arguments.positional();
        if (positional.size() != 1) {
            throw new CommandFailure(
                    ExitStatus.USAGE,
                    positional.isEmpty()
                            ? command + " needs a PROJECT file"
                            : "expected one PROJECT file, got " + positional.size() + ": "
                                    + String.join(" ", positional));
        }
        return Path.of(positional.getFirst());
    }

    /** On Ctrl-C, asks the server to stop the running statement so it does not run on for nobody. */
    private static void cancel(AtomicReference<Transaction> running, CommandContext context) {
        var transaction = running.get();
        if (transaction == null) {
            return;
        }
        try {
            transaction.cancelRunning();
            context.err().println("athanor: interrupted; the running query was cancelled.");
        } catch (DatabaseException e) {
            context.err().println("athanor: interrupted; cancelling the running query failed: " + e.getMessage());
        }
    }

    private static String report(Throwable failure) {
        var text = new StringWriter();
        if (failure instanceof dev.athanor.model.engine.DatabaseException database && database.details() != null) {
            text.append(database.details()).append(System.lineSeparator());
        }
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
