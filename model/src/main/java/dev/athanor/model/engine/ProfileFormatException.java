package dev.athanor.model.engine;

import java.io.Serial;

/**
 * A connection string or profile field that cannot be understood. The message names the problem in plain words
 * ({@code port 'abc' is not a number}) so it can be shown next to the input as it is.
 */
public final class ProfileFormatException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ProfileFormatException(String message) {
        super(message);
    }
}
