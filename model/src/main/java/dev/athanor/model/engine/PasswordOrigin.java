package dev.athanor.model.engine;

/** Where a password came from, so the UI can say it ("using the password from ~/.pgpass"). */
public enum PasswordOrigin {
    /** Typed by the user for this connection. */
    PROMPT,
    /** Typed earlier and kept in memory for the rest of this run. */
    REMEMBERED,
    /** Part of a pasted connection string. */
    CONNECTION_STRING,
    /** A matching line of the libpq password file ({@code ~/.pgpass} or {@code PGPASSFILE}). */
    PGPASS_FILE,
    /** The {@code PGPASSWORD} environment variable. */
    PGPASSWORD
}
