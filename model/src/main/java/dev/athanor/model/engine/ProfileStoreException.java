package dev.athanor.model.engine;

import java.io.Serial;

/** The profile file could not be read or written; the message says which file and what to do. */
public final class ProfileStoreException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ProfileStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProfileStoreException(String message) {
        super(message);
    }
}
