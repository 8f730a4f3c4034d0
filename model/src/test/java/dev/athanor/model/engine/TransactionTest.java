package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Engine's transactions and cursors against a real server: every way a transaction ends leaves no session
 * {@code idle in transaction} (checked through an independent connection) and hands the next user a clean
 * connection. The pool holds one connection, so the next checkout is the very connection the transaction used.
 */
class TransactionTest {
    private static final TestPostgres PG = TestPostgres.shared();
    private static String db;
    private static Connection observer;
    private Engine engine;

    @BeforeAll
    static void database() throws SQLException {
        db = PG.createEmptyDatabase("transactions");
        observer = PG.connect(db);
        try (var statement = observer.createStatement()) {
            statement.execute("CREATE TABLE notes (id int PRIMARY KEY, body text)");
        }
    }

    @AfterAll
    static void closeObserver() throws SQLException {
        observer.close();
    }

    @BeforeEach
    void engine() throws SQLException {
        var profile = ConnectionProfile.of("transactions", PG.host(), PG.port(), db, PG.superuser())
                .withSslMode(SslMode.DISABLE);
        engine = Engine.create(
                profile,
                PasswordSource.none(),
                PoolSettings.defaults().withMaximumPoolSize(1).withMinimumIdle(0));
        update("TRUNCATE notes");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static void update(String sql) throws SQLException {
        try (var statement = observer.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> column(String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var statement = observer.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) values.add(rows.getString(1));
        }
        return values;
    }

    /** The server's state for {@code pid} ("idle", "idle in transaction", "active"...), or "gone". */
    private static String stateOf(int pid) throws SQLException {
        var states = column("SELECT state FROM pg_stat_activity WHERE pid = " + pid);
        return states.isEmpty() ? "gone" : states.getFirst();
    }

    private static List<String> idleInTransaction() throws SQLException {
        return column("SELECT pid::text FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()");
    }

    private static void awaitState(int pid, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!stateOf(pid).equals(state) && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(stateOf(pid)).isEqualTo(state);
    }

    /** What the next user of the pool's one connection gets: pid, auto-commit, read-only, isolation. */
    private String nextCheckout() throws SQLException {
        try (var connection = engine.connection("next");
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_backend_pid(), current_setting('transaction_read_only'),"
                        + " current_setting('transaction_isolation')")) {
            rows.next();
            return rows.getInt(1) + " autocommit=" + connection.getAutoCommit() + " readOnly=" + connection.isReadOnly()
                    + " " + rows.getString(2) + " " + rows.getString(3);
        }
    }

    private static String clean(int pid) {
        return pid + " autocommit=true readOnly=false off read committed";
    }

    private static void insert(Transaction transaction, int id) throws SQLException {
        try (var statement = transaction.connection().prepareStatement("INSERT INTO notes VALUES (?, 'x')")) {
            statement.setInt(1, id);
            statement.executeUpdate();
        }
    }

    @Test
    void commitKeepsTheWorkAndReturnsACleanConnection() throws Exception {
        var transaction = engine.begin("test", TransactionMode.READ_WRITE);
        int pid = transaction.backendPid();
        assertThat(transaction.status()).isEqualTo(TransactionStatus.IDLE);
        insert(transaction, 1);
        assertThat(transaction.status()).isEqualTo(TransactionStatus.ACTIVE);
        assertThat(stateOf(pid)).isEqualTo("idle in transaction");
        assertThat(column("SELECT id FROM notes")).isEmpty();

        transaction.commit();

        assertThat(transaction.isOpen()).isFalse();
        assertThat(stateOf(pid)).isEqualTo("idle");
        assertThat(column("SELECT id FROM notes")).containsExactly("1");
        assertThat(nextCheckout()).isEqualTo(clean(pid));
        assertThatThrownBy(transaction::connection).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(transaction::commit).isInstanceOf(IllegalStateException.class);
        transaction.close(); // an ended transaction closes quietly
    }

