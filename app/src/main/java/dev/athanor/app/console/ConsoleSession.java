package dev.athanor.app.console;

import dev.athanor.app.problem.QueryFailure;
import dev.athanor.app.results.ConnectionSource;
import dev.athanor.app.results.ResultRow;
import dev.athanor.app.results.ResultsModel;
import dev.athanor.model.engine.Cursor;
import dev.athanor.query.project.ParameterType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;

/**
 * The console's own connection, like a psql session: auto-commit off, so that statements share one transaction
 * until the user commits or rolls back, and so that result sets stream through a server-side cursor.
 *
 * <p>Worker threads only, except {@link #cancelRunning()}, which any thread may call while a statement runs. The
 * lock serialises this connection between the console's statements and the grids fetching rows from their cursors.
 *
 * <p>Every statement of a run that returns rows keeps its cursor (a PostgreSQL portal) open, so that each result
 * streams on its own while later statements run; portals live until the transaction ends, so a commit or rollback,
 * in the script or from the toolbar, closes them all, and so does the next run.
 */
final class ConsoleSession {
    /** SQLSTATE 25001: the statement cannot run inside a transaction block. */
    private static final String NOT_IN_A_TRANSACTION_BLOCK = "25001";

    private final ConnectionSource connections;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    /** Cursors handed out since the last run started or the transaction last ended; some may be closed already. */
    private final List<Cursor> openCursors = new ArrayList<>();

    private volatile PreparedStatement running;
    private volatile boolean cancelRequested;
    /** The server process behind the connection, for lock checks from other threads; 0 while there is none. */
    private volatile int backendPid;
    /** What this class believes, for connections the driver's own view cannot be read from. */
    private TransactionState tracked = TransactionState.IDLE;

    ConsoleSession(ConnectionSource connections) {
        this.connections = connections;
    }

    /** The result of one statement. */
    sealed interface Outcome {
        long nanos();
    }

    /** The statement produced rows; the cursor is open unless the first page held them all. */
    record Rows(Cursor cursor, List<ResultRow> firstPage, long nanos) implements Outcome {}

    /**
     * The statement changed rows or the schema, or ran a block.
     *
     * @param notices what the server said along the way ({@code RAISE NOTICE}, warnings), in order
     */
    record Updated(long count, List<String> notices, long nanos) implements Outcome {}

    record Failed(QueryFailure failure, long nanos) implements Outcome {}

