package dev.athanor.model.engine;

import java.io.Serial;

/**
 * An earlier statement of the transaction failed, and the server refuses every further statement until the
 * transaction is rolled back (SQLSTATE 25P02, "current transaction is aborted").
 */
public final class TransactionAborted extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    TransactionAborted(String userMessage, String sqlState, String details, Throwable cause) {
        super(userMessage, sqlState, details, cause);
    }
}
