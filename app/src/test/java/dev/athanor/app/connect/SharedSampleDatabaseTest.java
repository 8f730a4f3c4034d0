package dev.athanor.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.testing.SampleServerProcess;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.RememberedPasswords;
import dev.athanor.model.engine.ServerUnreachable;
import dev.athanor.sample.SampleServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes share the built-in sample database: this test's JVM and a second one started on the test class
 * path ({@link SampleServerProcess}). When the one that runs the server ends, cleanly or killed, the other takes the
 * server over on the same data directory and port, and its Engine's pool reconnects; when an attached one ends, the
 * owner does not notice.
 */
class SharedSampleDatabaseTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** How long the survivors get after the first takeover to do a second one, which must not happen. */
    private static final Duration WATCH_SETTLE = Duration.ofSeconds(2);

    // One data directory for the whole class: the sample data is created once, each test starts from whatever the
    // previous one left, as a user's directory would be.
    @TempDir
    static Path root;

    @TempDir
    Path config;

    private final List<Process> processes = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void nothingLeftRunning() throws Exception {
        for (var process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        for (var resource : open.reversed()) {
            resource.close();
        }
        assertThat(eventually(() -> postmastersOf(root.resolve("pgdata")).isEmpty()))
                .as("no postgres process is left on the test's data directory")
                .isTrue();
        assertThat(root.resolve("pgdata").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void survivorTakesTheServerOverWhenTheOwnerExitsCleanly() throws Exception {
        survivorTakesOver(owner -> owner.command("exit"));
    }

    @Test
    void survivorTakesTheServerOverWhenTheOwnerIsKilled() throws Exception {
        survivorTakesOver(Other::kill);
    }

    @Test
    void ownerIsUnaffectedWhenAttachedProcessesEnd() throws Exception {
        var notices = new CopyOnWriteArrayList<SampleDatabase.Notice>();
        var sample = sampleDatabase(notices);
        var database = connect(sample);
        long postmaster = postmasterPid(database);
        assertThat(postmastersOf(root.resolve("pgdata"))).containsExactly(postmaster);

        var clean = start();
        assertThat(clean.ready()).isEqualTo("ready " + sample.start(m -> {}).port() + " false");
        clean.command("insert written by an attached process");
        assertThat(clean.reply()).isEqualTo("inserted");
        clean.command("exit");
        assertThat(clean.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        var killed = start();
        assertThat(killed.ready()).endsWith(" false");
        killed.kill();

        assertThat(count(database, "written by an attached process")).isEqualTo(1);
        assertThat(postmasterPid(database))
                .as("the owner's server kept running")
                .isEqualTo(postmaster);
        assertThat(notices).isEmpty();
    }

    @Test
    void exactlyOneOfTwoSurvivorsTakesTheServerOver() throws Exception {
        var owner = start();
        int port = port(owner.ready());
        var here = SampleServer.startOrAttach(root, message -> {});
        open.add(here);
        var there = start();
        assertThat(there.ready()).isEqualTo("ready " + port + " false");
        assertThat(here.owned()).isFalse();

        owner.kill();

        assertThat(eventually(
                        () -> postmastersOf(root.resolve("pgdata")).size() == 1 && (here.owned() || owned(there))))
                .as("one survivor restarted the server")
                .isTrue();
        Thread.sleep(WATCH_SETTLE.toMillis());
        assertThat(here.owned() ^ owned(there))
                .as("exactly one of the two survivors owns the server")
                .isTrue();
        assertThat(postmastersOf(root.resolve("pgdata"))).hasSize(1);
        assertThat(here.port()).isEqualTo(port);
        there.command("insert written after the race");
        assertThat(there.reply()).isEqualTo("inserted");
        there.command("exit");
        assertThat(there.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        // Whichever of the two owned it, the one left now runs the server and sees the row.
        assertThat(eventually(() -> here.owned())).isTrue();
        try (var connection = java.sql.DriverManager.getConnection(here.jdbcUrl(), here.user(), "");
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT count(*) FROM workers WHERE username = 'written after the race'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    private void survivorTakesOver(Consumer<Other> endOwner) throws Exception {
        var owner = start();
        String ready = owner.ready();
        assertThat(ready).endsWith(" true");
        int port = port(ready);
        var notices = new CopyOnWriteArrayList<SampleDatabase.Notice>();
        var sample = sampleDatabase(notices);
        var database = connect(sample);
        assertThat(sample.start(m -> {}).port()).isEqualTo(port);
        long ownersPostmaster = postmasterPid(database);
        String name = "written before the owner ended " + System.nanoTime();
        execute(database, "INSERT INTO workers (username) VALUES ('" + name + "')");

        // A statement running while the owner ends fails with a message for people.
        var inFlight = CompletableFuture.supplyAsync(() -> failureOf(database, "SELECT pg_sleep(60)"));
        assertThat(eventually(() -> sleeping(database))).isTrue();
        endOwner.accept(owner);
        assertThat(owner.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        var failure = inFlight.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(failure).isPresent();
        assertThat(failure.get()).isInstanceOf(ServerUnreachable.class);
        assertThat(failure.get().userMessage()).startsWith("Cannot reach the server at localhost:" + port);

        // The next statements work through the same Engine, on the same data directory, with the row kept.
        assertThat(eventually(() -> countOrMinusOne(database, name) == 1))
                .as("the row written before the takeover is there")
                .isTrue();
        assertThat(postmasterPid(database)).isNotEqualTo(ownersPostmaster);
        assertThat(dataDirectory(database))
                .isEqualTo(root.resolve("pgdata").toRealPath().toString());
        assertThat(postmastersOf(root.resolve("pgdata"))).containsExactly(postmasterPid(database));
        execute(database, "DELETE FROM workers WHERE username = '" + name + "'");
        // The notice is posted once the takeover is complete, which may come a moment after the server answers.
        assertThat(eventually(() -> notices.stream()
                        .anyMatch(n -> n.message().equals("The sample database now runs from this Athanor."))))
                .as("the takeover is announced: %s", notices)
                .isTrue();
        assertThat(notices).noneMatch(SampleDatabase.Notice::reconnect);
    }

    // --- this process's side: the application's own path from the sample database to an Engine

    private SampleDatabase sampleDatabase(List<SampleDatabase.Notice> notices) {
        var sample = SampleDatabase.embedded(root);
        sample.onNotice(notices::add);
        open.add(sample);
        return sample;
    }

    private OpenDatabase connect(SampleDatabase sample) {
        var connector = new EngineConnector(
                sample,
                new ProfileStore(config),
                new RememberedPasswords(),
                Map.of(),
                PoolSettings.defaults().withConnectionTimeout(Duration.ofSeconds(2)));
        var database = connector.open(new ConnectionChoice.SampleDatabase(), null, message -> {});
        open.add(database);
        return database;
    }

    private static void execute(OpenDatabase database, String sql) throws SQLException {
        try (var connection = database.connection("test");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Optional<DatabaseException> failureOf(OpenDatabase database, String sql) {
        try {
            execute(database, sql);
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            return Optional.of(database.engine().classify(e));
        }
    }

    private static boolean sleeping(OpenDatabase database) {
        return number(database, "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)'") == 1;
    }

    private static long count(OpenDatabase database, String name) {
        return number(database, "SELECT count(*) FROM workers WHERE username = '" + name + "'");
    }

    // While the server restarts a checkout can fail: that is what the test waits out.
    private static long countOrMinusOne(OpenDatabase database, String name) {
        try {
            return count(database, name);
        } catch (DatabaseException e) {
            return -1;
        }
    }

    // The server's backends are children of the postmaster, the process that owns the data directory.
    private static long postmasterPid(OpenDatabase database) {
        return ProcessHandle.of(number(database, "SELECT pg_backend_pid()"))
                .flatMap(ProcessHandle::parent)
                .map(ProcessHandle::pid)
                .orElseThrow();
    }

    private static String dataDirectory(OpenDatabase database) {
        return text(database, "SELECT current_setting('data_directory')");
    }

    private static long number(OpenDatabase database, String sql) {
        return Long.parseLong(text(database, sql));
    }

    private static String text(OpenDatabase database, String sql) {
        try (var connection = database.connection("test");
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw database.engine().classify(e);
        }
    }

    /** The postmasters whose command line names {@code pgdata}: the server processes of this data directory. */
    private static List<Long> postmastersOf(Path pgdata) {
        String directory = pgdata.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).contains(directory))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    // --- the other process

    private Other start() throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var errors = Files.createTempFile(config, "other", ".err");
        var process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SampleServerProcess.class.getName(),
                        root.toString())
                .redirectError(errors.toFile())
                .start();
        processes.add(process);
        return new Other(
                process,
                errors,
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true));
    }

    private static boolean owned(Other other) {
        other.command("status");
        return other.reply().endsWith(" true");
    }

    private static int port(String ready) {
        return Integer.parseInt(ready.split(" ")[1]);
    }

    /** The second process: one line in per command, one line out per answer. */
    private record Other(Process process, Path errors, BufferedReader answers, PrintWriter commands) {
        String ready() {
            return reply();
        }

        void command(String line) {
            commands.println(line);
        }

        String reply() {
            String line;
            try {
                line = CompletableFuture.supplyAsync(this::readLine).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the other process did not answer", e);
            }
            if (line == null) {
                throw new AssertionError("the other process ended: " + readErrors());
            }
            return line;
        }

        private String readErrors() {
            try {
                return Files.readString(errors);
            } catch (IOException e) {
                return e.toString();
            }
        }

        private String readLine() {
            try {
                return answers.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void kill() {
            process.destroyForcibly().onExit().orTimeout(60, TimeUnit.SECONDS).join();
        }
    }

    /** Polls {@code condition} until it holds or {@link #WAIT} has passed: a wait for an event, not a measure. */
    private static boolean eventually(Supplier<Boolean> condition) throws InterruptedException {
        var deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.get();
    }
}