    @Test
    void rollbackAndCloseUndoTheWork() throws Exception {
        var rolledBack = engine.begin("test", TransactionMode.READ_WRITE);
        int pid = rolledBack.backendPid();
        insert(rolledBack, 1);
        rolledBack.rollback();
        try (var closed = engine.begin("test", TransactionMode.READ_WRITE)) {
            insert(closed, 2);
        }

        assertThat(column("SELECT id FROM notes")).isEmpty();
        assertThat(stateOf(pid)).isEqualTo("idle");
        assertThat(nextCheckout()).isEqualTo(clean(pid));
        assertThat(engine.echo().recent("test").stream().map(EchoEvent::sql))
                .containsSubsequence("BEGIN", "INSERT INTO notes VALUES (?, 'x')", "ROLLBACK")
                .filteredOn("ROLLBACK"::equals)
                .hasSize(2);
    }

    @Test
    void snapshotModeReadsOneSnapshotAndRestoresTheIsolation() throws Exception {
        int pid;
        try (var transaction = engine.begin("catalog", TransactionMode.READ_ONLY_SNAPSHOT)) {
            pid = transaction.backendPid();
            var settings = transaction
                    .dsl()
                    .fetchOne(
                            "SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')");
            assertThat(settings.into(String[].class)).containsExactly("repeatable read", "on");
            var before = transaction.dsl().fetchValue("SELECT count(*) FROM notes");
            update("INSERT INTO notes VALUES (7, 'meanwhile')");
            var after = transaction.dsl().fetchValue("SELECT count(*) FROM notes");
            assertThat(after).isEqualTo(before);
        }
        assertThat(nextCheckout()).isEqualTo(clean(pid));
    }

    @Test
    void inTransactionCommitsWhatReturns() throws SQLException {
        var result = engine.inTransaction("test", TransactionMode.READ_WRITE, transaction -> {
            insert(transaction, 1);
            return transaction.dsl().fetchValue("SELECT count(*) FROM notes");
        });
        assertThat(result).isEqualTo(1L);
        assertThat(column("SELECT id FROM notes")).containsExactly("1");
        assertThat(idleInTransaction()).isEmpty();
    }

    @Test
    void aFailureInsideRollsBackAndComesOutClassified() throws Exception {
        var pid = new AtomicReference<Integer>();
        var failure = catchThrowableOfType(
                DatabaseException.class,
                () -> engine.inTransaction("test", TransactionMode.READ_WRITE, transaction -> {
                    pid.set(transaction.backendPid());
                    insert(transaction, 1);
                    try (var statement = transaction.connection().createStatement()) {
                        return statement.executeQuery("SELECT 1/0");
                    }
                }));

        assertThat(failure).isInstanceOf(OtherDatabaseError.class);
        assertThat(failure.sqlState()).isEqualTo("22012");
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(column("SELECT id FROM notes")).isEmpty();
        assertThat(stateOf(pid.get())).isEqualTo("idle");
        assertThat(nextCheckout()).isEqualTo(clean(pid.get()));
    }

    @Test
    void cleanupFailuresAreSuppressedOnTheOriginalFailure() throws Exception {
        var failure = catchThrowableOfType(
                DatabaseException.class,
                () -> engine.inTransaction("test", TransactionMode.READ_WRITE, transaction -> {
                    insert(transaction, 1);
                    update("SELECT pg_terminate_backend(" + transaction.backendPid() + ")");
                    insert(transaction, 2);
                    return null;
                }));

        assertThat(failure).isInstanceOf(ServerUnreachable.class);
        assertThat(failure.getSuppressed()).isNotEmpty();
        assertThat(column("SELECT id FROM notes")).isEmpty();
        assertThat(idleInTransaction()).isEmpty();
    }

    @Test
    void programmingErrorsPassUnchangedAfterTheRollback() throws Exception {
        assertThatThrownBy(() -> engine.inTransaction("test", TransactionMode.READ_WRITE, transaction -> {
                    insert(transaction, 1);
                    throw new IllegalArgumentException("a bug");
                }))
                .isExactlyInstanceOf(IllegalArgumentException.class);
        assertThat(column("SELECT id FROM notes")).isEmpty();
        assertThat(idleInTransaction()).isEmpty();
    }

