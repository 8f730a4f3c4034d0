package dev.athanor.app.connect;

import dev.athanor.app.echo.EchoRow;
import dev.athanor.app.schema.SchemaService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/** A database the window is connected to: its engine and what the panes need from it. */
public interface OpenDatabase extends AutoCloseable {

    /** Short description for the status bar, e.g. "athanor_sample on localhost:54321 as athanor". */
    String label();

    /** Reads the catalog and DDL (blocking; call off the UI thread). */
    SchemaService schema();

    /** A pooled connection whose statements the echo log attributes to {@code origin} (blocking). */
    Connection connection(String origin) throws SQLException;

    /** The engine behind this connection, for panes that talk to it directly (the SQL console). */
    dev.athanor.model.engine.Engine engine();

    /** The pool's figures right now; cheap, no I/O. */
    PoolFigures pool();

    /** Calls {@code listener} for every statement sent, on the thread that sent it, until closed. */
    AutoCloseable subscribeEcho(Consumer<EchoRow> listener);

    /** Closes the pool (the sample server keeps running until the application exits). Blocking. */
    @Override
    void close();

    /**
     * Waits, at most {@code wait}, for the connections in use to come back (panes closing their cursors, the console
     * rolling back), then closes: a connection still out when the pool closes is aborted under its user, whose
     * cleanup then fails. Blocking; call off the UI thread.
     */
    default void closeWhenReturned(java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (pool().active() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    /** Pool figures as the status bar shows them; {@code max < 0} means no pool (a connection per use). */
    record PoolFigures(int active, int idle, int waiting, int total, int max) {}
}
