package dev.athanor.model.engine;

/** How a {@link Cursor} reads a column's values, and so what Java type they come as. */
public enum ValueKind {
    /** Integers, numeric, real, double: the driver's {@code getObject} (a String for NaN it cannot convert). */
    NUMBER,
    /** {@code Boolean}. */
    BOOLEAN,
    /** {@code byte[]} (bytea). */
    BYTES,
    /** Everything else, as the server prints it (money included: the driver cannot parse "$1,000.00"). */
    TEXT
}
