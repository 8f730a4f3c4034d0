package dev.athanor.model.engine;

import java.io.Serial;

/** Any other failure: the message and SQLSTATE come from the server or driver as they are. */
public final class OtherDatabaseError extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    OtherDatabaseError(String userMessage, String sqlState, String details, Throwable cause) {
        super(userMessage, sqlState, details, cause);
    }
}
