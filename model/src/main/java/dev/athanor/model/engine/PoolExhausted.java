package dev.athanor.model.engine;

import java.io.Serial;

/** No connection became free in the pool within the connection timeout: every pooled connection is in use. */
public final class PoolExhausted extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    PoolExhausted(String userMessage, String sqlState, String details, Throwable cause) {
        super(userMessage, sqlState, details, cause);
    }
}
