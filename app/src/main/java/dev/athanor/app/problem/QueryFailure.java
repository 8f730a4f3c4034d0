package dev.athanor.app.problem;

import dev.athanor.model.engine.ConstraintViolation;
import dev.athanor.model.engine.DatabaseErrors;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.engine.QueryCancelled;
import dev.athanor.model.engine.ServerUnreachable;
import dev.athanor.model.engine.SyntaxError;

/**
 * Why a statement failed, in words for people, with the server's particulars kept for a "details" view.
 * Classified by SQLSTATE (through the engine's {@link DatabaseErrors}), never by message text.
 *
 * @param kind what sort of failure it is
 * @param message one plain sentence for the user
 * @param details the server's message, detail, hint, context and SQLSTATE (several lines; may be empty)
 * @param sqlState the SQLSTATE, or an empty string when the failure did not come from the server
 * @param position 1-based position in the statement text the server reports (syntax errors), or 0
 */
public record QueryFailure(Kind kind, String message, String details, String sqlState, int position) {

    /** The sorts of failures the console and grid tell apart. */
    public enum Kind {
        SYNTAX,
        CANCELLED,
        CONSTRAINT,
        /** An earlier statement failed and the transaction refuses work until it is rolled back. */
        TRANSACTION_ABORTED,
        CONNECTION,
        OTHER
    }

    /**
     * Describes {@code failure} through the engine's classification ({@link DatabaseErrors#classify(Throwable)},
     * by SQLSTATE), looking through wrappers for the database error that caused it.
     */
    public static QueryFailure of(Throwable failure) {
        DatabaseException classified = DatabaseErrors.classify(failure);
        String state = classified.sqlStateIfKnown().orElse("");
        String details = classified.details() == null ? "" : classified.details();
        return switch (classified) {
            case SyntaxError syntax ->
                new QueryFailure(
                        Kind.SYNTAX,
                        syntax.userMessage(),
                        details,
                        state,
                        syntax.position().orElse(0));
            case QueryCancelled cancelled ->
                new QueryFailure(Kind.CANCELLED, "The statement was cancelled.", details, state, 0);
            case ConstraintViolation violation ->
                new QueryFailure(Kind.CONSTRAINT, violation.userMessage(), details, state, 0);
            case ServerUnreachable unreachable ->
                new QueryFailure(Kind.CONNECTION, unreachable.userMessage(), details, state, 0);
            default ->
                "25P02".equals(state)
                        ? new QueryFailure(
                                Kind.TRANSACTION_ABORTED,
                                "An earlier statement failed, so the transaction refuses further work."
                                        + " Roll it back to go on.",
                                details,
                                state,
                                0)
                        : new QueryFailure(Kind.OTHER, classified.userMessage(), details, state, 0);
        };
    }
}
