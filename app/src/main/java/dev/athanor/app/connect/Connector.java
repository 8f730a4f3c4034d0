package dev.athanor.app.connect;

import java.util.function.Consumer;

/** Opens a connection for a {@link ConnectionChoice}. Blocking: call only off the UI thread. */
public interface Connector {

    /**
     * Opens {@code choice}.
     *
     * @param typedPassword a password the user just typed, or null to use the remembered one, {@code
     *     ~/.pgpass} or {@code PGPASSWORD}
     * @param progress receives steps in the user's words ("Starting the sample database…")
     * @throws PasswordNeeded when the server wants a password and none is known
     */
    OpenDatabase open(ConnectionChoice choice, char[] typedPassword, Consumer<String> progress);

    /** Remembers {@code password} for {@code choice} until the application exits. */
    void rememberForSession(ConnectionChoice choice, char[] password);

    /** Where {@code choice} connects, for the password prompt ("alice@localhost:5432/shop"). */
    String describe(ConnectionChoice choice);

    /** Thrown when a password is required and no source has one. */
    final class PasswordNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PasswordNeeded(String target) {
            super("A password is needed for " + target);
        }
    }
}
