package dev.athanor.query.model;

/**
 * Walks the expressions and predicates under one node depth-first, in the order the SQL reads, handing each node
 * with its path (the notation of {@link ModelPaths}: {@code where.operands[0].left}) to a {@link Visitor}.
 *
 * <p>The walk stays at one query level: a subquery ({@link Expression.ScalarSubquery}, {@link Predicate.Exists},
 * the query of {@link Predicate.InSubquery}) is handed over as a node but not entered, since what its names mean
 * depends on its own FROM. Children are: the operands of And, Or, Not, comparisons, LIKE, IN, BETWEEN and IS NULL;
 * the left and right of arithmetic; the arguments of calls and aggregates and an aggregate's FILTER; a window
 * function's function, PARTITION BY and ORDER BY; a CASE's conditions, results and ELSE; a cast's operand; the source of EXTRACT and date_trunc.
 */
public final class ExpressionWalker {

    /** What the walk does at each node. */
    public interface Visitor {
        /**
         * Called on reaching {@code node}, an {@link Expression} or a {@link Predicate}.
         *
         * @return whether to walk the node's children (and then call {@link #leave})
         */
        boolean enter(String path, Object node);

        /** Called after the children of a node whose {@link #enter} returned true. */
        default void leave(String path, Object node) {}
    }

    private ExpressionWalker() {}

    /** Walks {@code expression}, found at {@code path}, and what is under it. */
    public static void walk(Expression expression, String path, Visitor visitor) {
        if (!visitor.enter(path, expression)) {
            return;
        }
        switch (expression) {
            case Expression.Arithmetic arithmetic -> {
                walk(arithmetic.left(), join(path, "left"), visitor);
                walk(arithmetic.right(), join(path, "right"), visitor);
            }
            case Expression.FunctionCall call -> {
                for (int i = 0; i < call.arguments().size(); i++) {
                    walk(call.arguments().get(i), join(path, "arguments[" + i + "]"), visitor);
                }
            }
            case Expression.Aggregate aggregate -> {
                for (int i = 0; i < aggregate.arguments().size(); i++) {
                    walk(aggregate.arguments().get(i), join(path, "arguments[" + i + "]"), visitor);
                }
                if (aggregate.filter() != null) {
                    walk(aggregate.filter(), join(path, "filter"), visitor);
                }
            }
            case Expression.WindowFunction window -> {
                walk(window.function(), join(path, "function"), visitor);
                for (int i = 0; i < window.window().partitionBy().size(); i++) {
                    walk(window.window().partitionBy().get(i), join(path, "window.partitionBy[" + i + "]"), visitor);
                }
                for (int i = 0; i < window.window().orderBy().size(); i++) {
                    walk(
                            window.window().orderBy().get(i).expression(),
                            join(path, "window.orderBy[" + i + "].expression"),
                            visitor);
                }
            }
            case Expression.Case caseExpression -> {
                for (int i = 0; i < caseExpression.branches().size(); i++) {
                    var branch = caseExpression.branches().get(i);
                    walk(branch.condition(), join(path, "branches[" + i + "].condition"), visitor);
                    walk(branch.result(), join(path, "branches[" + i + "].result"), visitor);
                }
                if (caseExpression.otherwise() != null) {
                    walk(caseExpression.otherwise(), join(path, "otherwise"), visitor);
                }
            }
            case Expression.Cast cast -> walk(cast.expression(), join(path, "expression"), visitor);
            case Expression.Extract extract -> walk(extract.source(), join(path, "source"), visitor);
            case Expression.DateTrunc trunc -> walk(trunc.source(), join(path, "source"), visitor);
            case Expression.Column column -> {}
            case Expression.Literal literal -> {}
            case Expression.Parameter parameter -> {}
            case Expression.ScalarSubquery scalar -> {}
            case Expression.Raw raw -> {}
        }
        visitor.leave(path, expression);
    }

    /** Walks {@code predicate}, found at {@code path}, and what is under it. */
    public static void walk(Predicate predicate, String path, Visitor visitor) {
        if (!visitor.enter(path, predicate)) {
            return;
        }
        switch (predicate) {
            case Predicate.And and -> {
                for (int i = 0; i < and.operands().size(); i++) {
                    walk(and.operands().get(i), join(path, "operands[" + i + "]"), visitor);
                }
            }
            case Predicate.Or or -> {
                for (int i = 0; i < or.operands().size(); i++) {
                    walk(or.operands().get(i), join(path, "operands[" + i + "]"), visitor);
                }
            }
            case Predicate.Not not -> walk(not.operand(), join(path, "operand"), visitor);
            case Predicate.Comparison comparison -> {
                walk(comparison.left(), join(path, "left"), visitor);
                walk(comparison.right(), join(path, "right"), visitor);
            }
            case Predicate.Like like -> {
                walk(like.value(), join(path, "value"), visitor);
                walk(like.pattern(), join(path, "pattern"), visitor);
            }
            case Predicate.TextMatch match -> {
                walk(match.value(), join(path, "value"), visitor);
                walk(match.part(), join(path, "part"), visitor);
            }
            case Predicate.InList in -> {
                walk(in.value(), join(path, "value"), visitor);
                for (int i = 0; i < in.values().size(); i++) {
                    walk(in.values().get(i), join(path, "values[" + i + "]"), visitor);
                }
            }
            case Predicate.InSubquery in -> walk(in.value(), join(path, "value"), visitor);
            case Predicate.Between between -> {
                walk(between.value(), join(path, "value"), visitor);
                walk(between.low(), join(path, "low"), visitor);
                walk(between.high(), join(path, "high"), visitor);
            }
            case Predicate.IsNull isNull -> walk(isNull.value(), join(path, "value"), visitor);
            case Predicate.Exists exists -> {}
            case Predicate.Raw raw -> {}
        }
        visitor.leave(path, predicate);
    }

    /** {@code path} extended by {@code component} ({@code component} alone for the empty path). */
    public static String join(String path, String component) {
        return path.isEmpty() ? component : path + "." + component;
    }
}
