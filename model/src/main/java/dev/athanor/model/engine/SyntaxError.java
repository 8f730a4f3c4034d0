package dev.athanor.model.engine;

import java.io.Serial;
import java.util.OptionalInt;

/**
 * The statement cannot be run as written (SQLSTATE class 42): bad syntax (42601), an unknown table (42P01) or
 * column (42703), a type mismatch... {@link #position()} points at the offending character when the server says.
 */
public final class SyntaxError extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int position;

    SyntaxError(String userMessage, String sqlState, String details, Throwable cause, int position) {
        super(userMessage, sqlState, details, cause);
        this.position = position;
    }

    /** 1-based character position in the statement text where the error was found, as PostgreSQL reports it. */
    public OptionalInt position() {
        return position > 0 ? OptionalInt.of(position) : OptionalInt.empty();
    }
}
