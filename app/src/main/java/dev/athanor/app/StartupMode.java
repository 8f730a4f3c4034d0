package dev.athanor.app;

import dev.athanor.app.window.WindowState;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.application.Platform;

/**
 * What the desktop does beyond opening its window, chosen by the system property {@code athanor.startup}:
 *
 * <ul>
 *   <li>unset: nothing;
 *   <li>{@code report}: prints a marker line when the window is shown and when the sample database's schema tree
 *       has loaded (the start-up benchmark times these lines);
 *   <li>{@code exit}: reports, then runs one query in the SQL console and exits (status 0), or exits with status 1
 *       when connecting or loading fails. The AOT cache's training run and the packaged app's check start it so.
 * </ul>
 */
enum StartupMode {
    NONE,
    REPORT,
    EXIT;

    static final String PROPERTY = "athanor.startup";
    static final String MARKER = "athanor-startup";
    /** The training query: it touches the catalog views the tree reads and fills a result grid. */
    static final String QUERY =
            "select table_schema, table_name, table_type from information_schema.tables order by 1, 2 limit 50";

    private static volatile int exitStatus;

    static StartupMode fromProperty(String value) {
        if (value == null || value.isBlank()) return NONE;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "report" -> REPORT;
            case "exit" -> EXIT;
            default ->
                throw new IllegalArgumentException("-D" + PROPERTY + " takes report or exit, not '" + value + "'");
        };
    }

    static StartupMode current() {
        return fromProperty(System.getProperty(PROPERTY));
    }

    /** The status the process ends with when this mode ended the application. */
    static int exitStatus() {
        return exitStatus;
    }

    /** The marker line for {@code event}: its name and the milliseconds since the process started. */
    static String marker(String event, Instant processStart, Instant now) {
        return MARKER + " " + event + " " + Duration.between(processStart, now).toMillis() + " ms";
    }

    void windowShown(PrintStream out) {
        report(out, "window-shown");
    }

    /** Watches the desktop's first connection; UI thread. */
    void watch(Desktop desktop, PrintStream out, PrintStream err) {
        if (this == NONE) return;
        desktop.whenSchemaLoaded(
                connected -> {
                    report(out, "schema-loaded");
                    if (this == EXIT) runQueryThenExit(connected, out, err);
                },
                problem -> {
                    err.println("athanor: the sample database did not load: " + problem);
                    if (this == EXIT) {
                        exitStatus = 1;
                        Platform.exit();
                    }
                });
    }

    private void runQueryThenExit(WindowState.Connected connected, PrintStream out, PrintStream err) {
        var console = connected.console();
        console.runningProperty().addListener((obs, was, running) -> {
            if (was && !running) {
                report(out, "query-done");
                Platform.exit();
            }
        });
        console.runScript(QUERY);
    }

    private void report(PrintStream out, String event) {
        if (this == NONE) return;
        var start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        out.println(marker(event, start, Instant.now()));
        out.flush();
    }
}
