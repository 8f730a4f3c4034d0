package dev.athanor.app.console;

import dev.athanor.app.problem.QueryFailure;
import dev.athanor.app.results.ConnectionSource;
import dev.athanor.app.results.ResultRow;
import dev.athanor.app.results.ResultsModel;
import dev.athanor.model.engine.Cursor;
import dev.athanor.model.engine.ManualCommitConnection;
import dev.athanor.query.project.ParameterType;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's own connection, like a psql session: a {@link ManualCommitConnection}, opened on first use, so
 * that statements share one transaction until the user commits or rolls back, and so that result sets stream
 * through a server-side cursor.
 *
 * <p>Worker threads only, except {@link #cancelRunning()}, {@link #isRunning()} and {@link #backendPid()}, which any
 * thread may call while a statement runs.
 *
 * <p>Every statement of a run that returns rows keeps its cursor (a PostgreSQL portal) open, so that each result
 * streams on its own while later statements run; portals live until the transaction ends, so a commit or rollback,
 * in the script or from the toolbar, closes them all, and so does the next run.
 */
final class ConsoleSession {
    private final ConnectionSource connections;
    /** Null until the first statement, and again after the connection broke or was closed. */
    private volatile ManualCommitConnection connection;

    private volatile boolean cancelRequested;

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
        long start = System.nanoTime();
        TransactionState before = TransactionState.IDLE;
        try {
            if (cancelRequested) throw new SQLException("cancelled before it was sent", "57014");
            var session = connection();
            before = state();
            var outcome = session.execute(statement.jdbcSql(), prepared -> {
                for (int i = 0; i < binds.size(); i++) {
                    var bind = binds.get(i);
                    if (bind.type() == ParameterType.NULL) {
                        prepared.setNull(i + 1, bind.type().jdbcType());
                    } else {
                        prepared.setObject(i + 1, bind.value(), bind.type().jdbcType());
                    }
                }
            });
            return switch (outcome) {
                case ManualCommitConnection.Changed changed ->
                    new Updated(changed.count(), changed.notices(), System.nanoTime() - start);
                case ManualCommitConnection.Rows rows -> {
                    var firstPage = ResultRow.of(rows.cursor().fetch(ResultsModel.PAGE_SIZE));
                    yield new Rows(rows.cursor(), firstPage, System.nanoTime() - start);
                }
            };
        } catch (SQLException | RuntimeException e) {
            return new Failed(afterFailure(e, before), System.nanoTime() - start);
        }
    }

    /**
     * The type the server infers for each named parameter of {@code statements}, described on the console's own
     * connection (so temporary tables and the search path count) without running them; a name whose type the
     * server cannot tell, or that maps to no {@link ParameterType} of its own, is missing.
     */
    Map<String, ParameterType> parameterTypes(List<ParameterizedStatement> statements) {
        var types = new HashMap<String, ParameterType>();
        try {
            var session = connection();
            for (var statement : statements) {
                if (statement.bindOrder().isEmpty()) continue;
                List<String> described = session.parameterTypes(statement.jdbcSql());
                for (int i = 0;
                        i < described.size() && i < statement.bindOrder().size();
                        i++) {
                    String name = statement.bindOrder().get(i);
                    ParameterType.ofServerType(described.get(i)).ifPresent(type -> types.putIfAbsent(name, type));
                }
            }
        } catch (SQLException | RuntimeException noConnection) {
            // the run itself reports why the server cannot be reached
        }
        return Map.copyOf(types);
    }

    /**
     * A failure in a transaction that held nothing yet is rolled back at once, so that a typo does not leave the
     * console demanding a rollback; a failure after earlier work leaves the transaction FAILED, as PostgreSQL does,
     * so that the user decides what happens to that work.
     */
    private QueryFailure afterFailure(Exception e, TransactionState before) {
        var failure = QueryFailure.of(e);
        var session = connection;
        if (session == null) return failure;
        if (failure.kind() == QueryFailure.Kind.CONNECTION) {
            dropConnection();
        } else if (before == TransactionState.IDLE) {
            try {
                session.rollback();
            } catch (RuntimeException rollbackFailed) {
                dropConnection();
            }
        }
        return failure;
    }

    /** Starts a run: a cancel asked for during an earlier run no longer counts. */
    void beginRun() {
        cancelRequested = false;
        var session = connection;
        if (session != null) session.forgetCancel();
    }

    /** Closes the cursors of earlier runs, whose grids have been let go (worker thread). */
    void closeEarlierCursors() {
        var session = connection;
        if (session != null) session.closeCursors();
    }

    /** Asks the server to stop the running statement, and the run to send no further statement (any thread). */
    void cancelRunning() throws InterruptedException {
        cancelRequested = true;
        var session = connection;
        if (session != null) session.cancelRunning();
    }

    boolean isRunning() {
        var session = connection;
        return session != null && session.isRunning();
    }

    void commit() {
        endTransaction(true);
    }

    void rollback() {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) {
        var session = connection;
        if (session == null) return;
        try {
            if (commit) session.commit();
            else session.rollback();
        } catch (RuntimeException e) {
            if (QueryFailure.of(e).kind() == QueryFailure.Kind.CONNECTION) dropConnection();
            throw e;
        }
    }

    /** The transaction state as the driver last heard it from the server. */
    TransactionState state() {
        var session = connection;
        if (session == null) return TransactionState.IDLE;
        return switch (session.status()) {
            case IDLE -> TransactionState.IDLE;
            case ACTIVE -> TransactionState.IN_TRANSACTION;
            case FAILED -> TransactionState.FAILED;
        };
    }

    /**
     * Whether the open transaction holds work a rollback would lose: it wrote something (or locked rows), or it
     * failed. A transaction that only read holds nothing. Asks the server when a transaction is open.
     */
    boolean holdsChanges() {
        var session = connection;
        if (session == null) return false;
        try {
            return session.holdsChanges();
        } catch (RuntimeException unknown) {
            return true; // when in doubt, the user decides
        }
    }

    /**
     * Rolls back whatever is open and hands the connection back. Session settings the user changed with SQL
     * ({@code SET}, temporary tables) are the pool's to clean: the Engine runs DISCARD ALL when such a connection
     * comes back.
     */
    void close() {
        dropConnection();
    }

    private ManualCommitConnection connection() throws SQLException {
        var session = connection;
        if (session == null) {
            session = ManualCommitConnection.over(connections.open(), ResultsModel.PAGE_SIZE);
            connection = session;
        }
        return session;
    }

    /** The server process serving the console, or 0 when it has no connection (any thread). */
    int backendPid() {
        var session = connection;
        return session == null ? 0 : session.backendPid();
    }

    private void dropConnection() {
        var session = connection;
        connection = null;
        if (session == null) return;
        try {
            session.close();
        } catch (RuntimeException ignored) {
            // a broken connection may refuse to roll back politely; it is closed and gone either way
        }
    }
}
