package dev.athanor.query.edit;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.model.WindowSpec;
import java.util.function.UnaryOperator;

/**
 * Rewrites every column reference of one SELECT (its select list, join conditions, WHERE, GROUP BY, HAVING,
 * windows and ORDER BY), as renaming a table's alias requires. Nested subqueries are left alone: they have
 * their own FROM.
 */
public final class ColumnRewrite {
    private final UnaryOperator<Expression.Column> change;

    private ColumnRewrite(UnaryOperator<Expression.Column> change) {
        this.change = change;
    }

    /** {@code select} with references to table alias {@code from} made to {@code to}. */
    public static Query.Select renameTable(Query.Select select, String from, String to) {
        var rewrite = new ColumnRewrite(c -> from.equals(c.table()) ? c.withTable(to) : c);
        return rewrite.select(select);
    }

    /** {@code predicate} with every column reference unqualified: {@code resumes.workload} becomes {@code workload}. */
    public static Predicate unqualified(Predicate predicate) {
        return new ColumnRewrite(c -> c.table() == null ? c : c.withTable(null)).predicate(predicate);
    }

    private Query.Select select(Query.Select s) {
        return s.withItems(s.items().stream().map(this::item).toList())
                .withFrom(s.from().stream().map(this::source).toList())
                .withWhere(s.where() == null ? null : predicate(s.where()))
                .withGroupBy(s.groupBy().stream().map(this::grouping).toList())
                .withHaving(s.having() == null ? null : predicate(s.having()))
                .withOrderBy(s.orderBy().stream().map(this::sort).toList());
    }

    private SelectItem item(SelectItem item) {
        return switch (item) {
            case SelectItem.Value value -> value.withExpression(expression(value.expression()));
            case SelectItem.AllColumns all -> all;
        };
    }

    private TableSource source(TableSource source) {
        return switch (source) {
            case TableSource.Join join ->
                new TableSource.Join(
                        source(join.left()),
                        join.type(),
                        source(join.right()),
                        join.on() == null ? null : predicate(join.on()));
            default -> source;
        };
    }

    private Grouping grouping(Grouping grouping) {
        return switch (grouping) {
            case Grouping.By by -> by.withExpression(expression(by.expression()));
            case Grouping.Rollup rollup ->
                rollup.withExpressions(
                        rollup.expressions().stream().map(this::expression).toList());
            case Grouping.Cube cube ->
                cube.withExpressions(
                        cube.expressions().stream().map(this::expression).toList());
            case Grouping.Sets sets -> sets;
        };
    }

    private SortItem sort(SortItem item) {
        return item.withExpression(expression(item.expression()));
    }

    Predicate predicate(Predicate predicate) {
        return switch (predicate) {
            case Predicate.And and ->
                and.withOperands(and.operands().stream().map(this::predicate).toList());
            case Predicate.Or or ->
                or.withOperands(or.operands().stream().map(this::predicate).toList());
            case Predicate.Not not -> not.withOperand(predicate(not.operand()));
            case Predicate.Comparison c -> c.withLeft(expression(c.left())).withRight(expression(c.right()));
            case Predicate.Like l -> l.withValue(expression(l.value())).withPattern(expression(l.pattern()));
            case Predicate.TextMatch m -> m.withValue(expression(m.value())).withPart(expression(m.part()));
            case Predicate.InList in ->
                in.withValue(expression(in.value()))
                        .withValues(in.values().stream().map(this::expression).toList());
            case Predicate.InSubquery in -> in.withValue(expression(in.value()));
            case Predicate.Between b ->
                b.withValue(expression(b.value())).withLow(expression(b.low())).withHigh(expression(b.high()));
            case Predicate.IsNull n -> n.withValue(expression(n.value()));
            case Predicate.Exists e -> e;
            case Predicate.Raw r -> r;
        };
    }

    Expression expression(Expression expression) {
        return switch (expression) {
            case Expression.Column c -> change.apply(c);
            case Expression.Arithmetic a -> a.withLeft(expression(a.left())).withRight(expression(a.right()));
            case Expression.FunctionCall f ->
                f.withArguments(f.arguments().stream().map(this::expression).toList());
            case Expression.Aggregate g ->
                g.withArguments(g.arguments().stream().map(this::expression).toList())
                        .withFilter(g.filter() == null ? null : predicate(g.filter()));
            case Expression.WindowFunction w ->
                w.withFunction(expression(w.function())).withWindow(window(w.window()));
            case Expression.Cast c -> c.withExpression(expression(c.expression()));
            case Expression.Extract e -> e.withSource(expression(e.source()));
            case Expression.DateTrunc t -> t.withSource(expression(t.source()));
            case Expression.Case c ->
                c.withBranches(c.branches().stream()
                                .map(b -> new Expression.Case.When(predicate(b.condition()), expression(b.result())))
                                .toList())
                        .withOtherwise(c.otherwise() == null ? null : expression(c.otherwise()));
            case Expression.Literal l -> l;
            case Expression.Parameter p -> p;
            case Expression.ScalarSubquery s -> s;
            case Expression.Raw r -> r;
        };
    }

    private WindowSpec window(WindowSpec window) {
        if (window.name() != null) {
            return window;
        }
        return window.withPartitionBy(
                        window.partitionBy().stream().map(this::expression).toList())
                .withOrderBy(window.orderBy().stream().map(this::sort).toList());
    }
}
