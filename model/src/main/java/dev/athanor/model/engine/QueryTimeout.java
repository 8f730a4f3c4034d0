package dev.athanor.model.engine;

import java.io.Serial;

/** A statement ran longer than its time limit ({@code statement_timeout} or a JDBC query timeout) and was stopped (57014). */
public final class QueryTimeout extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    QueryTimeout(String userMessage, String sqlState, String details, Throwable cause) {
        super(userMessage, sqlState, details, cause);
    }
}
