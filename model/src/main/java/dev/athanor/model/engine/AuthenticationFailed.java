package dev.athanor.model.engine;

import java.io.Serial;

/** The server refused the login: wrong password (28P01), login not allowed (28000), or a password is needed. */
public final class AuthenticationFailed extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean passwordMissing;

    AuthenticationFailed(
            String userMessage, String sqlState, String details, Throwable cause, boolean passwordMissing) {
        super(userMessage, sqlState, details, cause);
        this.passwordMissing = passwordMissing;
    }

    /** True when the server asked for a password and none was given: the UI should prompt for one. */
    public boolean passwordMissing() {
        return passwordMissing;
    }
}
