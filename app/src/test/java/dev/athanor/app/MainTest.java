package dev.athanor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandPrintsUsageAndFails() {
        int status = run("frobnicate");

        assertThat(status).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown command 'frobnicate'")
                .contains("screenshots DIR");
    }

    @Test
    void aSingleProjectFileStartsTheDesktopOnIt() {
        assertThat(Main.isProjectFile(new String[] {"/home/me/reports.athanor.json"}))
                .isTrue();
    }

    @Test
    void aProjectFileAfterACommandIsThatCommandsArgument() {
        assertThat(Main.isProjectFile(new String[] {"run", "reports.athanor.json"}))
                .isFalse();
    }

    @Test
    void anUnknownStartupModeIsRefusedBeforeTheWindowOpens() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StartupMode.fromProperty("fast"))
                .hasMessageContaining("athanor.startup");
    }

    @Test
    void theStartupMarkerGivesMillisecondsSinceTheProcessStarted() {
        var start = java.time.Instant.parse("2026-01-01T00:00:00Z");

        assertThat(StartupMode.marker("window-shown", start, start.plusMillis(1234)))
                .isEqualTo("athanor-startup window-shown 1234 ms");
    }

    @Test
    void screenshotsWithoutDirectoryPrintsItsUsage() {
        int status = run("screenshots");

        assertThat(status).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: athanor screenshots DIR");
    }

    @Test
    void helpListsEveryCommand() {
        int status = run("help");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("screenshots", "run", "sql", "sample-data");
    }

    @Test
    void runAndSqlAreDispatchedToTheCommandLineRunner() {
        assertThat(run("run", "--help")).isZero();
        assertThat(run("sql", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("usage: athanor run PROJECT")
                .contains("usage: athanor sql PROJECT");
    }

    @Test
    void helpListsTheExitStatusesOfRunAndSql() {
        run("--help");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 project file error", "130 interrupted");
    }

    @Test
    void withoutADisplayOnLinuxTheWindowIsNotStartedAndTheMessageSaysWhatToDo() {
        String message = Main.missingDisplay("Linux", java.util.Map.of(), new java.util.Properties());

        assertThat(message)
                .contains("no display")
                .contains("DISPLAY")
                .contains("xvfb-run ./athanor")
                .contains("./athanor screenshots")
                .doesNotContain("Exception");
    }

    @Test
    void aDisplayOrTheHeadlessPlatformLetsTheWindowStart() {
        var none = new java.util.Properties();
        var headless = new java.util.Properties();
        headless.setProperty("glass.platform", "Headless");

        assertThat(Main.missingDisplay("Linux", java.util.Map.of("DISPLAY", ":0"), none))
                .isNull();
        assertThat(Main.missingDisplay("Linux", java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), none))
                .isNull();
        assertThat(Main.missingDisplay("Linux", java.util.Map.of(), headless)).isNull();
        assertThat(Main.missingDisplay("Windows 11", java.util.Map.of(), none)).isNull();
        assertThat(Main.missingDisplay("Linux", java.util.Map.of("DISPLAY", " "), none))
                .isNotNull();
    }
}
