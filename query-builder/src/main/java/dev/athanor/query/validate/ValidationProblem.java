package dev.athanor.query.validate;

import java.util.Objects;

/**
 * A problem found in a query, located at the model element it concerns.
 *
 * @param kind what sort of problem it is
 * @param path where it is in the model, in the model's component names: {@code items[1].expression},
 *     {@code where.operands[0].left}, {@code from[0].right}, {@code with[0].query.where}
 * @param message what is wrong, written for the person building the query
 */
public record ValidationProblem(Kind kind, String path, String message) {
    /** Sorts of problems. */
    public enum Kind {
        UNKNOWN_TABLE,
        UNKNOWN_COLUMN,
        NOT_GROUPED,
        AGGREGATE_NOT_ALLOWED,
        WINDOW_NOT_ALLOWED,
        TYPE_MISMATCH,
        /** ORDER BY that SELECT DISTINCT or DISTINCT ON cannot follow. */
        DISTINCT_ORDER,
        /** FROM items with no condition between them: every row of one with every row of the other. */
        CROSS_JOIN,
        /** Text kept as SQL that PostgreSQL cannot read as an expression or condition. */
        UNREADABLE_SQL
    }

    public ValidationProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
