package dev.athanor.model.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.jooq.impl.DefaultConnectionProvider;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;

/**
 * One database transaction on one connection checked out of the {@link Engine}, begun with {@link Engine#begin}.
 *
 * <p>Ending it ({@link #commit()}, {@link #rollback()} or {@link #close()}) closes the cursors opened in it, and
 * returns the connection clean: auto-commit on, read-write, the isolation it had before. Every path does this,
 * including a failed commit and a broken connection, so that no session stays {@code idle in transaction}.
 *
 * <p>One thread at a time, except {@link #cancelRunning()}, {@link #backendPid()} and {@link #isOpen()}, which any
 * thread may call. Its cursors share its lock, so a grid may fetch on one worker while another worker runs the
 * transaction's next statement.
 *
 * <p>Failures are {@link DatabaseException}s; using a transaction after its end throws
 * {@link IllegalStateException}.
 */
public final class Transaction implements AutoCloseable {
    private final Engine engine;
    private final Connection connection;
    private final TransactionMode mode;
    /** The isolation to restore, when this transaction changed it; null when it did not. */
    private final Integer isolationBefore;

    private final int backendPid;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Cursor> cursors = new ArrayList<>();
    private volatile boolean open = true;
    private volatile boolean cancelRequested;
    private int savepoints;
    private DSLContext dsl;

    private Transaction(Engine engine, Connection connection, TransactionMode mode, Integer isolationBefore) {
        this.engine = engine;
        this.connection = connection;
        this.mode = mode;
        this.isolationBefore = isolationBefore;
        this.backendPid = pidOf(connection);
    }

