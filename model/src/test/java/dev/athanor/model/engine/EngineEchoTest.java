package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineEchoTest {
    private static final TestPostgres PG = TestPostgres.shared();
    private static Engine engine;

    @BeforeAll
    static void start() throws SQLException {
        var db = PG.createSampleDatabase("engine_echo");
        try (var connection = PG.connect(db);
                var statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE accounts (id int PRIMARY KEY, login text, password_hash text, api_token text)");
        }
        engine = Engine.create(
                ConnectionProfile.of("echo", PG.host(), PG.port(), db, PG.superuser())
                        .withSslMode(SslMode.DISABLE),
                PasswordSource.none(),
                PoolSettings.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static List<EchoEvent> during(String origin, Runnable action) {
        var events = new CopyOnWriteArrayList<EchoEvent>();
        try (var ignored = engine.echo().subscribe(e -> {
            if (e.origin().equals(origin)) {
                events.add(e);
            }
        })) {
            action.run();
        }
        return List.copyOf(events);
    }

    /** {@code pg_backend_pid()} asked on the driver's connection underneath, so the question is not echoed. */
    private static int serverPid(java.sql.Connection connection) throws SQLException {
        try (var raw = connection
                        .unwrap(org.postgresql.core.BaseConnection.class)
                        .createStatement();
                var result = raw.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    @Test
    void dslQueryIsEchoedOnceWithBindsRowsAndBackendPid() {
        var fetched = new ArrayList<Integer>();
        var events = during(
                "catalog",
                () -> fetched.addAll(engine.dsl("catalog")
                        .select(field(name("id"), Integer.class))
                        .from(table(name("workers")))
                        .where(field(name("id"), Integer.class).le(7))
                        .fetch(0, Integer.class)));

        assertThat(fetched).hasSize(7);
        var event = assertThat(events).singleElement().actual();
        assertThat(event.sql()).contains("\"workers\"").contains("?");
        assertThat(event.binds()).containsExactly("7");
        assertThat(event.rows()).isEqualTo(7);
        assertThat(event.connectionPid()).isPositive();
        assertThat(event.failed()).isFalse();
    }

    @Test
    void jdbcQueryIsEchoedWithBindsRowsAndBackendPid() throws SQLException {
        var pid = new int[1];
        var rows = new int[1];
        var events = during("console", () -> {
            try (var connection = engine.connection("console");
                    var statement = connection.prepareStatement(
                            "SELECT username FROM workers WHERE id <= ? AND username <> ?")) {
                pid[0] = serverPid(connection);
                statement.setInt(1, 5);
                statement.setString(2, "nobody");
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        rows[0]++;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(rows[0]).isEqualTo(5);
        var event = assertThat(events).singleElement().actual();
        assertThat(event.sql()).isEqualTo("SELECT username FROM workers WHERE id <= ? AND username <> ?");
        assertThat(event.binds()).containsExactly("5", "'nobody'");
        assertThat(event.rows()).isEqualTo(5);
        assertThat(event.connectionPid()).isEqualTo(pid[0]);
    }

    @Test
    void updateReportsAffectedRows() {
        var events = during("table data", () -> {
            try (var connection = engine.connection("table data");
                    var statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.executeUpdate("UPDATE vacancies SET compensation = compensation WHERE id <= 12");
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(events)
                .extracting(EchoEvent::sql)
                .containsExactly(
                        "BEGIN", "UPDATE vacancies SET compensation = compensation WHERE id <= 12", "ROLLBACK");
        assertThat(events.get(1).rows()).isEqualTo(12);
    }

    @Test
    void queryClosedBeforeItsEndHasUnknownRowCount() {
        var events = during("peek", () -> {
            try (var connection = engine.connection("peek");
                    var statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT id FROM workers")) {
                result.next();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(events).singleElement().extracting(EchoEvent::rows).isEqualTo(-1L);
    }

    @Test
    void plainStatementExecuteWithResultIsCounted() {
        var events = during("execute", () -> {
            try (var connection = engine.connection("execute");
                    var statement = connection.createStatement()) {
                assertThat(statement.execute("SELECT generate_series(1, 4)")).isTrue();
                try (var result = statement.getResultSet()) {
                    while (result.next()) {
                        // read to the end
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(events).singleElement().extracting(EchoEvent::rows).isEqualTo(4L);
    }

    @Test
    void batchIsEchoedOnceWithAllRows() {
        var events = during("import", () -> {
            try (var connection = engine.connection("import");
                    var statement =
                            connection.prepareStatement("INSERT INTO vacancies (title, compensation) VALUES (?, ?)")) {
                for (var i = 0; i < 3; i++) {
                    statement.setString(1, "batch " + i);
                    statement.setInt(2, 1000 + i);
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        var event = assertThat(events).singleElement().actual();
        assertThat(event.batchSize()).isEqualTo(3);
        assertThat(event.rows()).isEqualTo(3);
        assertThat(event.binds()).containsExactly("'batch 0'", "1000", "'batch 1'", "1001", "'batch 2'", "1002");
    }

    @Test
    void valuesBoundToSecretColumnsAreMasked() {
        var events = during("secrets", () -> {
            try (var connection = engine.connection("secrets")) {
                try (var insert = connection.prepareStatement(
                        "INSERT INTO accounts (id, login, password_hash, api_token) VALUES (?, ?, ?, ?)")) {
                    insert.setInt(1, 1);
                    insert.setString(2, "alice");
                    insert.setString(3, "hash-hunter2");
                    insert.setString(4, "tok-hunter2");
                    insert.executeUpdate();
                }
                try (var update = connection.prepareStatement("UPDATE accounts SET \"api_token\" = ? WHERE id = ?")) {
                    update.setString(1, "tok-hunter3");
                    update.setInt(2, 1);
                    update.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(events).hasSize(2);
        assertThat(events.get(0).binds()).containsExactly("1", "'alice'", "***", "***");
        assertThat(events.get(1).binds()).containsExactly("***", "1");
    }

    @Test
    void dslBindsToSecretColumnsAreMasked() {
        var events = during("secrets dsl", () -> engine.dsl("secrets dsl")
                .insertInto(table(name("accounts")))
                .columns(field(name("id")), field(name("login")), field(name("password_hash")))
                .values(2, "bob", "hash-swordfish")
                .execute());

        var event = assertThat(events).singleElement().actual();
        assertThat(event.binds()).containsExactly("2", "'bob'", "***");
        assertThat(event.rows()).isEqualTo(1);
    }

    @Test
    void passwordLiteralInSqlTextIsMasked() {
        var role = "echo_masked_role";
        var events = during("roles", () -> {
            try (var connection = engine.connection("roles");
                    var statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + role + " PASSWORD 'swordfish'");
                statement.execute("DROP ROLE " + role);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(events).hasSize(2);
        assertThat(events.getFirst().sql()).doesNotContain("swordfish").contains("PASSWORD '***'");
    }

    @Test
    void failedStatementIsEchoedWithItsSqlState() {
        var events = during(
                "broken", () -> assertThatThrownBy(() -> engine.dsl("broken").execute("SELECT * FROM no_such_table"))
                        .isInstanceOf(SyntaxError.class));

        var event = assertThat(events).singleElement().actual();
        assertThat(event.failed()).isTrue();
        assertThat(event.sqlState()).isEqualTo("42P01");
    }

    @Test
    void failingListenerDoesNotBreakTheStatement() {
        try (var ignored = engine.echo().subscribe(e -> {
            throw new IllegalStateException("listener bug");
        })) {
            var count = engine.dsl("robust").fetchCount(table(name("vacancies")));

            assertThat(count).isPositive();
        }
    }

    @Test
    void closedSubscriptionReceivesNothing() {
        var received = new CopyOnWriteArrayList<EchoEvent>();
        var subscription = engine.echo().subscribe(received::add);
        subscription.close();

        engine.dsl("after close").fetchCount(table(name("vacancies")));

        assertThat(received).isEmpty();
    }

    @Test
    void recentEventsAreKeptInOrder() {
        engine.dsl("recent").selectOne().fetch();
        engine.dsl("recent").selectOne().fetch();

        var recent = engine.echo().recent("recent");
        assertThat(recent).hasSizeGreaterThanOrEqualTo(2);
        assertThat(recent.get(recent.size() - 1).sequence())
                .isGreaterThan(recent.get(recent.size() - 2).sequence());
    }

    @Test
    void eachEventCarriesTheOriginOfItsCheckout() {
        engine.dsl("origin one").resultQuery("SELECT 'one'").fetch();
        engine.dsl("origin two").resultQuery("SELECT 'two'").fetch();

        assertThat(engine.echo().recent("origin one"))
                .extracting(EchoEvent::sql)
                .containsExactly("SELECT 'one'");
        assertThat(engine.echo().recent("origin two"))
                .extracting(EchoEvent::sql)
                .containsExactly("SELECT 'two'");
    }

    @Test
    void cursorQueryIsPublishedAtOnceWithUnknownRows() throws SQLException {
        var events = new CopyOnWriteArrayList<EchoEvent>();
        try (var ignored = engine.echo().subscribe(e -> {
                    if (e.origin().equals("grid")) {
                        events.add(e);
                    }
                });
                var connection = engine.connection("grid")) {
            connection.setAutoCommit(false);
            try (var statement = connection.prepareStatement("SELECT id FROM resumes")) {
                statement.setFetchSize(50);
                try (var result = statement.executeQuery()) {
                    result.next();

                    assertThat(events).extracting(EchoEvent::sql).containsExactly("BEGIN", "SELECT id FROM resumes");
                    assertThat(events.getLast().rows()).isEqualTo(-1L);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertThat(events).extracting(EchoEvent::sql).containsExactly("BEGIN", "SELECT id FROM resumes", "ROLLBACK");
    }

    @Test
    void autoCommitStatementsHaveNoTransactionLines() {
        var events = during("autocommit", () -> {
            try (var connection = engine.connection("autocommit");
                    var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE vacancies SET compensation = compensation WHERE id = 1");
                connection.setAutoCommit(false);
                connection.rollback(); // nothing open: the driver sends nothing
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(events)
                .extracting(EchoEvent::sql)
                .containsExactly("UPDATE vacancies SET compensation = compensation WHERE id = 1");
    }

    @Test
    void savepointsAreEchoedAsSent() {
        var events = during("nested", () -> {
            try (var connection = engine.connection("nested");
                    var statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                var savepoint = connection.setSavepoint("before_update");
                statement.executeUpdate("UPDATE vacancies SET compensation = compensation WHERE id = 2");
                connection.rollback(savepoint);
                var second = connection.setSavepoint("second");
                connection.releaseSavepoint(second);
                connection.commit();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(events)
                .extracting(EchoEvent::sql)
                .containsExactly(
                        "BEGIN",
                        "SAVEPOINT \"before_update\"",
                        "UPDATE vacancies SET compensation = compensation WHERE id = 2",
                        "ROLLBACK TO SAVEPOINT \"before_update\"",
                        "SAVEPOINT \"second\"",
                        "RELEASE SAVEPOINT \"second\"",
                        "COMMIT");
    }

    @Test
    void jooqTransactionIsEchoedWithBeginAndCommit() {
        var compensation = field(name("compensation"), Integer.class);
        var events = during("tx", () -> engine.dsl("tx").transaction(configuration -> DSL.using(configuration)
                .update(table(name("vacancies")))
                .set(compensation, compensation)
                .where(field(name("id")).eq(3))
                .execute()));

        assertThat(events).extracting(EchoEvent::sql).first().isEqualTo("BEGIN");
        assertThat(events).extracting(EchoEvent::sql).last().isEqualTo("COMMIT");
        assertThat(events)
                .filteredOn(e -> e.sql().startsWith("update"))
                .singleElement()
                .extracting(EchoEvent::rows)
                .isEqualTo(1L);
    }
}