    @Test
    void readOnlyRefusesAWrite() throws Exception {
        var failure = catchThrowableOfType(
                DatabaseException.class,
                () -> engine.inTransaction("test", TransactionMode.READ_ONLY, transaction -> {
                    insert(transaction, 1);
                    return null;
                }));
        assertThat(failure.sqlState()).isEqualTo("25006");
        assertThat(failure.userMessage()).containsIgnoringCase("read-only transaction");

        var cursorWrite = catchThrowableOfType(
                DatabaseException.class,
                () -> engine.cursor("test", "INSERT INTO notes VALUES (3, 'x') RETURNING id", List.of(), 10));
        assertThat(cursorWrite.sqlState()).isEqualTo("25006");
        assertThat(column("SELECT id FROM notes")).isEmpty();
        assertThat(idleInTransaction()).isEmpty();
    }

    @Test
    void statusFollowsTheServer() throws SQLException {
        try (var transaction = engine.begin("test", TransactionMode.READ_WRITE)) {
            insert(transaction, 1);
            assertThatThrownBy(() -> insert(transaction, 1)).isInstanceOf(SQLException.class);
            assertThat(transaction.status()).isEqualTo(TransactionStatus.FAILED);
        }
        assertThat(idleInTransaction()).isEmpty();
    }

    @Test
    void savepointsReleaseAndRollBack() throws SQLException {
        engine.inTransaction("test", TransactionMode.READ_WRITE, transaction -> {
            insert(transaction, 1);
            var first = transaction.savepoint();
            insert(transaction, 2);
            first.rollback();
            insert(transaction, 3);
            first.rollback(); // the savepoint stays after a rollback to it, as in SQL
            insert(transaction, 4);
            var second = transaction.savepoint();
            insert(transaction, 5);
            second.release();
            assertThat(first.name()).isEqualTo("sp_1");
            assertThat(second.name()).isEqualTo("sp_2");
            return null;
        });
        assertThat(column("SELECT id FROM notes ORDER BY id")).containsExactly("1", "4", "5");
        assertThat(engine.echo().recent("test").stream().map(EchoEvent::sql))
                .anyMatch(sql -> sql.startsWith("SAVEPOINT") && sql.contains("sp_1"))
                .anyMatch(sql -> sql.startsWith("ROLLBACK TO SAVEPOINT") && sql.contains("sp_1"))
                .anyMatch(sql -> sql.startsWith("RELEASE SAVEPOINT") && sql.contains("sp_2"));
    }

    @Test
    void aCursorReadToTheEndEndsItsTransaction() throws Exception {
        var begun = new AtomicReference<Transaction>();
        var cursor = engine.cursor(
                "test", "SELECT g, g % 2 = 0, 'x' || g FROM generate_series(1, 25) g", List.of(), 10, begun::set);
        int pid = begun.get().backendPid();

        var first = cursor.fetch(10);
        assertThat(first).hasSize(10);
        assertThat(first.getFirst()).containsExactly(1, false, "x1");
        assertThat(stateOf(pid)).isEqualTo("idle in transaction");

        assertThat(cursor.fetch(100)).hasSize(15);
        assertThat(cursor.isExhausted()).isTrue();
        assertThat(cursor.isClosed()).isTrue();
        assertThat(begun.get().isOpen()).isFalse();
        assertThat(stateOf(pid)).isEqualTo("idle");
        assertThat(cursor.fetch(10)).isEmpty();
        assertThat(nextCheckout()).isEqualTo(clean(pid));
    }

    @Test
    void aCursorNamesIdentityAndSequenceColumnsByTheirStoredType() throws SQLException {
        update("CREATE TABLE IF NOT EXISTS counted (id int GENERATED ALWAYS AS IDENTITY, big bigserial, small"
                + " smallserial, plain int)");
        try (var cursor = engine.cursor("test", "SELECT id, big, small, plain FROM counted", List.of(), 10)) {
            assertThat(cursor.columns())
                    .extracting(CursorColumn::typeName)
                    .containsExactly("int4", "int8", "int2", "int4");
        }
    }

