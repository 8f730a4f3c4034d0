package dev.athanor.sample;

import dev.athanor.files.AthanorDirectories;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * {@code athanor sample-data}: regenerates the built-in sample database, and adds the large {@code events} table
 * for performance work.
 */
public final class SampleDataTool {
    private static final String USAGE = """
            Usage: athanor sample-data [--reset] [--large-rows N] [--data-dir DIR]

              --reset          drop the sample database and create it again with the default data
              --large-rows N   add (or replace) the table "events" with N generated rows of mixed types
              --data-dir DIR   the sample database's directory (default: %s)

            With an Athanor window open the tool uses its server; --reset needs the sample
            database free, so close the windows first.
            """;

    private SampleDataTool() {}

    /** Runs the tool; returns the process exit code (0 done, 2 bad arguments, 1 failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean reset = false;
        long largeRows = -1;
        Path dataDir = AthanorDirectories.forUser().sampleDatabase();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--reset" -> reset = true;
                    case "--large-rows" -> largeRows = Long.parseLong(value(args, ++i, "--large-rows"));
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                    case "-h", "--help" -> {
                        out.print(USAGE.formatted(AthanorDirectories.forUser().sampleDatabase()));
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (largeRows < -1) {
                throw new IllegalArgumentException("--large-rows needs a number of rows, 0 or more");
            }
        } catch (IllegalArgumentException e) {
            err.println("athanor sample-data: " + e.getMessage());
            err.print(USAGE.formatted(AthanorDirectories.forUser().sampleDatabase()));
            return 2;
        }
        if (reset) {
            out.println("Dropping the sample database in " + dataDir + "…");
        }
        try (var server = SampleServer.startOrAttach(dataDir, out::println)) {
            if (reset) {
                server.recreateDatabase(out::println);
            }
            if (largeRows >= 0) {
                out.println("Generating " + largeRows + " rows in table events…");
                long start = System.nanoTime();
                server.addLargeTable(largeRows);
                out.printf("Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            }
            return 0;
        } catch (IOException | SQLException e) {
            err.println("athanor sample-data: " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
