package dev.athanor.model.session;

/** An expired attribute was read on a row that no session can load it for (SQLAlchemy's DetachedInstanceError). */
public final class DetachedRowException extends IllegalStateException {
    DetachedRowException(Row row, String column) {
        super(column + " of " + row.describe() + " is expired and the row is "
                + row.state().label() + ": add it to a session to read it again.");
    }
}
