package dev.athanor.model.session;

/**
 * An UPDATE or DELETE found no row to change: someone else deleted the row, or changed it since it was loaded
 * (when version checking is on). Names the row. The flush that met it failed: roll back, refresh and try again.
 */
public final class StaleDataException extends RuntimeException {
    private final transient Row row;

    StaleDataException(Row row, String message) {
        super(message);
        this.row = row;
    }

    /** The row whose statement matched nothing. */
    public Row row() {
        return row;
    }
}
