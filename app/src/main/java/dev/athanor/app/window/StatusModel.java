package dev.athanor.app.window;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the status bar says: connection, pool, console and session transactions, and running work. */
public final class StatusModel {
    private final Activity activity;
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection", "Not connected");
    private final ReadOnlyStringWrapper pool = new ReadOnlyStringWrapper(this, "pool", "");
    private final StringProperty transaction = new SimpleStringProperty(this, "transaction", "");
    private final ReadOnlyStringWrapper session = new ReadOnlyStringWrapper(this, "session", "");

    public StatusModel(Activity activity) {
        this.activity = activity;
    }

    /** Shows which database the window works on. */
    public void showConnection(String label) {
        connection.set(label);
    }

    /** Shows the pool figures the way the Engine reports them. */
    public void showPool(int active, int idle, int waiting, int total, int max) {
        if (max < 0) {
            pool.set("No pool: %d open".formatted(active));
            return;
        }
        pool.set("Pool: %d active · %d idle · %d waiting · %d of %d open".formatted(active, idle, waiting, total, max));
    }

    /** Hides the pool figures (no engine). */
    public void hidePool() {
        pool.set("");
    }

    /** Shows the console session's transaction state ("idle", "in transaction", "failed transaction"). */
    public void showTransaction(String state) {
        transaction.set(state == null || state.isBlank() ? "" : "Console: " + state);
    }

    /** Shows the session's transaction state, as {@code SessionModel#statusText} words it; empty hides it. */
    public void showSession(String state) {
        session.set(state == null ? "" : state);
    }

    /** The session's transaction state: idle, in transaction with its age (warning when long), or failed. */
    public ReadOnlyStringProperty sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty poolProperty() {
        return pool.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty transactionProperty() {
        return transaction;
    }

    public Activity activity() {
        return activity;
    }
}
