package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

class EnginePoolTest {
    private static final TestPostgres PG = TestPostgres.shared();
    private static ConnectionProfile profile;

    @BeforeAll
    static void database() {
        var db = PG.createEmptyDatabase("engine_pool");
        profile = ConnectionProfile.of("pool", PG.host(), PG.port(), db, PG.superuser())
                .withSslMode(SslMode.DISABLE);
    }

    private static int pid(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getBackendPID();
    }

    private static PoolStats awaitStats(Engine engine, Predicate<PoolStats> condition) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        var stats = engine.poolStats();
        while (!condition.test(stats) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = engine.poolStats();
        }
        return stats;
    }

    @Test
    void statsAreZeroBeforeTheFirstCheckout() {
        try (var engine = Engine.create(
                profile, PasswordSource.none(), PoolSettings.defaults().withMaximumPoolSize(4))) {
            assertThat(engine.poolStats()).isEqualTo(new PoolStats(0, 0, 0, 0, 4));
        }
    }

    @Test
    void heldConnectionsCountAsActiveAndReturnAsIdle() throws Exception {
        var settings = PoolSettings.defaults().withMaximumPoolSize(3).withMinimumIdle(0);
        try (var engine = Engine.create(profile, PasswordSource.none(), settings)) {
            var first = engine.connection("test");
            var second = engine.connection("test");
            var held = engine.poolStats();
            first.close();
            second.close();
            var returned = awaitStats(engine, s -> s.idle() == 2);

            assertThat(held.active()).isEqualTo(2);
            assertThat(held.idle()).isZero();
            assertThat(held.max()).isEqualTo(3);
            assertThat(returned.active()).isZero();
            assertThat(returned.idle()).isEqualTo(2);
            assertThat(returned.total()).isEqualTo(2);
        }
    }

    @Test
    void pooledCheckoutsReuseTheSamePhysicalConnection() throws SQLException {
        var settings = PoolSettings.defaults().withMaximumPoolSize(1).withMinimumIdle(0);
        try (var engine = Engine.create(profile, PasswordSource.none(), settings)) {
            int first;
            try (var connection = engine.connection("test")) {
                first = pid(connection);
            }
            try (var connection = engine.connection("test")) {
                assertThat(pid(connection)).isEqualTo(first);
            }
        }
    }

    @Test
    void threadWaitsWhenThePoolIsExhausted() throws Exception {
        var settings = PoolSettings.defaults()
                .withMaximumPoolSize(2)
                .withMinimumIdle(0)
                .withConnectionTimeout(Duration.ofSeconds(10));
        try (var engine = Engine.create(profile, PasswordSource.none(), settings)) {
            var first = engine.connection("test");
            var second = engine.connection("test");
            var waiter = CompletableFuture.supplyAsync(() -> {
                try (var connection = engine.connection("waiter")) {
                    return pid(connection);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            var waiting = awaitStats(engine, s -> s.waiting() > 0);
            var releasedPid = pid(first);
            first.close();

            assertThat(waiting.waiting()).isEqualTo(1);
            assertThat(waiting.active()).isEqualTo(2);
            assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(releasedPid);
            second.close();
        }
    }

    @Test
    void exhaustedPoolFailsAfterTheConnectionTimeout() throws SQLException {
        var settings = PoolSettings.defaults()
                .withMaximumPoolSize(1)
                .withMinimumIdle(0)
                .withConnectionTimeout(Duration.ofMillis(300));
        try (var engine = Engine.create(profile, PasswordSource.none(), settings);
                var held = engine.connection("holder")) {
            assertThat(pid(held)).isPositive();
            assertThatThrownBy(() -> engine.connection("second"))
                    .isInstanceOf(PoolExhausted.class)
                    .hasMessageContaining("every connection in the pool is in use");
        }
    }

    @Test
    void noPoolOpensADistinctBackendForEachCheckout() throws SQLException {
        try (var engine = Engine.create(profile, PasswordSource.none(), PoolSettings.noPool())) {
            var pids = new ArrayList<Integer>();
            for (var i = 0; i < 3; i++) {
                try (var connection = engine.connection("test")) {
                    pids.add(pid(connection));
                }
            }

            assertThat(pids).doesNotHaveDuplicates().hasSize(3);
        }
    }

    @Test
    void noPoolCountsOpenConnections() throws SQLException {
        try (var engine = Engine.create(profile, PasswordSource.none(), PoolSettings.noPool())) {
            var connection = engine.connection("test");
            var open = engine.poolStats();
            connection.close();
            connection.close(); // a second close must not count twice

            assertThat(open).isEqualTo(new PoolStats(1, 0, 0, 1, -1));
            assertThat(open.unbounded()).isTrue();
            assertThat(engine.poolStats()).isEqualTo(new PoolStats(0, 0, 0, 0, -1));
        }
    }

    @Test
    void noPoolClosesThePhysicalConnection() throws Exception {
        try (var engine = Engine.create(profile, PasswordSource.none(), PoolSettings.noPool());
                var observer = PG.connect(profile.database());
                var check = observer.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            int pid;
            try (var connection = engine.connection("test")) {
                pid = pid(connection);
            }
            check.setInt(1, pid);
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            long count;
            do {
                try (var result = check.executeQuery()) {
                    result.next();
                    count = result.getLong(1);
                }
            } while (count > 0 && System.nanoTime() < deadline);

            assertThat(count).isZero();
        }
    }

    @Test
    void closedEngineRefusesCheckouts() {
        var engine = Engine.create(profile, PasswordSource.none(), PoolSettings.defaults());
        engine.close();

        assertThat(engine.isClosed()).isTrue();
        assertThatThrownBy(() -> engine.connection("late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testConnectionReportsServerUserAndDatabase() {
        try (var engine = Engine.create(profile, PasswordSource.none(), PoolSettings.defaults())) {
            var info = engine.testConnection();

            assertThat(info.user()).isEqualTo(PG.superuser());
            assertThat(info.database()).isEqualTo(profile.database());
            assertThat(info.version()).startsWith("PostgreSQL");
            assertThat(info.versionNumber()).isGreaterThanOrEqualTo(170000);
            assertThat(info.backendPid()).isPositive();
            assertThat(engine.echo().recent("connection test")).hasSize(1);
        }
    }

    @Test
    void dataSourceViewHandsOutEchoedConnections() throws SQLException {
        var engine = Engine.create(profile, PasswordSource.none(), PoolSettings.defaults());
        try (engine;
                var connection = engine.dataSource("library").getConnection();
                var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
        // A query's event waits for its row count, so it is published once the statement is closed.
        assertThat(engine.echo().recent("library"))
                .singleElement()
                .extracting(EchoEvent::sql)
                .isEqualTo("SELECT 1");
    }

    @Test
    void sessionSettingsDoNotLeakToTheNextCheckout() throws SQLException {
        var settings = PoolSettings.defaults().withMaximumPoolSize(1).withMinimumIdle(0);
        try (var engine = Engine.create(profile, PasswordSource.none(), settings)) {
            int firstPid;
            try (var connection = engine.connection("console");
                    var statement = connection.createStatement()) {
                firstPid = pid(connection);
                statement.execute("SET statement_timeout = '1234ms'");
            }
            try (var connection = engine.connection("catalog");
                    var statement = connection.createStatement();
                    var result = statement.executeQuery("SHOW statement_timeout")) {
                result.next();

                assertThat(pid(connection)).isEqualTo(firstPid);
                assertThat(result.getString(1)).isEqualTo("0");
            }
            assertThat(engine.echo().recent("console"))
                    .extracting(EchoEvent::sql)
                    .containsExactly("SET statement_timeout = '1234ms'", "DISCARD ALL");
        }
    }

    @Test
    void ordinaryCheckoutsAreNotDiscarded() throws SQLException {
        try (var engine = Engine.create(profile, PasswordSource.none(), PoolSettings.defaults())) {
            try (var connection = engine.connection("reader");
                    var statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }

            assertThat(engine.echo().recent("reader"))
                    .extracting(EchoEvent::sql)
                    .containsExactly("SELECT 1");
        }
    }

    @Test
    void sessionChangingStatementsAreRecognised() {
        assertThat(EchoJdbc.changesSession("SET search_path = x")).isTrue();
        assertThat(EchoJdbc.changesSession("  -- c\n reset all")).isTrue();
        assertThat(EchoJdbc.changesSession("CREATE TEMP TABLE t (x int)")).isTrue();
        assertThat(EchoJdbc.changesSession("select set_config('a.b', '1', false)"))
                .isTrue();
        assertThat(EchoJdbc.changesSession("SET LOCAL statement_timeout = 5")).isFalse();
        assertThat(EchoJdbc.changesSession("UPDATE t SET x = 1")).isFalse();
        assertThat(EchoJdbc.changesSession("SELECT 'set x'")).isFalse();
    }

    @Test
    void closingTheEngineEndsCheckedOutConnectionsPromptly() throws SQLException {
        var engine = Engine.create(profile, PasswordSource.none(), PoolSettings.defaults());
        var held = engine.connection("console");
        assertThat(pid(held)).isPositive();

        var start = System.nanoTime();
        engine.close();
        var elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
        assertThatThrownBy(() -> held.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
        held.close();
    }

    @Test
    void closingWhileThePoolFillsWaitsForTheConnectionsBeingOpenedAndLeavesNoneOpen() throws Exception {
        String database = profile.database();
        var log = new java.io.ByteArrayOutputStream();
        var stderr = System.err;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (int round = 0; round < 5; round++) {
                var settings = PoolSettings.defaults().withMaximumPoolSize(8).withMinimumIdle(8);
                var engine = Engine.create(profile, PasswordSource.none(), settings);
                engine.connection("test").close(); // starts the pool, which opens seven more in the background
                engine.close();
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8))
                .as("the pool waited for the connections it was opening instead of giving up at once")
                .doesNotContain("Timed-out waiting for add connection executor");
        // Give any connection still being opened by a closed pool the time to reach the server.
        Thread.sleep(1_000);
        try (var observer = PG.connect(database);
                var statement = observer.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, database);
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("connections left open by closed pools")
                        .isZero();
            }
        }
    }
}
