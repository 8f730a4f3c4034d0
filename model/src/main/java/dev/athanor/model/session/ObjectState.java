package dev.athanor.model.session;

/** Where a row object stands with respect to a session and the database (SQLAlchemy's object states). */
public enum ObjectState {
    /** Created, in no session, no row in the database. */
    TRANSIENT("transient"),
    /** Added to a session; its INSERT is sent at the next flush. */
    PENDING("pending"),
    /** In a session's identity map with a row in the database. */
    PERSISTENT("persistent"),
    /** Its DELETE was flushed in the open transaction; commit detaches it, rollback makes it persistent again. */
    DELETED("deleted"),
    /** Has a row's identity but belongs to no session (closed, expunged or deleted and committed). */
    DETACHED("detached");

    private final String label;

    ObjectState(String label) {
        this.label = label;
    }

    /** The state in a person's words. */
    public String label() {
        return label;
    }
}
