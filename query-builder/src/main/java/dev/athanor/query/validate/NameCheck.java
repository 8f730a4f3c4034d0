package dev.athanor.query.validate;

import static dev.athanor.query.model.ExpressionWalker.join;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.ExpressionWalker;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import java.util.Set;

/**
 * Unknown tables and columns in the expressions of one query level, and, once a comparison's operands are checked,
 * the {@link TypeCheck} of the comparison; {@link DateTimeCheck} of date and time arithmetic and comparisons. Subqueries met on the way are handed back to the query walk, which
 * checks them in their own scope.
 */
final class NameCheck implements ExpressionWalker.Visitor {
    /** Checks a nested query found at a path, seeing {@code scope} as its enclosing one. */
    interface Subqueries {
        void check(Query query, String path, Scope outer);
    }

    private final Scope scope;
    private final Set<String> labels;
    private final Subqueries subqueries;
    private final Findings findings;

    /** @param labels output labels a bare name may refer to (GROUP BY, ORDER BY, DISTINCT ON), else empty */
    NameCheck(Scope scope, Set<String> labels, Subqueries subqueries, Findings findings) {
        this.scope = scope;
        this.labels = labels;
        this.subqueries = subqueries;
        this.findings = findings;
    }

    @Override
    public boolean enter(String path, Object node) {
        switch (node) {
            case Expression.Column column -> {
                scope.resolve(column, path, labels, findings);
                return false;
            }
            case Expression.ScalarSubquery scalar -> {
                subqueries.check(scalar.query(), join(path, "query"), scope);
                return false;
            }
            case Predicate.Exists exists -> {
                subqueries.check(exists.query(), join(path, "query"), scope);
                return false;
            }
            case Expression.Raw raw -> {
                UnreadableSqlCheck.expression(raw.sql(), path, findings);
                return false;
            }
            case Predicate.Raw raw -> {
                UnreadableSqlCheck.condition(raw.sql(), path, findings);
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    @Override
    public void leave(String path, Object node) {
        switch (node) {
            case Predicate.Comparison comparison -> {
                TypeCheck.compare(comparison.left(), comparison.right(), join(path, "right"), scope, findings);
                TypeCheck.compare(comparison.right(), comparison.left(), join(path, "left"), scope, findings);
                DateTimeCheck.compare(comparison.left(), comparison.right(), join(path, "right"), scope, findings);
            }
            case Predicate.InList in -> {
                for (int i = 0; i < in.values().size(); i++) {
                    TypeCheck.compare(in.value(), in.values().get(i), join(path, "values[" + i + "]"), scope, findings);
                }
            }
            case Predicate.Between between -> {
                TypeCheck.compare(between.value(), between.low(), join(path, "low"), scope, findings);
                TypeCheck.compare(between.value(), between.high(), join(path, "high"), scope, findings);
                DateTimeCheck.compare(between.value(), between.low(), join(path, "low"), scope, findings);
                DateTimeCheck.compare(between.value(), between.high(), join(path, "high"), scope, findings);
            }
            case Predicate.InSubquery in -> subqueries.check(in.query(), join(path, "query"), scope);
            default -> DateTimeCheck.check(node, path, scope, findings);
        }
    }
}
