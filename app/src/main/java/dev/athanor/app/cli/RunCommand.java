package dev.athanor.app.cli;

import dev.athanor.model.engine.QueryCancelled;
import dev.athanor.model.engine.Transaction;
import dev.athanor.model.engine.TransactionMode;
import dev.athanor.query.project.OpenedProject;
import dev.athanor.query.project.ProjectFile;
import dev.athanor.query.project.ProjectFileException;
import dev.athanor.query.project.SavedQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** {@code athanor run}: runs saved queries of a project and streams their rows to standard output. */
final class RunCommand {
    static final String USAGE = """
            usage: athanor run PROJECT [--query NAME]... [--param NAME=VALUE]... [--format table|csv|json|jsonl]
                               [--url URL] [--debug]

            Runs the saved queries of PROJECT (all of them, in order, unless --query names some) and writes their
            rows to standard output as they arrive.

              --query NAME        run only this query (repeat for several)
              --param NAME=VALUE  value of a query parameter, converted to its declared type (repeatable);
                                  parameters not given take their default from the project
              --format FORMAT     table (default; aligned, for people), csv (RFC 4180, with header row),
                                  json (one array of row objects) or jsonl (one row object per line)
              --url URL           connect here (postgresql://user@host:port/db or jdbc:postgresql://...) instead of
                                  the project's connection; without both, the built-in sample database is used
              --debug             print the full error report with stack trace on failure

            Passwords come from the URL given here, PGPASSWORD or ~/.pgpass (PGPASSFILE); a password prompt
            appears only when standard input is a terminal.
            """ + CommandLine.EXIT_STATUSES;

    private RunCommand() {}

    static ExitStatus run(List<String> args, CommandContext context, AtomicReference<Transaction> running) {
        var arguments = Arguments.parse(
                args, Set.of("--query", "--param", "--format", "--url"), Set.of("--help", "-h", "--debug"));
        if (arguments.flag("--help") || arguments.flag("-h")) {
            context.out().print(USAGE);
            return ExitStatus.OK;
        }
        var file = CommandLine.projectArgument(arguments, "run");
        var format = OutputFormat.parse(arguments.value("--format").orElse("table"));
        var opened = open(file, context);
        var queries = select(opened, arguments.values("--query"));
        var parameters = ParameterValues.parse(arguments.values("--param"));
        parameters.requireDeclared(queries);
        // Every query is checked and rendered before connecting, so a missing value fails fast.
        var prepared = new ArrayList<PreparedQuery>();
        for (var query : queries) {
            prepared.add(PreparedQuery.of(query, parameters));
        }
        var output = new BufferedWriter(
                new OutputStreamWriter(new StandardOutput(context.out()), StandardCharsets.UTF_8), 1 << 16);
        var writer = format.writer(output, prepared.size() > 1);
        try (var target = DatabaseTarget.choose(
                        arguments.value("--url").orElse(null), opened.project().connection(), context);
                var transaction = Transaction.begin(target.connect(context), TransactionMode.READ_ONLY)) {
            running.set(transaction);
            var stream = new ResultStream(transaction);
            for (var query : prepared) {
                try {
                    stream.run(query, writer);
                } catch (RuntimeException e) {
                    var failure = target.classify(e);
                    if (failure instanceof QueryCancelled) {
                        throw new CommandFailure(
                                ExitStatus.INTERRUPTED,
                                "query '" + query.saved().name() + "' was cancelled",
                                failure);
                    }
                    flushQuietly(output);
                    throw new CommandFailure(
                            ExitStatus.QUERY,
                            "query '" + query.saved().name() + "' failed: " + failure.userMessage(),
                            failure);
                }
            }
            writer.finish();
        } catch (StandardOutput.ClosedOutput readerGone) {
            return ExitStatus.OK;
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.QUERY, "writing the rows failed: " + e.getMessage(), e);
        } finally {
            running.set(null);
        }
        return ExitStatus.OK;
    }

    static OpenedProject open(Path file, CommandContext context) {
        try {
            var opened = ProjectFile.standard().open(file);
            opened.notices().forEach(notice -> context.err().println("athanor: note: " + notice));
            return opened;
        } catch (ProjectFileException e) {
            throw new CommandFailure(ExitStatus.PROJECT_FILE, e.getMessage(), e);
        }
    }

    /** The queries named on the command line, in project order when none is named. */
    static List<SavedQuery> select(OpenedProject opened, List<String> names) {
        var project = opened.project();
        if (project.queries().isEmpty()) {
            throw new CommandFailure(ExitStatus.PROJECT_FILE, "the project has no saved queries");
        }
        if (names.isEmpty()) {
            return project.queries();
        }
        var selected = new ArrayList<SavedQuery>();
        for (var name : names) {
            selected.add(project.query(name)
                    .orElseThrow(() -> new CommandFailure(
                            ExitStatus.USAGE,
                            "the project has no query '" + name + "' (its queries: "
                                    + project.queries().stream()
                                            .map(SavedQuery::name)
                                            .collect(Collectors.joining(", "))
                                    + ")")));
        }
        return selected;
    }

    /** The rows written before the failure still reach the reader. */
    private static void flushQuietly(java.io.Writer output) {
        try {
            output.flush();
        } catch (IOException ignored) {
            // The query failure is what the user needs to hear about.
        }
    }
}