    /**
     * Runs one statement with its values bound in placeholder order. A statement that returns rows keeps its
     * cursor open and hands back its first page; cursors of earlier statements of the run stay open unless this
     * statement ended the transaction (COMMIT, ROLLBACK), which closes them.
     */
    Outcome execute(ParameterizedStatement statement, List<ParameterValue> binds) {
        lock.lock();
        long start = System.nanoTime();
        TransactionState before = TransactionState.IDLE;
        try {
            Connection c = connection();
            before = state();
            var prepared =
                    c.prepareStatement(statement.jdbcSql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            try {
                prepared.setFetchSize(ResultsModel.PAGE_SIZE);
                for (int i = 0; i < binds.size(); i++) {
                    var bind = binds.get(i);
                    if (bind.type() == ParameterType.NULL) {
                        prepared.setNull(i + 1, bind.type().jdbcType());
                    } else {
                        prepared.setObject(i + 1, bind.value(), bind.type().jdbcType());
                    }
                }
                boolean hasRows;
                try {
                    hasRows = send(prepared);
                } catch (SQLException e) {
                    if (!NOT_IN_A_TRANSACTION_BLOCK.equals(e.getSQLState()) || before != TransactionState.IDLE) throw e;
                    // VACUUM, CREATE DATABASE and the like refuse to run in a transaction; with nothing open, run
                    // them on their own, as psql would.
                    c.rollback();
                    c.setAutoCommit(true);
                    try {
                        hasRows = send(prepared);
                    } finally {
                        c.setAutoCommit(false);
                    }
                    if (!hasRows) {
                        long count = Math.max(0, prepared.getLargeUpdateCount());
                        var notices = notices(prepared);
                        prepared.close();
                        return new Updated(count, notices, System.nanoTime() - start);
                    }
                }
                tracked = TransactionState.IN_TRANSACTION;
                if (before != TransactionState.IDLE && state() == TransactionState.IDLE) {
                    // the statement was COMMIT or ROLLBACK: the server dropped every portal with the transaction
                    closeOpenCursors();
                    tracked = TransactionState.IDLE;
                }
                if (!hasRows) {
                    long count = Math.max(0, prepared.getLargeUpdateCount());
                    var notices = notices(prepared);
                    prepared.close();
                    return new Updated(count, notices, System.nanoTime() - start);
                }
                var cursor = Cursor.over(prepared.getResultSet(), lock);
                openCursors.add(cursor);
                var firstPage = ResultRow.of(cursor.fetch(ResultsModel.PAGE_SIZE));
                return new Rows(cursor, firstPage, System.nanoTime() - start);
            } catch (SQLException | RuntimeException e) {
                prepared.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            return new Failed(afterFailure(e, before), System.nanoTime() - start);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A failure in a transaction that held nothing yet is rolled back at once, so that a typo does not leave the
     * console demanding a rollback; a failure after earlier work leaves the transaction FAILED, as PostgreSQL does,
     * so that the user decides what happens to that work.
     */
    private QueryFailure afterFailure(Exception e, TransactionState before) {
        var failure = QueryFailure.of(e);
        if (failure.kind() == QueryFailure.Kind.CONNECTION) {
            dropConnection();
            return failure;
        }
        tracked = TransactionState.FAILED;
        if (before == TransactionState.IDLE && connection != null) {
            try {
                closeOpenCursors();
                connection.rollback();
                tracked = TransactionState.IDLE;
            } catch (SQLException rollbackFailed) {
                dropConnection();
            }
        }
        return failure;
    }

    /** At most a few notices: a block that raises thousands must not flood the status line. */
    private static List<String> notices(PreparedStatement prepared) throws SQLException {
        var notices = new java.util.ArrayList<String>();
        for (var warning = prepared.getWarnings();
                warning != null && notices.size() < 5;
                warning = warning.getNextWarning()) {
            notices.add(warning.getMessage());
        }
        return List.copyOf(notices);
    }

    private boolean send(PreparedStatement prepared) throws SQLException {
        running = prepared;
        try {
            if (cancelRequested) throw new SQLException("cancelled before it was sent", "57014");
            return prepared.execute();
        } finally {
            running = null;
        }
    }

    /** Starts a run: a cancel asked for during an earlier run no longer counts. */
    void beginRun() {
        cancelRequested = false;
    }

    /** Closes the cursors of earlier runs, whose grids have been let go (worker thread). */
    void closeEarlierCursors() {
        lock.lock();
        try {
            closeOpenCursors();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks the server to stop the running statement, and the run to send no further statement (from any thread).
     *
     * <p>The driver ignores a cancel that arrives between handing the statement over and sending it, so the
     * request is repeated until the statement has ended; a statement not yet handed over sees the flag instead.
     */
    void cancelRunning() throws SQLException, InterruptedException {
        cancelRequested = true;
        for (int attempt = 0; attempt < 50; attempt++) {
            var statement = running;
            if (statement == null) return;
            statement.cancel();
            Thread.sleep(100);
        }
    }

    boolean isRunning() {
        return running != null;
    }

    void commit() throws SQLException {
        endTransaction(true);
    }

    void rollback() throws SQLException {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) throws SQLException {
        lock.lock();
        try {
            if (connection == null) return;
            closeOpenCursors();
            if (commit) connection.commit();
            else connection.rollback();
            tracked = TransactionState.IDLE;
        } catch (SQLException e) {
            if (QueryFailure.of(e).kind() == QueryFailure.Kind.CONNECTION) dropConnection();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** The transaction state as the driver last heard it from the server. */
    TransactionState state() {
        lock.lock();
        try {
            if (connection == null) return TransactionState.IDLE;
            try {
                if (connection.isWrapperFor(BaseConnection.class)) {
                    return switch (connection.unwrap(BaseConnection.class).getTransactionState()) {
                        case IDLE -> TransactionState.IDLE;
                        case OPEN -> TransactionState.IN_TRANSACTION;
                        case FAILED -> TransactionState.FAILED;
                    };
                }
            } catch (SQLException unreadable) {
                // fall back to our own bookkeeping
            }
            return tracked;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Rolls back whatever is open and closes the connection. Session settings the user changed with SQL
     * ({@code SET}, temporary tables) are the pool's to clean: the Engine runs DISCARD ALL when such a connection
     * comes back.
     */
    void close() {
        lock.lock();
        try {
            if (connection == null) return;
            try {
                closeOpenCursors();
                connection.rollback();
            } catch (SQLException ignored) {
                // closing anyway; the server rolls back a transaction whose connection goes away
            }
            dropConnection();
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            var opened = connections.open();
            try {
                opened.setAutoCommit(false);
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
            tracked = TransactionState.IDLE;
            backendPid = pidOf(opened);
        }
        return connection;
    }

    private static int pidOf(Connection opened) {
        try {
            return opened.isWrapperFor(PGConnection.class)
                    ? opened.unwrap(PGConnection.class).getBackendPID()
                    : 0;
        } catch (SQLException unknown) {
            return 0;
        }
    }

    /** The server process serving the console, or 0 when it has no connection (any thread). */
    int backendPid() {
        return backendPid;
    }

    private void closeOpenCursors() {
        for (var cursor : openCursors) {
            try {
                cursor.close();
            } catch (RuntimeException ignored) {
                // the cursor dies with the transaction anyway
            }
        }
        openCursors.clear();
    }

    private void dropConnection() {
        openCursors.clear();
        tracked = TransactionState.IDLE;
        backendPid = 0;
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a broken connection may refuse to close politely; it is gone either way
        }
        connection = null;
    }
}
