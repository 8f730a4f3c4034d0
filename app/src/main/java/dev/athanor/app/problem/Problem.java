package dev.athanor.app.problem;

import dev.athanor.model.engine.AuthenticationFailed;
import dev.athanor.model.engine.DatabaseErrors;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.engine.ProfileFormatException;
import dev.athanor.model.engine.QueryCancelled;
import dev.athanor.model.engine.ServerUnreachable;
import dev.athanor.model.engine.TransactionAborted;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure as the user sees it: a title and a sentence in plain words, with the technical details (SQLSTATE,
 * server message, stack trace) kept one click away.
 *
 * @param title short headline, e.g. "Wrong password"
 * @param message what happened and what to do, in plain words
 * @param details the technical account, shown only on request
 */
public record Problem(String title, String message, String details) {

    /**
     * Describes {@code failure} for the user: database failures speak in the words the engine's classification
     * gives them; anything else is reported as unexpected, with its stack trace in the details. This is the one
     * way the app turns a failure into words ({@link QueryFailure} adds what a statement's failure needs).
     *
     * @param whatFailed headline naming the action, e.g. "Could not load the schema"
     */
    public static Problem describe(String whatFailed, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseException || cause instanceof java.sql.SQLException) {
                return of(whatFailed, DatabaseErrors.classify(failure));
            }
            if (cause instanceof ProfileFormatException format) {
                return new Problem(whatFailed, format.getMessage(), stackTrace(failure));
            }
        }
        return unexpected(whatFailed, failure);
    }

    /**
     * Describes a failure the engine has classified (by SQLSTATE, in {@link DatabaseErrors}), in its own words.
     *
     * @param whatFailed headline used when the kind of failure has no better one
     */
    public static Problem of(String whatFailed, DatabaseException failure) {
        String title =
                switch (failure) {
                    case AuthenticationFailed auth ->
                        auth.passwordMissing() ? "Password needed" : "Wrong user name or password";
                    case ServerUnreachable unreachable -> "Server unreachable";
                    case QueryCancelled cancelled -> "Cancelled";
                    case TransactionAborted aborted -> "Transaction aborted";
                    default -> whatFailed;
                };
        String details = failure.details() == null ? stackTrace(failure) : failure.details();
        return new Problem(title, failure.userMessage(), details);
    }

    /** Describes an unexpected failure that carries no user-facing message of its own. */
    public static Problem unexpected(String whatFailed, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new Problem(whatFailed, firstLine(reason), stackTrace(failure));
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    static String stackTrace(Throwable failure) {
        var out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
