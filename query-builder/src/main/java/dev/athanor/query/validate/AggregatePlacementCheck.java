package dev.athanor.query.validate;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.ExpressionWalker;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.validate.ValidationProblem.Kind;

/**
 * Aggregates and window functions where PostgreSQL forbids them: window functions anywhere but the select list
 * and ORDER BY, aggregates in WHERE, GROUP BY and JOIN conditions.
 */
final class AggregatePlacementCheck implements ExpressionWalker.Visitor {
    private final String clause;
    private final boolean aggregatesForbidden;
    private final Findings findings;

    private AggregatePlacementCheck(String clause, boolean aggregatesForbidden, Findings findings) {
        this.clause = clause;
        this.aggregatesForbidden = aggregatesForbidden;
        this.findings = findings;
    }

    /**
     * Checks a condition of {@code clause} (e.g. "WHERE").
     *
     * @param aggregatesForbidden whether aggregates are forbidden there too (not in HAVING)
     */
    static void check(Predicate predicate, String path, String clause, boolean aggregatesForbidden, Findings findings) {
        ExpressionWalker.walk(predicate, path, new AggregatePlacementCheck(clause, aggregatesForbidden, findings));
    }

    /** Checks an expression of {@code clause} (e.g. "GROUP BY"). */
    static void check(
            Expression expression, String path, String clause, boolean aggregatesForbidden, Findings findings) {
        ExpressionWalker.walk(expression, path, new AggregatePlacementCheck(clause, aggregatesForbidden, findings));
    }

    @Override
    public boolean enter(String path, Object node) {
        switch (node) {
            case Expression.WindowFunction window -> {
                findings.add(
                        Kind.WINDOW_NOT_ALLOWED,
                        path,
                        "Window functions are not allowed in " + clause
                                + "; compute it in a subquery or CTE and filter on its result.");
                return false;
            }
            case Expression.Aggregate aggregate -> {
                if (aggregatesForbidden) {
                    findings.add(
                            Kind.AGGREGATE_NOT_ALLOWED,
                            path,
                            "Aggregate functions are not allowed in " + clause
                                    + (clause.equals("WHERE") ? "; use HAVING to filter groups." : "."));
                }
                return false;
            }
            default -> {
                return true;
            }
        }
    }
}
