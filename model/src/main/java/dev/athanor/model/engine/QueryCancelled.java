package dev.athanor.model.engine;

import java.io.Serial;

/** A statement was stopped on request (57014): the user pressed cancel, or another session cancelled it. */
public final class QueryCancelled extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    QueryCancelled(String userMessage, String sqlState, String details, Throwable cause) {
        super(userMessage, sqlState, details, cause);
    }
}
