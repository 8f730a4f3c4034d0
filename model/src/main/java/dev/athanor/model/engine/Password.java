package dev.athanor.model.engine;

import java.util.Objects;

/**
 * A password together with where it came from. Its {@link #toString()} never shows the characters, so it is safe
 * in logs and error messages.
 */
public final class Password {
    private final char[] value;
    private final PasswordOrigin origin;
    private final String where;

    /**
     * @param value the characters (copied)
     * @param origin the kind of source
     * @param where the source in the user's words, e.g. {@code /home/alice/.pgpass line 3}
     */
    public Password(char[] value, PasswordOrigin origin, String where) {
        this.value = Objects.requireNonNull(value, "value").clone();
        this.origin = Objects.requireNonNull(origin, "origin");
        this.where = Objects.requireNonNull(where, "where");
    }

    /** A copy of the characters; callers should blank it when done. */
    public char[] chars() {
        return value.clone();
    }

    /** The characters as a String, for driver properties that take only Strings. */
    String text() {
        return new String(value);
    }

    /** The kind of source the password came from. */
    public PasswordOrigin origin() {
        return origin;
    }

    /** The source in the user's words, e.g. {@code /home/alice/.pgpass line 3}. */
    public String where() {
        return where;
    }

    /** The same characters, attributed to another source (e.g. a prompted password once remembered). */
    public Password from(PasswordOrigin newOrigin, String newWhere) {
        return new Password(value, newOrigin, newWhere);
    }

    @Override
    public String toString() {
        return "Password[*** from " + where + "]";
    }
}