    @Test
    void closingACursorEarlyEndsItsTransaction() throws Exception {
        var begun = new AtomicReference<Transaction>();
        var cursor = engine.cursor("test", "SELECT g FROM generate_series(1, 1000) g", List.of(), 10, begun::set);
        int pid = begun.get().backendPid();
        assertThat(cursor.fetch(10)).hasSize(10);
        assertThat(stateOf(pid)).isEqualTo("idle in transaction");

        cursor.close();
        cursor.close();

        assertThat(cursor.isExhausted()).isFalse();
        assertThat(stateOf(pid)).isEqualTo("idle");
        assertThat(nextCheckout()).isEqualTo(clean(pid));
    }

    @Test
    void aCursorInsideATransactionClosesWithIt() throws SQLException {
        Cursor cursor;
        try (var transaction = engine.begin("test", TransactionMode.READ_ONLY)) {
            cursor = transaction.cursor("SELECT g FROM generate_series(1, 100) g WHERE g > ?", List.of(90), 5);
            assertThat(cursor.fetch(5)).extracting(row -> row[0]).containsExactly(91, 92, 93, 94, 95);
            assertThat(cursor.isClosed()).isFalse();
        }
        assertThat(cursor.isClosed()).isTrue();
        assertThat(cursor.fetch(5)).isEmpty();
        assertThat(idleInTransaction()).isEmpty();
    }

