package dev.athanor.app.connect;

import dev.athanor.model.engine.ConnectionProfile;

/** Tries a profile without keeping the connection. Blocking: call only off the UI thread. */
@FunctionalInterface
public interface ConnectionTester {

    /**
     * Connects once with {@code profile} and reports the server.
     *
     * @param typedPassword a password typed in the dialog, or null to use the usual sources
     * @return the server's version line, e.g. "PostgreSQL 17.6 on x86_64-pc-linux-gnu"
     * @throws dev.athanor.model.engine.DatabaseException when the server cannot be reached or refuses
     */
    String test(ConnectionProfile profile, char[] typedPassword);
}