    /** Prepares {@code connection} (just checked out) for {@code mode}; closes it when that fails. */
    static Transaction begin(Engine engine, Connection connection, TransactionMode mode) {
        Objects.requireNonNull(mode, "mode");
        Integer isolationBefore = null;
        try {
            connection.setAutoCommit(false);
            if (mode.readOnly()) {
                // pgjdbc then opens each transaction with BEGIN READ ONLY (its readOnlyMode "transaction")
                connection.setReadOnly(true);
            }
            if (mode == TransactionMode.READ_ONLY_SNAPSHOT) {
                isolationBefore = connection.getTransactionIsolation();
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            return new Transaction(engine, connection, mode, isolationBefore);
        } catch (SQLException | RuntimeException e) {
            var failure = engine.classify(e);
            closeAfterFailure(connection, mode, isolationBefore, failure);
            throw failure;
        }
    }

    private static int pidOf(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The mode this transaction was begun with. */
    public TransactionMode mode() {
        return mode;
    }

    /**
     * JDBC inside the transaction, its statements echoed under the transaction's origin. Callers close the
     * statements they create but never commit, roll back, change auto-commit or close the connection itself.
     */
    public Connection connection() {
        requireOpen();
        return connection;
    }

    /** jOOQ on this transaction's connection: echoed, failures classified as {@link DatabaseException}s. */
    public DSLContext dsl() {
        requireOpen();
        if (dsl == null) {
            dsl = engine.dslOver(new DefaultConnectionProvider(connection));
        }
        return dsl;
    }

    /**
     * Opens a read-only, forward-only server-side cursor over {@code sql} inside this transaction; it closes when
     * read to the end, when closed, or when the transaction ends. Each bind value is set with {@code setObject},
     * in order.
     *
     * @param fetchSize rows per round trip to the server
     */
    public Cursor cursor(String sql, List<?> binds, int fetchSize) {
        return openCursor(sql, binds, fetchSize, false);
    }

    Cursor openCursor(String sql, List<?> binds, int fetchSize, boolean endsTransaction) {
        lock.lock();
        try {
            requireOpen();
            if (cancelRequested) {
                throw engine.classify(new SQLException("cancelled before it was sent", "57014"));
            }
            var cursor = Cursor.open(this, sql, binds, fetchSize, endsTransaction);
            cursors.add(cursor);
            return cursor;
        } finally {
            lock.unlock();
        }
    }

    /** Sets a savepoint with a generated name ({@code sp_1}, {@code sp_2}...); the echo log shows it. */
    public Savepoint savepoint() {
        lock.lock();
        try {
            requireOpen();
            var name = "sp_" + (++savepoints);
            try {
                return new Savepoint(this, name, connection.setSavepoint(name));
            } catch (SQLException e) {
                throw engine.classify(e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Commits; the connection then goes back to the pool and this handle ends, whether or not COMMIT worked. */
    public void commit() {
        end(true);
    }

    /** Rolls back; the connection then goes back to the pool and this handle ends. */
    public void rollback() {
        end(false);
    }

    /** False once committed, rolled back or closed. Any thread. */
    public boolean isOpen() {
        return open;
    }

    /** IDLE, ACTIVE or FAILED as the server last reported it (no round trip); IDLE once ended. */
    public TransactionStatus status() {
        if (!open) {
            return TransactionStatus.IDLE;
        }
        try {
            return switch (connection.unwrap(BaseConnection.class).getTransactionState()) {
                case IDLE -> TransactionStatus.IDLE;
                case OPEN -> TransactionStatus.ACTIVE;
                case FAILED -> TransactionStatus.FAILED;
            };
        } catch (SQLException e) {
            throw engine.classify(e);
        }
    }

    /** The server process serving this transaction, e.g. for {@code pg_blocking_pids}. Any thread. */
    public int backendPid() {
        return backendPid;
    }

    /**
     * Asks the server to cancel the statement running now on this connection, from any thread; the statement then
     * fails with {@link QueryCancelled}. A cursor not yet opened in this transaction is refused too, so a cancel
     * that arrives between two statements still stops the work. Does nothing once the transaction ended.
     */
    public void cancelRunning() {
        cancelRequested = true;
        if (!open) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            throw engine.classify(e);
        }
    }

    /** Rolls back if still open, then returns the connection; does nothing for an ended transaction. */
    @Override
    public void close() {
        if (open) {
            end(false);
        }
    }

    /** The lock that serialises this connection between the transaction's statements and its cursors. */
    ReentrantLock lock() {
        return lock;
    }

    Engine engine() {
        return engine;
    }

    Connection rawConnection() {
        return connection;
    }

    void forget(Cursor cursor) {
        cursors.remove(cursor);
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("The transaction has already ended.");
        }
    }

    private void end(boolean commit) {
        lock.lock();
        try {
            requireOpen();
            open = false;
            DatabaseException failure = null;
            try {
                closeCursors();
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                failure = engine.classify(e);
            }
            if (failure != null) {
                closeAfterFailure(connection, mode, isolationBefore, failure);
                throw failure;
            }
            returnConnection();
        } finally {
            lock.unlock();
        }
    }

    private void closeCursors() {
        for (var cursor : List.copyOf(cursors)) {
            cursor.closeWithTransaction();
        }
        cursors.clear();
    }

    /**
     * Puts the connection back as it was checked out. A failure here means the connection is broken: it is closed
     * anyway, and the pool retires it; the transaction itself ended as asked, so nothing is reported.
     */
    private void returnConnection() {
        try {
            reset(connection, mode, isolationBefore);
        } catch (SQLException | RuntimeException e) {
            // see above
        } finally {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // see above
            }
        }
    }

    /** pgjdbc commits when auto-commit is switched back on, so a rollback comes first (a no-op when idle). */
    private static void reset(Connection connection, TransactionMode mode, Integer isolationBefore)
            throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
        if (mode.readOnly()) {
            connection.setReadOnly(false);
        }
        if (isolationBefore != null) {
            connection.setTransactionIsolation(isolationBefore);
        }
    }

    /** Rolls back, resets and closes after {@code failure}; what fails on the way is added to it as suppressed. */
    private static void closeAfterFailure(
            Connection connection, TransactionMode mode, Integer isolationBefore, DatabaseException failure) {
        try {
            reset(connection, mode, isolationBefore);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
