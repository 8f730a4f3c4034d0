package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.athanor.sample.testkit.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineFailureTest {
    private static final TestPostgres PG = TestPostgres.shared();
    private static final String ROLE = "engine_failure_alice";
    private static String db;
    private static Engine engine;

    @BeforeAll
    static void start() {
        db = PG.createSampleDatabase("engine_failure");
        PG.createPasswordRole(ROLE, "right-password");
        engine = Engine.create(superuserProfile(), PasswordSource.none(), PoolSettings.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static ConnectionProfile superuserProfile() {
        return ConnectionProfile.of("failures", PG.host(), PG.port(), db, PG.superuser())
                .withSslMode(SslMode.DISABLE);
    }

    private static ConnectionProfile aliceProfile() {
        return superuserProfile().withUser(ROLE);
    }

    private static <T extends Throwable> T failureOf(Class<T> type, ThrowingRunnable action) {
        return catchThrowableOfType(type, action::run);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void rightPasswordConnects() {
        try (var alice = Engine.create(aliceProfile(), "right-password".toCharArray(), PoolSettings.defaults())) {
            assertThat(alice.testConnection().user()).isEqualTo(ROLE);
        }
    }

    @Test
    void wrongPasswordIsAuthenticationFailedQuickly() {
        try (var alice = Engine.create(aliceProfile(), "wrong".toCharArray(), PoolSettings.defaults())) {
            var start = System.nanoTime();
            var failure = failureOf(AuthenticationFailed.class, alice::testConnection);
            var elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure.sqlState()).isEqualTo("28P01");
            assertThat(failure.userMessage()).isEqualTo("Wrong password for user " + ROLE + ".");
            assertThat(failure.passwordMissing()).isFalse();
            assertThat(failure.details()).contains("28P01").doesNotContain("wrong");
            assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void missingPasswordAsksForOne() {
        try (var alice = Engine.create(aliceProfile(), PasswordSource.none(), PoolSettings.defaults())) {
            var failure = failureOf(AuthenticationFailed.class, alice::testConnection);

            assertThat(failure.passwordMissing()).isTrue();
            assertThat(failure.userMessage()).contains("wants a password");
        }
    }

    @Test
    void passwordRememberedAfterAFailureIsUsedByTheNextCheckout() {
        var remembered = new RememberedPasswords();
        try (var alice = Engine.create(aliceProfile(), remembered, PoolSettings.defaults())) {
            assertThatThrownBy(alice::testConnection).isInstanceOf(AuthenticationFailed.class);
            remembered.remember(aliceProfile(), "right-password".toCharArray());

            assertThat(alice.testConnection().user()).isEqualTo(ROLE);
        }
    }

    @Test
    void unreachablePortIsServerUnreachableQuickly() throws Exception {
        int freePort;
        try (var socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        var profile = superuserProfile().withHost("127.0.0.1").withPort(freePort);
        try (var nowhere = Engine.create(profile, PasswordSource.none(), PoolSettings.defaults())) {
            var start = System.nanoTime();
            var failure = failureOf(ServerUnreachable.class, () -> nowhere.connection("test"));
            var elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure.userMessage())
                    .isEqualTo("Cannot reach the server at 127.0.0.1:" + freePort + ": connection refused.");
            assertThat(failure.sqlState()).isEqualTo("08001");
            assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void unknownHostIsServerUnreachable() {
        var profile = superuserProfile().withHost("no-such-host.invalid");
        try (var nowhere = Engine.create(profile, PasswordSource.none(), PoolSettings.defaults())) {
            var failure = failureOf(ServerUnreachable.class, nowhere::testConnection);

            assertThat(failure.userMessage()).contains("unknown host name");
        }
    }

    @Test
    void syntaxErrorCarriesThePosition() {
        var sql = "SELECT id FROM workers WHER id = 1";
        var failure = failureOf(SyntaxError.class, () -> engine.dsl("console").execute(sql));
        var offendingToken = sql.indexOf("id = 1") + 1;

        assertThat(failure.sqlState()).isEqualTo("42601");
        assertThat(failure.userMessage()).isEqualTo("Syntax error at or near \"id\".");
        assertThat(failure.position()).hasValue(offendingToken);
        assertThat(failure.details()).contains("Position: " + offendingToken).contains("SQLSTATE: 42601");
    }

    @Test
    void undefinedTableIsASyntaxErrorWithPosition() throws SQLException {
        try (var connection = engine.connection("console");
                var statement = connection.createStatement()) {
            var sqlFailure =
                    catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT * FROM nowhere"));
            var failure = DatabaseErrors.classify(sqlFailure);

            assertThat(failure).isInstanceOf(SyntaxError.class);
            assertThat(failure.sqlState()).isEqualTo("42P01");
            assertThat(((SyntaxError) failure).position()).hasValue(15);
            assertThat(failure.getCause()).isSameAs(sqlFailure);
        }
    }

    @Test
    void uniqueViolationNamesTheConstraint() throws SQLException {
        String existing;
        try (var connection = engine.connection("test");
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT username FROM users LIMIT 1")) {
            result.next();
            existing = result.getString(1);
        }
        var failure = failureOf(ConstraintViolation.class, () -> engine.dsl("table data")
                .insertInto(table(name("users")), field(name("username")))
                .values(existing)
                .execute());

        assertThat(failure.sqlState()).isEqualTo("23505");
        assertThat(failure.constraint()).contains("users_username_key");
        assertThat(failure.table()).contains("users");
        assertThat(failure.detail()).hasValueSatisfying(d -> assertThat(d).contains(existing));
        assertThat(failure.userMessage()).contains("users_username_key").contains("already exists");
    }

    @Test
    void checkViolationNamesTheConstraint() {
        var failure = failureOf(ConstraintViolation.class, () -> engine.dsl("table data")
                .update(table(name("resumes")))
                .set(field(name("compensation")), -1)
                .where(field(name("id")).eq(1))
                .execute());

        assertThat(failure.sqlState()).isEqualTo("23514");
        assertThat(failure.constraint()).contains("check_compensation_positive");
        assertThat(failure.table()).contains("resumes");
    }

    @Test
    void notNullViolationNamesTheColumn() {
        var failure = failureOf(ConstraintViolation.class, () -> engine.dsl("table data")
                .insertInto(table(name("workers")), field(name("username")))
                .values((Object) null)
                .execute());

        assertThat(failure.sqlState()).isEqualTo("23502");
        assertThat(failure.column()).contains("username");
        assertThat(failure.userMessage()).isEqualTo("Column username of table workers needs a value (NOT NULL).");
    }

    @Test
    void cancelFromAnotherThreadIsQueryCancelledWithinASecond() throws Exception {
        try (var connection = engine.connection("console");
                var statement = connection.createStatement()) {
            var started = new CountDownLatch(1);
            var running = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    statement.executeQuery("SELECT pg_sleep(10)");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            started.await();
            Thread.sleep(300); // let the statement reach the server
            var cancelAt = System.nanoTime();
            statement.cancel();
            var sqlFailure = running.get(5, TimeUnit.SECONDS);
            var elapsed = Duration.ofNanos(System.nanoTime() - cancelAt);

            assertThat((Throwable) sqlFailure).isNotNull();
            var failure = engine.classify(sqlFailure);
            assertThat(failure).isInstanceOf(QueryCancelled.class);
            assertThat(failure.sqlState()).isEqualTo("57014");
            assertThat(failure.userMessage()).isEqualTo("The query was cancelled.");
            assertThat(elapsed).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void queryTimeoutIsQueryTimeout() throws SQLException {
        try (var connection = engine.connection("console");
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            var sqlFailure =
                    catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT pg_sleep(5)"));

            assertThat(engine.classify(sqlFailure)).isInstanceOf(QueryTimeout.class);
        }
    }

    @Test
    void serverStatementTimeoutIsAQueryCancelledWithoutMarker() throws SQLException {
        try (var connection = engine.connection("console");
                var statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = '100ms'");
            var sqlFailure =
                    catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT pg_sleep(2)"));
            statement.execute("RESET statement_timeout");

            var failure = engine.classify(sqlFailure);
            assertThat(failure).isInstanceOf(QueryCancelled.class);
            assertThat(failure.userMessage()).contains("statement timeout");
        }
    }

    @Test
    void concurrentSerializableUpdatesGiveSerializationFailure() throws Exception {
        try (Connection first = engine.connection("first");
                Connection second = engine.connection("second")) {
            for (var connection : new Connection[] {first, second}) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
            try (var s1 = first.createStatement();
                    var s2 = second.createStatement()) {
                s1.executeQuery("SELECT compensation FROM vacancies WHERE id = 1")
                        .close();
                s2.executeQuery("SELECT compensation FROM vacancies WHERE id = 1")
                        .close();
                s1.executeUpdate("UPDATE vacancies SET compensation = coalesce(compensation, 0) + 1 WHERE id = 1");
                first.commit();
                var sqlFailure = catchThrowableOfType(
                        SQLException.class,
                        () -> s2.executeUpdate(
                                "UPDATE vacancies SET compensation = coalesce(compensation, 0) + 1 WHERE id = 1"));
                second.rollback();

                var failure = DatabaseErrors.classify(sqlFailure);
                assertThat(failure).isInstanceOf(SerializationFailure.class);
                assertThat(failure.sqlState()).isEqualTo("40001");
            } finally {
                for (var connection : new Connection[] {first, second}) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    @Test
    void poolCheckoutFailureIsClassifiedByItsCause() throws Exception {
        var role = "engine_failure_rotated";
        PG.createPasswordRole(role, "old-password");
        var profile = superuserProfile().withUser(role);
        var settings = PoolSettings.defaults()
                .withMaximumPoolSize(1)
                .withMinimumIdle(0)
                .withConnectionTimeout(Duration.ofMillis(500));
        try (var rotated = Engine.create(profile, "old-password".toCharArray(), settings)) {
            int pid;
            try (var connection = rotated.connection("test")) {
                pid = connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            }
            try (var admin = PG.connect(db);
                    var statement = admin.createStatement()) {
                statement.execute("ALTER ROLE " + role + " PASSWORD 'new-password'");
                statement.execute("SELECT pg_terminate_backend(" + pid + ")");
            }
            // HikariCP skips its liveness check for connections used in the last 500 ms.
            Thread.sleep(700);

            var failure = failureOf(AuthenticationFailed.class, () -> rotated.connection("test"));

            assertThat(failure.sqlState()).isEqualTo("28P01");
        }
    }
}
