package dev.athanor.app.task;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Work a pane holds open on a database that leaving it would end: the SQL console's uncommitted transaction, and
 * later a Session's changes not yet flushed. The window asks every contributor before it switches connection, so
 * that the user decides whether the work is committed or rolled back, or stays where it is.
 *
 * <p>All methods are called on the UI thread; {@link #commit} and {@link #rollback} do their JDBC through a
 * {@link Background} and call back on the UI thread.
 */
public interface PendingWork {

    /** What would be lost, in the user's words (e.g. "The SQL console has uncommitted changes."); empty if none. */
    Optional<String> pending();

    /** Makes the work permanent (sending COMMIT), then calls {@code done}, or {@code failed} with why not. */
    void commit(Runnable done, Consumer<Throwable> failed);

    /** Throws the work away (sending ROLLBACK), then calls {@code done}, or {@code failed} with why not. */
    void rollback(Runnable done, Consumer<Throwable> failed);
}
