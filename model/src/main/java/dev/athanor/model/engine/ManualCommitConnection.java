package dev.athanor.model.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection held across transactions in manual-commit mode, like psql with AUTOCOMMIT off (the SQL console's
 * session): statements share one transaction until {@link #commit()} or {@link #rollback()}, in the script or from
 * here, and results stream through server-side cursors that stay open until the transaction ends.
 *
 * <p>It is a {@link Transaction} kept open across COMMITs: closing it rolls back, closes the cursors and returns the
 * connection clean (auto-commit on), as a transaction's end does, cleanup failures suppressed on the failure.
 *
 * <p>Worker threads only, one at a time, except {@link #cancelRunning()}, {@link #backendPid()} and
 * {@link #isRunning()}. Its cursors share its lock, so a grid may fetch on one worker while another runs the next
 * statement. Failures are {@link DatabaseException}s.
 */
public final class ManualCommitConnection implements AutoCloseable {
    /** SQLSTATE 25001: the statement cannot run inside a transaction block. */
    private static final String NOT_IN_A_TRANSACTION_BLOCK = "25001";

    /**
     * What {@link #holdsChanges()} asks, on this connection, so the echo log shows it: a transaction has an id once
     * it wrote (a change, a row lock, DDL), and only then.
     */
    public static final String HOLDS_CHANGES = "SELECT txid_current_if_assigned() IS NOT NULL AS holds_changes";

    private final Transaction held;
    private final int fetchSize;
    private volatile PreparedStatement running;

    private ManualCommitConnection(Transaction held, int fetchSize) {
        if (fetchSize < 1) {
            held.close();
            throw new IllegalArgumentException("fetch size " + fetchSize + " < 1");
        }
        this.held = held;
        this.fetchSize = fetchSize;
    }

    /**
     * Checks a connection out of {@code engine} for {@code origin} (the name the echo log shows).
     *
     * @param fetchSize rows per round trip for the cursors of its statements
     */
    public static ManualCommitConnection open(Engine engine, String origin, int fetchSize) {
        return new ManualCommitConnection(engine.begin(origin, TransactionMode.READ_WRITE), fetchSize);
    }

    /**
     * Holds a connection checked out elsewhere, for code that has no {@link Engine}; closing this closes
     * {@code connection}, and so does a failure here.
     */
    public static ManualCommitConnection over(Connection connection, int fetchSize) {
        return new ManualCommitConnection(Transaction.begin(connection, TransactionMode.READ_WRITE), fetchSize);
    }

    /** Binds a statement's values before it is sent. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** What one statement did. */
    public sealed interface Outcome {}

    /** The statement returned rows, read through {@code cursor}; it closes when the transaction ends. */
    public record Rows(Cursor cursor) implements Outcome {}

    /**
     * The statement changed rows or the schema, or ran a block.
     *
     * @param notices what the server said along the way ({@code RAISE NOTICE}, warnings), at most five, in order
     */
    public record Changed(long count, List<String> notices) implements Outcome {}

    /**
     * Runs one statement in the open transaction (beginning one when none is open). A statement the server refuses
     * inside a transaction block (VACUUM, CREATE DATABASE...) is run again on its own, in auto-commit, when no
     * transaction held anything yet, as psql does. A statement that ends the transaction (COMMIT, ROLLBACK) closes
     * the cursors of earlier statements.
     *
     * @throws DatabaseException classified; the transaction is then FAILED, as PostgreSQL leaves it, even when the
     *     statement was its first: whether to roll back at once is the caller's choice
     */
    public Outcome execute(String sql, Binder binder) {
        var lock = held.lock();
        lock.lock();
        try {
            var connection = held.connection();
            var before = held.status();
            PreparedStatement prepared = null;
            try {
                prepared = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                prepared.setFetchSize(fetchSize);
                binder.bind(prepared);
                boolean hasRows;
                try {
                    hasRows = send(prepared);
                } catch (SQLException e) {
                    if (!NOT_IN_A_TRANSACTION_BLOCK.equals(e.getSQLState()) || before != TransactionStatus.IDLE) {
                        throw e;
                    }
                    connection.rollback();
                    connection.setAutoCommit(true);
                    try {
                        hasRows = send(prepared);
                    } finally {
                        connection.setAutoCommit(false);
                    }
                }
                if (before != TransactionStatus.IDLE && held.status() == TransactionStatus.IDLE) {
                    // the statement was COMMIT or ROLLBACK: the server dropped every portal with the transaction
                    held.closeCursorsNow();
                }
                if (hasRows) {
                    return new Rows(held.adopt(prepared.getResultSet()));
                }
                var changed = new Changed(Math.max(0, prepared.getLargeUpdateCount()), notices(prepared));
                prepared.close();
                return changed;
            } catch (SQLException | RuntimeException e) {
                throw Cursor.closeAfterFailure(prepared, held.classify(e));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The type the server infers for each {@code ?} placeholder of {@code sql} ({@code int4}, {@code text}...), in
     * placeholder order: the statement is parsed and described, not executed, and no transaction is begun for it.
     * Empty when the transaction has failed (the server would refuse) or the server cannot describe the statement
     * (a syntax error, an unknown table, a type it cannot infer): the statement's own run reports those.
     */
    public List<String> parameterTypes(String sql) {
        var lock = held.lock();
        lock.lock();
        try {
            if (held.status() == TransactionStatus.FAILED) {
                return List.of();
            }
            try (var prepared = held.connection().prepareStatement(sql)) {
                var meta = prepared.getParameterMetaData();
                var types = new ArrayList<String>();
                for (int i = 1; i <= meta.getParameterCount(); i++) {
                    types.add(meta.getParameterTypeName(i));
                }
                return List.copyOf(types);
            } catch (SQLException e) {
                return List.of();
            }
        } finally {
            lock.unlock();
        }
    }

    /** At most a few notices: a block that raises thousands must not flood the caller. */
    private static List<String> notices(PreparedStatement prepared) throws SQLException {
        var notices = new ArrayList<String>();
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
            if (held.cancelRequested()) {
                throw new SQLException("cancelled before it was sent", "57014");
            }
            return prepared.execute();
        } finally {
            running = null;
        }
    }

    /**
     * Whether the open transaction wrote something (it has a transaction id: a change, a row lock, DDL) or failed;
     * false when idle or when it only read. Asks the server, on this connection, when a transaction is open.
     */
    public boolean holdsChanges() {
        var lock = held.lock();
        lock.lock();
        try {
            return switch (held.status()) {
                case IDLE -> false;
                case FAILED -> true;
                case ACTIVE -> {
                    try (var statement = held.connection().createStatement();
                            var rows = statement.executeQuery(HOLDS_CHANGES)) {
                        yield rows.next() && rows.getBoolean(1);
                    } catch (SQLException e) {
                        throw held.classify(e);
                    }
                }
            };
        } finally {
            lock.unlock();
        }
    }

    /** Commits, closing the open cursors; the connection stays for the next transaction. */
    public void commit() {
        held.endAndContinue(true);
    }

    /** Rolls back, closing the open cursors; the connection stays for the next transaction. */
    public void rollback() {
        held.endAndContinue(false);
    }

    /** Closes the cursors handed out so far, e.g. those of an earlier run whose grids were let go. */
    public void closeCursors() {
        held.closeCursorsNow();
    }

    /** IDLE, ACTIVE or FAILED as the server last reported it (no round trip); IDLE once closed. */
    public TransactionStatus status() {
        var lock = held.lock();
        lock.lock();
        try {
            return held.status();
        } finally {
            lock.unlock();
        }
    }

    /** The server process serving this connection, e.g. for {@code pg_blocking_pids}. Any thread. */
    public int backendPid() {
        return held.backendPid();
    }

    /** Whether a statement is being sent or runs now. Any thread. */
    public boolean isRunning() {
        return running != null;
    }

    /** Starts a run of statements: a cancel asked for during an earlier run no longer counts. */
    public void forgetCancel() {
        held.forgetCancel();
    }

    /**
     * Asks the server to stop the running statement, and refuses further statements until {@link #forgetCancel()}
     * (any thread). The driver ignores a cancel that arrives between handing a statement over and sending it, so
     * the request is repeated, for up to five seconds, until the statement has ended.
     */
    public void cancelRunning() throws InterruptedException {
        // no request while nothing runs: it could arrive during the next ROLLBACK and cancel that instead
        held.requestCancel();
        // Only the statement running now: once it has ended, the next run's statement must not be cancelled too.
        var target = running;
        for (int attempt = 0; attempt < 50 && target != null && running == target; attempt++) {
            held.cancelRunning();
            Thread.sleep(100);
        }
    }

    /** False once closed. Any thread. */
    public boolean isOpen() {
        return held.isOpen();
    }

    /**
     * Rolls back, closes the cursors and returns the connection clean; nothing when already closed. A rollback that
     * fails is thrown, after the connection was reset and closed anyway.
     */
    @Override
    public void close() {
        held.close();
    }
}
