package dev.athanor.model.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
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
    private final Function<Throwable, DatabaseException> classify;
    private final Connection connection;
    private final TransactionMode mode;
    /** The isolation to restore, when this transaction changed it; null when it did not. */
    private final Integer isolationBefore;
    /** Whether the connection is the caller's, to be left open when the transaction ends. */
    private final boolean borrowed;

    private final int backendPid;
    private final ReentrantLock lock = new ReentrantLock();
    /** Orders {@link #cancelRunning()} before the end: no cancel request once the connection may be reused. */
    private final Object endGuard = new Object();

    private final List<Cursor> cursors = new ArrayList<>();
    private volatile boolean open = true;
    private volatile boolean cancelRequested;
    private int savepoints;
    private DSLContext dsl;

    private Transaction(
            Function<Throwable, DatabaseException> classify,
            Connection connection,
            TransactionMode mode,
            Integer isolationBefore,
            boolean borrowed) {
        this.classify = classify;
        this.borrowed = borrowed;
        this.connection = connection;
        this.mode = mode;
        this.isolationBefore = isolationBefore;
        this.backendPid = pidOf(connection);
    }

    /**
     * Begins a transaction on a connection checked out elsewhere (e.g. from a data source the caller was given),
     * for code that has no {@link Engine}; prefer {@link Engine#begin}, whose failures name the server. Ending the
     * transaction resets and closes {@code connection}; so does a failure here.
     */
    public static Transaction begin(Connection connection, TransactionMode mode) {
        return begin(connection, mode, DatabaseErrors::classify, false);
    }

    /**
     * Runs {@code work} in a transaction on a connection the caller keeps, in auto-commit mode: commits when it
     * returns, rolls back when it throws (failures classified, cleanup failures suppressed on them, as
     * {@link Engine#inTransaction}); the connection is then back in auto-commit, read-write, its isolation as it
     * was, and open.
     */
    public static <T> T onBorrowedConnection(Connection connection, TransactionMode mode, TransactionWork<T> work) {
        return complete(begin(connection, mode, DatabaseErrors::classify, true), work);
    }

    /** Runs {@code work} in {@code transaction}, then commits it, or rolls it back when {@code work} throws. */
    static <T> T complete(Transaction transaction, TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        T result;
        try {
            result = work.run(transaction);
        } catch (Exception e) {
            var failure =
                    e instanceof RuntimeException runtime && !fromDatabase(runtime) ? runtime : transaction.classify(e);
            try {
                transaction.close();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        } catch (Error e) {
            try {
                transaction.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        if (transaction.isOpen()) {
            transaction.commit();
        }
        return result;
    }

    private static boolean fromDatabase(Throwable failure) {
        var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        for (var link = failure; link != null && seen.add(link); link = link.getCause()) {
            if (link instanceof SQLException || link instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    /** Prepares {@code connection} for {@code mode}; closes it when that fails, unless it is {@code borrowed}. */
    static Transaction begin(
            Connection connection,
            TransactionMode mode,
            Function<Throwable, DatabaseException> classify,
            boolean borrowed) {
        Objects.requireNonNull(connection, "connection");
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
            return new Transaction(classify, connection, mode, isolationBefore, borrowed);
        } catch (SQLException | RuntimeException e) {
            var failure = classify.apply(e);
            closeAfterFailure(connection, mode, isolationBefore, borrowed, failure);
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
            dsl = Engine.dslOver(new DefaultConnectionProvider(connection), classify);
        }
        return dsl;
    }

    /**
     * Opens a read-only, forward-only server-side cursor over {@code sql} inside this transaction; it closes when
     * read to the end, when closed, or when the transaction ends. Values are bound in order with
     * {@code setObject}; text is bound untyped, so the server infers its type from the context, as for a literal.
     *
     * @param fetchSize rows per round trip to the server
     */
    public Cursor cursor(String sql, List<?> binds, int fetchSize) {
        return openCursor(sql, binds, fetchSize, false);
    }

    /**
     * Opens the transaction's last cursor: reading it to the end or closing it also ends the transaction (a
     * rollback) and returns the connection. For a read-only grid that must not hold its transaction longer than
     * its rows.
     */
    public Cursor cursorEndingTransaction(String sql, List<?> binds, int fetchSize) {
        return openCursor(sql, binds, fetchSize, true);
    }

    private Cursor openCursor(String sql, List<?> binds, int fetchSize, boolean endsTransaction) {
        lock.lock();
        try {
            requireOpen();
            if (cancelRequested) {
                throw classify.apply(new SQLException("cancelled before it was sent", "57014"));
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
                throw classify.apply(e);
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
            throw classify.apply(e);
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
        // Under the guard, so that the request cannot reach the server after the connection went back to the
        // pool and began serving someone else.
        synchronized (endGuard) {
            if (!open) {
                return;
            }
            try {
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                throw classify.apply(e);
            }
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

    DatabaseException classify(Throwable failure) {
        return classify.apply(failure);
    }

    Connection rawConnection() {
        return connection;
    }

    void forget(Cursor cursor) {
        cursors.remove(cursor);
    }

    /** A cursor over a result this transaction's connection just produced (lock held); it closes with the transaction. */
    Cursor adopt(java.sql.ResultSet resultSet) {
        var cursor = Cursor.over(this, resultSet);
        cursors.add(cursor);
        return cursor;
    }

    /** Whether {@link #cancelRunning()} was asked since the last {@link #forgetCancel()}. */
    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Refuses the next statements, as {@link #cancelRunning()} does, without sending a cancel request. */
    void requestCancel() {
        cancelRequested = true;
    }

    /** A cancel asked for earlier no longer stops the next statement. */
    void forgetCancel() {
        cancelRequested = false;
    }

    /**
     * Commits or rolls back on the server and closes the cursors, keeping the connection and this handle for the
     * next transaction (a {@link ManualCommitConnection}); failures are classified, nothing is reset.
     */
    void endAndContinue(boolean commit) {
        lock.lock();
        try {
            requireOpen();
            finish(commit);
        } catch (SQLException | RuntimeException e) {
            throw classify.apply(e);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the cursors handed out so far (the server drops their portals with the transaction anyway). */
    void closeCursorsNow() {
        lock.lock();
        try {
            closeCursors();
        } finally {
            lock.unlock();
        }
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
            synchronized (endGuard) {
                open = false;
            }
            DatabaseException failure = null;
            try {
                finish(commit);
            } catch (SQLException | RuntimeException e) {
                failure = classify.apply(e);
            }
            if (failure != null) {
                closeAfterFailure(connection, mode, isolationBefore, borrowed, failure);
                throw failure;
            }
            returnConnection();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the cursors, then sends COMMIT or ROLLBACK (lock held). */
    private void finish(boolean commit) throws SQLException {
        closeCursors();
        if (commit) {
            connection.commit();
        } else {
            connection.rollback();
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
                if (!borrowed) {
                    connection.close();
                }
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
            Connection connection,
            TransactionMode mode,
            Integer isolationBefore,
            boolean borrowed,
            DatabaseException failure) {
        try {
            reset(connection, mode, isolationBefore);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (borrowed) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
