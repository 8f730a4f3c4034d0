package dev.athanor.app.problem;

import dev.athanor.model.engine.ConstraintViolation;
import dev.athanor.model.engine.DatabaseErrors;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.engine.QueryCancelled;
import dev.athanor.model.engine.ServerUnreachable;
import dev.athanor.model.engine.SyntaxError;
import dev.athanor.model.engine.TransactionAborted;

/**
 * Why a statement failed: the {@link Problem} the user reads, plus what the console and grid act on (the kind, the
 * SQLSTATE, where in the statement). Classified by SQLSTATE (through the engine's {@link DatabaseErrors}), never by
 * message text, and worded by {@link Problem#of}, like every other failure the app shows.
 *
 * @param kind what sort of failure it is
 * @param problem the failure in plain words, with the server's particulars as its details
 * @param sqlState the SQLSTATE, or an empty string when the failure did not come from the server
 * @param position 1-based position in the statement text the server reports (syntax errors), or 0
 */
public record QueryFailure(Kind kind, Problem problem, String sqlState, int position) {

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
        var problem = Problem.of("The statement failed", classified);
        String state = classified.sqlStateIfKnown().orElse("");
        return switch (classified) {
            case SyntaxError syntax ->
                new QueryFailure(Kind.SYNTAX, problem, state, syntax.position().orElse(0));
            case QueryCancelled cancelled -> new QueryFailure(Kind.CANCELLED, problem, state, 0);
            case ConstraintViolation violation -> new QueryFailure(Kind.CONSTRAINT, problem, state, 0);
            case ServerUnreachable unreachable -> new QueryFailure(Kind.CONNECTION, problem, state, 0);
            case TransactionAborted aborted -> new QueryFailure(Kind.TRANSACTION_ABORTED, problem, state, 0);
            default -> new QueryFailure(Kind.OTHER, problem, state, 0);
        };
    }

    /** One plain sentence for the user. */
    public String message() {
        return problem.message();
    }

    /** The server's message, detail, hint, context and SQLSTATE (several lines; may be empty). */
    public String details() {
        return problem.details();
    }
}
