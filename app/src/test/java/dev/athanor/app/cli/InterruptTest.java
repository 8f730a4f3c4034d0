package dev.athanor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.athanor.query.model.Query;
import dev.athanor.query.project.ProjectFile;
import dev.athanor.query.project.QueryProject;
import dev.athanor.query.project.SavedQuery;
import dev.athanor.sample.testkit.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on {@code athanor run} stops the query on the server and exits with 130. */
class InterruptTest {
    private static final String SLOW = "SELECT pg_sleep(600) AS slept";

    @TempDir
    Path directory;

    @Test
    void interruptCancelsTheRunningQueryAndExitsWith130() throws Exception {
        // A process started with SIGINT ignored (nohup, some CI runners) keeps ignoring it; nothing to test then.
        assumeFalse(interruptIgnored(), "SIGINT is ignored in this environment");
        var pg = TestPostgres.shared();
        var database = pg.createEmptyDatabase("interrupt");
        var url = "postgresql://" + pg.superuser() + "@" + pg.host() + ":" + pg.port() + "/" + database;
        var file = directory.resolve("slow.athanor.json");
        ProjectFile.standard()
                .save(file, QueryProject.empty().withQueries(List.of(SavedQuery.of("slow", new Query.Raw(SLOW)))));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var errors = directory.resolve("stderr.txt");
        var command = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.athanor.app.Main",
                        "run",
                        file.toString(),
                        "--url",
                        url)
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(errors.toFile());
        command.environment().put("PGPASSFILE", directory.resolve("no-pgpass").toString());
        var process = command.start();
        try {
            assertThat(eventually(() -> running(pg, database) == 1))
                    .as("the query started")
                    .isTrue();

            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .start()
                    .waitFor();

            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the process ended")
                    .isTrue();
            assertThat(process.exitValue()).isEqualTo(130);
            assertThat(eventually(() -> running(pg, database) == 0))
                    .as("the server stopped the query")
                    .isTrue();
            assertThat(Files.readString(errors)).contains("the running query was cancelled");
        } finally {
            process.destroyForcibly();
        }
    }

    private static long running(TestPostgres pg, String database) {
        try (var connection = pg.connect(database);
                var statement = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND state = 'active' AND query = ?")) {
            statement.setString(1, database);
            statement.setString(2, SLOW);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} for up to a minute: a wait for an event, not a measure of speed. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    /** Whether this process (and so its children) ignores SIGINT, from the SigIgn mask of /proc/self/status. */
    private static boolean interruptIgnored() throws IOException {
        var status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return true;
        }
        for (var line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                var mask = Long.parseUnsignedLong(
                        line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (2 - 1))) != 0;
            }
        }
        return true;
    }
}
