package dev.athanor.app.session;

import dev.athanor.model.session.Row;
import dev.athanor.model.session.TransactionState;
import java.time.Instant;
import java.util.List;

/**
 * What the session holds at one moment, taken on its lane for the views: the identity map, the next flush's
 * statements, the same work as SQLAlchemy code and the transaction.
 *
 * @param rows the identity map and the rows waiting to be inserted, in the session's order
 * @param plan the statements the next flush would send, with their binds; empty when none
 * @param code the pending work as SQLAlchemy 2.0 ORM code
 * @param transaction the session's transaction state
 * @param started when the open transaction began; null when none is open
 * @param failure why the session needs a rollback; null when it does not
 * @param savepointFailure why the last flush failed inside a savepoint, which was rolled back alone (the
 *     transaction goes on); null when that did not happen since the last flush that worked
 * @param hasChanges whether anything waits for a flush
 * @param savepoints how many savepoints are open
 * @param autoflush whether queries flush first
 * @param expireOnCommit whether commit expires every row
 */
public record SessionSnapshot(
        List<Entry> rows,
        String plan,
        String code,
        TransactionState transaction,
        Instant started,
        String failure,
        String savepointFailure,
        boolean hasChanges,
        int savepoints,
        boolean autoflush,
        boolean expireOnCommit) {

    /** The snapshot of a session not opened yet. */
    public static final SessionSnapshot EMPTY =
            new SessionSnapshot(List.of(), "", "", TransactionState.IDLE, null, null, null, false, 0, true, true);

    public SessionSnapshot {
        rows = List.copyOf(rows);
    }

    /** Whether leaving now would lose something: un-flushed changes or an open transaction. */
    public boolean pending() {
        return hasChanges || transaction != TransactionState.IDLE;
    }

    /**
     * One row of the identity map.
     *
     * @param row the row object itself (touch it only on the session's lane)
     * @param table the table, schema-qualified
     * @param key the primary key values, or "(new)" before the row's INSERT
     * @param state the object state, in words
     * @param changes the un-flushed changes as {@code column: old -> new}, one per line
     */
    public record Entry(Row row, String table, String key, String state, String changes) {}
}
