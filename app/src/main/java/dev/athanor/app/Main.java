package dev.athanor.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the launcher jar: dispatches on the first argument.
 *
 * <p>Kept free of JavaFX types so that the JVM can start it from the class path, and so that command-line
 * subcommands never load the toolkit: the desktop classes are only touched through {@link #launchDesktop}
 * and {@link #renderScreenshots}, which name them by class literal inside a method body the CLI paths never
 * call.
 */
public final class Main {
    /** Exit status for a command line the launcher does not understand. */
    static final int USAGE_ERROR = 2;
    /** Exit status when the window cannot open because there is no display to open it on. */
    static final int NO_DISPLAY = 6;

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status >= 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the command named by {@code args[0]}.
     *
     * @return the process exit status (for the desktop, once its window has closed)
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isProjectFile(args)) {
            var missing = missingDisplay(System.getProperty("os.name", ""), System.getenv(), System.getProperties());
            if (missing != null) {
                err.println(missing);
                return NO_DISPLAY;
            }
            try {
                return launchDesktop(args.length == 0 ? null : Path.of(args[0]));
            } catch (UnsupportedOperationException toolkit) {
                // JavaFX reports a platform it cannot use (no GTK 3, a display it cannot open) this way.
                err.println("athanor: the window cannot open: "
                        + String.valueOf(toolkit.getMessage()).replaceAll("\\.$", "") + ".");
                err.println("  On Linux the window needs GTK 3 (Debian and Ubuntu: apt install libgtk-3-0) and a"
                        + " display.");
                return NO_DISPLAY;
            }
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (command) {
            case "screenshots" -> {
                if (rest.length != 1) {
                    err.println("usage: athanor screenshots DIR");
                    yield USAGE_ERROR;
                }
                renderScreenshots(Path.of(rest[0]));
                out.println("Screenshots written to " + Path.of(rest[0]).toAbsolutePath());
                yield 0;
            }
            // Slots for the command-line tools; each replaces its line with a call into its own package.
            case "sample-data" -> dev.athanor.sample.SampleDataTool.run(rest, out, err);
            case "run", "sql", "lab", "export-mapping" -> dev.athanor.app.cli.CommandLine.run(command, rest, out, err);
            case "help", "--help", "-h" -> {
                out.println(usage());
                yield 0;
            }
            default -> {
                err.println("athanor: unknown command '" + command + "'.");
                err.println(usage());
                yield USAGE_ERROR;
            }
        };
    }

    /**
     * Why the desktop window cannot open here, in plain words, or null when it can: on Linux, JavaFX needs an X11
     * or Wayland display unless the headless platform was chosen, and without one it fails with a stack trace.
     */
    static String missingDisplay(String osName, java.util.Map<String, String> env, java.util.Properties properties) {
        if (!osName.toLowerCase(java.util.Locale.ROOT).contains("linux")
                || "Headless".equalsIgnoreCase(properties.getProperty("glass.platform", ""))
                || !env.getOrDefault("DISPLAY", "").isBlank()
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            return null;
        }
        return """
                athanor: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).
                  Start it from a desktop session, or through a virtual display: xvfb-run ./athanor
                  Without a display: ./athanor screenshots renders the windows to PNG files, and
                  ./athanor run / ./athanor sql run saved queries (./athanor help lists the commands).""";
    }

    static String usage() {
        return """
                usage: athanor [COMMAND]
                  (no command)        start the desktop application
                  FILE.athanor.json   start the desktop application on a query project
                  screenshots DIR     render each main tab to PNG files in DIR
                  run PROJECT ...     run the saved queries of a project, rows to standard output
                                      (athanor run --help for options)
                  sql PROJECT ...     print the SQL of a saved query (athanor sql --help)
                  lab --table T ...   compare loader strategies on a relationship (athanor lab --help)
                  export-mapping ...  SQLAlchemy 2.0 mapping and Pydantic DTOs of tables (--help)
                  sample-data ...     regenerate the sample data
                  help                show this message

                Exit status of run, sql and lab: 0 ok, 2 usage error, 3 project file error,
                4 connection or authentication error, 5 query error, 6 more statements than
                lab --max-statements allows, 130 interrupted.""";
    }

    /**
     * Whether the command line is a single query project file to open in the desktop app: what the desktop's
     * file-type association runs ({@code athanor FILE.athanor.json}).
     */
    static boolean isProjectFile(String[] args) {
        return args.length == 1 && args[0].endsWith(dev.athanor.query.project.ProjectFile.EXTENSION);
    }

    private static int launchDesktop(Path project) {
        return AthanorApp.launchWindow(project);
    }

    private static void renderScreenshots(Path directory) {
        dev.athanor.app.screens.Screenshots.render(directory);
    }
}
