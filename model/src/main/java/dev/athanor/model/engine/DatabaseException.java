package dev.athanor.model.engine;

import java.io.Serial;
import java.util.Optional;

/**
 * A database failure in the user's words. The subclass says what kind it is (chosen by SQLSTATE, see
 * {@link DatabaseErrors#classify(Throwable)}); {@link #userMessage()} is a sentence for a dialog and
 * {@link #details()} the full server report behind a "details" click. The original exception stays the cause.
 */
public abstract sealed class DatabaseException extends RuntimeException
        permits AuthenticationFailed,
                ServerUnreachable,
                QueryTimeout,
                QueryCancelled,
                SyntaxError,
                ConstraintViolation,
                SerializationFailure,
                TransactionAborted,
                PoolExhausted,
                OtherDatabaseError {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String details;

    DatabaseException(String userMessage, String sqlState, String details, Throwable cause) {
        super(userMessage, cause);
        this.sqlState = sqlState;
        this.details = details;
    }

    /** One or two sentences for people, e.g. "Wrong password for user alice." */
    public String userMessage() {
        return getMessage();
    }

    /** The full report: server message, detail, hint, position, SQLSTATE and the chain of causes. */
    public String details() {
        return details;
    }

    /** The five-character SQLSTATE, or null when the failure did not come from the server or driver with one. */
    public String sqlState() {
        return sqlState;
    }

    /** {@link #sqlState()} as an Optional. */
    public Optional<String> sqlStateIfKnown() {
        return Optional.ofNullable(sqlState);
    }
}
