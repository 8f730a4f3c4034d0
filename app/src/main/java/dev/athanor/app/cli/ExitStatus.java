package dev.athanor.app.cli;

/** The process exit statuses of {@code athanor run}, {@code sql} and {@code lab}, as documented in {@code --help}. */
public enum ExitStatus {
    /** Everything ran. */
    OK(0),
    /** The command line is wrong: unknown option, missing argument, unknown query name, bad URL. */
    USAGE(2),
    /** The project file cannot be read or is not a valid project. */
    PROJECT_FILE(3),
    /** The database cannot be reached or refused the login. */
    CONNECTION(4),
    /** A query failed: SQL error on the server, or a parameter without value. */
    QUERY(5),
    /** {@code athanor lab --max-statements N}: a chosen strategy needed more statements than N. */
    TOO_MANY_STATEMENTS(6),
    /** Interrupted (Ctrl-C); the running statement was cancelled. */
    INTERRUPTED(130);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }
}