    @Test
    void valuesComeAsTheirKind() {
        try (var cursor = engine.cursor(
                "test",
                "SELECT 12.50::numeric AS amount, 'NaN'::numeric AS nan, true AS flag, '\\x0102'::bytea AS data,"
                        + " '1000'::money AS price, NULL::int AS nothing, now()::date - now()::date AS days",
                List.of(),
                10)) {
            assertThat(cursor.columns())
                    .extracting(CursorColumn::label, CursorColumn::kind)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("amount", ValueKind.NUMBER),
                            org.assertj.core.groups.Tuple.tuple("nan", ValueKind.NUMBER),
                            org.assertj.core.groups.Tuple.tuple("flag", ValueKind.BOOLEAN),
                            org.assertj.core.groups.Tuple.tuple("data", ValueKind.BYTES),
                            org.assertj.core.groups.Tuple.tuple("price", ValueKind.TEXT),
                            org.assertj.core.groups.Tuple.tuple("nothing", ValueKind.NUMBER),
                            org.assertj.core.groups.Tuple.tuple("days", ValueKind.NUMBER));
            var row = cursor.fetch(1).getFirst();
            assertThat(row[0]).isEqualTo(new java.math.BigDecimal("12.50"));
            assertThat(row[1]).asString().isEqualTo("NaN");
            assertThat(row[2]).isEqualTo(true);
            assertThat((byte[]) row[3]).containsExactly(1, 2);
            assertThat(row[4]).asString().contains("1,000");
            assertThat(row[5]).isNull();
            assertThat(row[6]).isEqualTo(0);
        }
    }

    @Test
    void cancelRunningStopsASlowQuery() throws Exception {
        var begun = new AtomicReference<Transaction>();
        var opening = CompletableFuture.supplyAsync(
                () -> engine.cursor("test", "SELECT pg_sleep(30)", List.of(), 10, begun::set));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (begun.get() == null && System.nanoTime() < deadline) Thread.sleep(10);
        int pid = begun.get().backendPid();
        awaitState(pid, "active");

        long start = System.nanoTime();
        begun.get().cancelRunning();

        var failure = catchThrowableOfType(ExecutionException.class, () -> opening.get(10, TimeUnit.SECONDS));
        assertThat(failure.getCause()).isInstanceOf(QueryCancelled.class);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
        assertThat(begun.get().isOpen()).isFalse();
        assertThat(stateOf(pid)).isEqualTo("idle");
    }

    private static ManualCommitConnection.Changed change(ManualCommitConnection connection, String sql) {
        return (ManualCommitConnection.Changed) connection.execute(sql, statement -> {});
    }

    @Test
    void aManualCommitConnectionSharesOneTransactionUntilCommit() throws Exception {
        try (var connection = ManualCommitConnection.open(engine, "console", 50)) {
            int pid = connection.backendPid();
            assertThat(connection.status()).isEqualTo(TransactionStatus.IDLE);
            assertThat(change(connection, "INSERT INTO notes VALUES (1, 'a')").count())
                    .isEqualTo(1);
            var inserted = connection.execute("INSERT INTO notes VALUES (?, 'b')", s -> s.setInt(1, 2));
            assertThat(inserted).isEqualTo(new ManualCommitConnection.Changed(1, List.of()));
            assertThat(connection.status()).isEqualTo(TransactionStatus.ACTIVE);
            assertThat(stateOf(pid)).isEqualTo("idle in transaction");
            assertThat(column("SELECT id FROM notes")).isEmpty();
            var rows = (ManualCommitConnection.Rows) connection.execute("SELECT id FROM notes ORDER BY id", s -> {});
            assertThat(rows.cursor().fetch(1)).hasSize(1);

            connection.commit();

            assertThat(rows.cursor().isClosed()).isTrue();
            assertThat(connection.status()).isEqualTo(TransactionStatus.IDLE);
            assertThat(stateOf(pid)).isEqualTo("idle");
            assertThat(column("SELECT id FROM notes ORDER BY id")).containsExactly("1", "2");
            // the same connection goes on to the next transaction
            change(connection, "INSERT INTO notes VALUES (3, 'c')");
            assertThat(connection.backendPid()).isEqualTo(pid);
            assertThat(connection.status()).isEqualTo(TransactionStatus.ACTIVE);
        }
        assertThat(column("SELECT id FROM notes ORDER BY id")).containsExactly("1", "2");
    }

    @Test
    void describingParametersBeginsNoTransactionAndRunsNothing() throws Exception {
        try (var connection = ManualCommitConnection.open(engine, "console", 50)) {
            int pid = connection.backendPid();

            var types = connection.parameterTypes("INSERT INTO notes VALUES (?, ?) RETURNING id > ?");

            assertThat(types).containsExactly("int4", "text", "int4");
            assertThat(connection.status()).isEqualTo(TransactionStatus.IDLE);
            assertThat(stateOf(pid)).isEqualTo("idle");
            assertThat(column("SELECT id FROM notes")).isEmpty();
        }
    }

    @Test
    void aStatementTheServerCannotDescribeHasNoParameterTypes() {
        try (var connection = ManualCommitConnection.open(engine, "console", 50)) {
            assertThat(connection.parameterTypes("SELECT * FROM no_such_table WHERE x = ?"))
                    .isEmpty();
            assertThat(connection.status()).isEqualTo(TransactionStatus.IDLE);
        }
    }

    @Test
    void aManualCommitConnectionRollsBackAndSaysWhetherItWrote() throws Exception {
        try (var connection = ManualCommitConnection.open(engine, "console", 50)) {
            var rows = (ManualCommitConnection.Rows) connection.execute("SELECT count(*) FROM notes", s -> {});
            rows.cursor().fetch(10);
            assertThat(connection.status()).isEqualTo(TransactionStatus.ACTIVE);
            assertThat(connection.holdsChanges()).isFalse();
            change(connection, "INSERT INTO notes VALUES (1, 'a')");
            assertThat(connection.holdsChanges()).isTrue();

            connection.rollback();

            assertThat(connection.status()).isEqualTo(TransactionStatus.IDLE);
            assertThat(connection.holdsChanges()).isFalse();
            assertThat(stateOf(connection.backendPid())).isEqualTo("idle");
            assertThat(column("SELECT id FROM notes")).isEmpty();
        }
    }

    @Test
    void aManualCommitConnectionIsFailedAfterAnErrorUntilRolledBack() throws Exception {
        try (var connection = ManualCommitConnection.open(engine, "console", 50)) {
            change(connection, "INSERT INTO notes VALUES (1, 'a')");

            var failure =
                    catchThrowableOfType(DatabaseException.class, () -> connection.execute("SELECT 1 / 0", s -> {}));

            assertThat(failure.sqlState()).isEqualTo("22012");
            assertThat(connection.status()).isEqualTo(TransactionStatus.FAILED);
            assertThat(connection.holdsChanges()).isTrue();
            assertThat(catchThrowableOfType(TransactionAborted.class, () -> connection.execute("SELECT 1", s -> {})))
                    .isNotNull();
            connection.rollback();
            assertThat(connection.status()).isEqualTo(TransactionStatus.IDLE);
            assertThat(((ManualCommitConnection.Rows) connection.execute("SELECT 1", s -> {}))
                            .cursor()
                            .fetch(1))
                    .hasSize(1);
        }
    }

    @Test
    void aStatementRefusedInATransactionBlockRunsOnItsOwn() throws Exception {
        try (var connection = ManualCommitConnection.open(engine, "console", 50)) {
            assertThat(change(connection, "VACUUM notes").count()).isZero();
            assertThat(connection.status()).isEqualTo(TransactionStatus.IDLE);
            // inside an open transaction the server's refusal stands: the earlier work is the user's to settle
            change(connection, "INSERT INTO notes VALUES (1, 'a')");
            var refused = catchThrowableOfType(DatabaseException.class, () -> change(connection, "VACUUM notes"));
            assertThat(refused.sqlState()).isEqualTo("25001");
            assertThat(connection.status()).isEqualTo(TransactionStatus.FAILED);
        }
        assertThat(column("SELECT id FROM notes")).isEmpty();
    }

    @Test
    void closingAManualCommitConnectionRollsBackAndReturnsItClean() throws Exception {
        var connection = ManualCommitConnection.open(engine, "console", 50);
        int pid = connection.backendPid();
        change(connection, "INSERT INTO notes VALUES (1, 'a')");
        var rows = (ManualCommitConnection.Rows) connection.execute("SELECT * FROM generate_series(1, 500)", s -> {});
        assertThat(rows.cursor().fetch(50)).hasSize(50);
        assertThat(idleInTransaction()).containsExactly(String.valueOf(pid));

        connection.close();

        assertThat(connection.isOpen()).isFalse();
        assertThat(rows.cursor().isClosed()).isTrue();
        assertThat(idleInTransaction()).isEmpty();
        assertThat(column("SELECT id FROM notes")).isEmpty();
        assertThat(nextCheckout()).isEqualTo(clean(pid));
        connection.close(); // a closed one closes quietly
    }

    @Test
    void aManualCommitConnectionOverACheckedOutConnectionClosesIt() throws Exception {
        var checkedOut = PG.connect(db);
        var connection = ManualCommitConnection.over(checkedOut, 10);
        change(connection, "INSERT INTO notes VALUES (1, 'a')");
        assertThat(checkedOut.getAutoCommit()).isFalse();

        connection.close();

        assertThat(checkedOut.isClosed()).isTrue();
        assertThat(idleInTransaction()).isEmpty();
        assertThat(column("SELECT id FROM notes")).isEmpty();
    }

    @Test
    void aManualCommitConnectionCancelsItsRunningStatementAndThenRefusesUntilTheNextRun() throws Exception {
        try (var connection = ManualCommitConnection.open(engine, "console", 50)) {
            var slow = CompletableFuture.supplyAsync(() -> connection.execute("SELECT pg_sleep(30)", s -> {}));
            awaitState(connection.backendPid(), "active");
            long start = System.nanoTime();

            connection.cancelRunning();

            var failure = catchThrowableOfType(ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
            assertThat(failure.getCause()).isInstanceOf(QueryCancelled.class);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
                    .isLessThan(5);
            assertThat(catchThrowableOfType(QueryCancelled.class, () -> connection.execute("SELECT 1", s -> {})))
                    .isNotNull();
            connection.rollback();
            connection.forgetCancel();
            assertThat(connection.execute("SELECT 1", s -> {})).isInstanceOf(ManualCommitConnection.Rows.class);
        }
    }
}
