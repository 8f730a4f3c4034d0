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
}
