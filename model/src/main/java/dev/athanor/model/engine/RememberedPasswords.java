package dev.athanor.model.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords the user typed and asked to keep for the rest of this run. Held in memory only, never written
 * anywhere; keyed by user, host, port and database so a renamed profile keeps its password.
 */
public final class RememberedPasswords implements PasswordSource {
    private final ConcurrentHashMap<String, char[]> passwords = new ConcurrentHashMap<>();

    /** Keeps {@code password} (copied) for connections to {@code profile}'s target. */
    public void remember(ConnectionProfile profile, char[] password) {
        var previous = passwords.put(profile.target(), password.clone());
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }

    /** Drops the password for {@code profile}'s target, e.g. after the server refused it. */
    public void forget(ConnectionProfile profile) {
        var previous = passwords.remove(profile.target());
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }

    /** Drops every remembered password. */
    public void clear() {
        passwords.keySet().forEach(key -> {
            var previous = passwords.remove(key);
            if (previous != null) {
                Arrays.fill(previous, '\0');
            }
        });
    }

    @Override
    public Optional<Password> lookup(ConnectionProfile profile) {
        var value = passwords.get(profile.target());
        return value == null
                ? Optional.empty()
                : Optional.of(
                        new Password(value, PasswordOrigin.REMEMBERED, "the password remembered for this session"));
    }
}
