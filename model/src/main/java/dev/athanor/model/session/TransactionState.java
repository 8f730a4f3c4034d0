package dev.athanor.model.session;

/** Whether a session holds a database transaction. */
public enum TransactionState {
    /** No transaction and no connection: the next statement begins one. */
    IDLE("idle"),
    /** A transaction is open on a connection the session holds. */
    ACTIVE("in transaction"),
    /** A flush failed and its transaction was rolled back: call {@link Session#rollback()} before more work. */
    FAILED("failed: needs rollback");

    private final String label;

    TransactionState(String label) {
        this.label = label;
    }

    /** The state in a person's words. */
    public String label() {
        return label;
    }
}
