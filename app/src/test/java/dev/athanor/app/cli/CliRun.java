package dev.athanor.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a command as the process would, with captured output and an environment free of the developer's. */
record CliRun(ExitStatus status, String out, String err) {

    /** The URL of a new sample database on the shared test server, as {@code --url} takes it. */
    static String sampleDatabaseUrl(String prefix) {
        var pg = dev.athanor.sample.testkit.TestPostgres.shared();
        return "postgresql://" + pg.superuser() + "@" + pg.host() + ":" + pg.port() + "/"
                + pg.createSampleDatabase(prefix);
    }

    static CliRun of(Path sampleDataDir, String command, String... args) {
        return withEnvironment(Map.of(), sampleDataDir, command, args);
    }

    /** Runs with standard output going to {@code out}; {@link #out()} of the result is empty. */
    static CliRun into(OutputStream out, Path sampleDataDir, String command, String... args) {
        var err = new ByteArrayOutputStream();
        var context = new CommandContext(
                new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                // No PGPASSWORD, and a password file that does not exist: the developer's own never leaks in.
                Map.of("PGPASSFILE", sampleDataDir.resolve("no-such-pgpass").toString()),
                Optional.empty(),
                sampleDataDir);
        var status = CommandLine.run(command, List.of(args), context);
        return new CliRun(status, "", err.toString(StandardCharsets.UTF_8));
    }

    /** Same, with extra environment variables. */
    static CliRun withEnvironment(Map<String, String> environment, Path sampleDataDir, String command, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var merged = new java.util.HashMap<>(environment);
        merged.putIfAbsent("PGPASSFILE", sampleDataDir.resolve("no-such-pgpass").toString());
        var context = new CommandContext(
                new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                merged,
                Optional.empty(),
                sampleDataDir);
        var status = CommandLine.run(command, List.of(args), context);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The records of RFC 4180 text; an empty unquoted field is {@code null} (NULL), a quoted empty one {@code ""}.
     */
    static List<List<String>> parseCsv(String text) {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                record.add(wasQuoted || !field.isEmpty() ? field.toString() : null);
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(wasQuoted || !field.isEmpty() ? field.toString() : null);
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                i++;
            } else {
                field.append(c);
            }
        }
        if (!record.isEmpty() || !field.isEmpty()) {
            throw new AssertionError("CSV text does not end with CRLF");
        }
        return records;
    }
}
