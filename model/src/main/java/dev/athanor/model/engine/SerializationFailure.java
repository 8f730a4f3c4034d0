package dev.athanor.model.engine;

import java.io.Serial;

/** The transaction lost a conflict with a concurrent one (40001 serialization failure, 40P01 deadlock) and was rolled back; running it again usually works. */
public final class SerializationFailure extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    SerializationFailure(String userMessage, String sqlState, String details, Throwable cause) {
        super(userMessage, sqlState, details, cause);
    }
}
