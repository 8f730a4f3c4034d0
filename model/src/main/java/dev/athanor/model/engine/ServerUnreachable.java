package dev.athanor.model.engine;

import java.io.Serial;

/** The server could not be reached: refused, unknown host, timed out or the connection broke (SQLSTATE class 08). */
public final class ServerUnreachable extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    ServerUnreachable(String userMessage, String sqlState, String details, Throwable cause) {
        super(userMessage, sqlState, details, cause);
    }
}
