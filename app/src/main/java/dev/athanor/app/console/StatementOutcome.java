package dev.athanor.app.console;

import java.time.Duration;

/**
 * What one statement of a run did, as the run's output lists it.
 *
 * @param number the statement's place in the run, from 1 (result tabs carry the same number)
 * @param sql the statement as written
 * @param kind whether it returned rows, changed something or failed
 * @param outcome "4 rows", "Done, 3 rows affected", or the error in plain words
 * @param elapsed how long the server took, including the first page of rows
 */
public record StatementOutcome(int number, String sql, Kind kind, String outcome, Duration elapsed) {

    /** The three ways a statement can end. */
    public enum Kind {
        ROWS,
        /** INSERT, UPDATE, DELETE, DDL, a block: anything that returned no rows. */
        CHANGED,
        FAILED
    }
}
