package dev.athanor.query.validate;

import static dev.athanor.query.model.ExpressionWalker.join;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.ExpressionWalker;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * In a query that groups rows, a column of the select list, HAVING or ORDER BY must be grouped, inside an
 * aggregate, or of a table whose primary key is grouped (PostgreSQL's functional dependency).
 */
final class GroupingCheck implements ExpressionWalker.Visitor {
    private final Scope scope;
    private final List<Expression> grouped;
    private final Set<String> groupedColumns = new HashSet<>();
    private final Set<String> labels;
    private final Findings findings;

    private GroupingCheck(Scope scope, List<Expression> grouped, Set<String> labels, Findings findings) {
        this.scope = scope;
        this.grouped = grouped;
        this.labels = labels;
        this.findings = findings;
        for (var expression : grouped) {
            if (expression instanceof Expression.Column column) {
                String owner = scope.owner(column);
                if (owner != null) {
                    groupedColumns.add(owner + "." + column.column());
                }
            }
        }
    }

    /**
     * Checks {@code select}, found at {@code path}, when it groups rows (GROUP BY, an aggregate in the select list,
     * or HAVING).
     *
     * @param grouped the expressions of its GROUP BY, every grouping set flattened
     * @param labels its output labels (ORDER BY may name them)
     */
    static void check(
            Query.Select select,
            String path,
            Scope scope,
            List<Expression> grouped,
            Set<String> labels,
            Findings findings) {
        boolean aggregated = !select.groupBy().isEmpty()
                || select.items().stream()
                        .anyMatch(
                                item -> item instanceof SelectItem.Value value && containsAggregate(value.expression()))
                || select.having() != null;
        if (!aggregated) {
            return;
        }
        var check = new GroupingCheck(scope, grouped, labels, findings);
        for (int i = 0; i < select.items().size(); i++) {
            if (select.items().get(i) instanceof SelectItem.Value value) {
                ExpressionWalker.walk(value.expression(), join(path, "items[" + i + "].expression"), check);
            }
        }
        if (select.having() != null) {
            ExpressionWalker.walk(select.having(), join(path, "having"), check);
        }
        for (int i = 0; i < select.orderBy().size(); i++) {
            SortItem sort = select.orderBy().get(i);
            ExpressionWalker.walk(sort.expression(), join(path, "orderBy[" + i + "].expression"), check);
        }
    }

    @Override
    public boolean enter(String path, Object node) {
        if (node instanceof Expression expression && grouped.contains(expression)) {
            return false;
        }
        switch (node) {
            case Expression.Column column -> {
                column(column, path);
                return false;
            }
            case Expression.Aggregate aggregate -> {
                return false;
            }
            case Expression.WindowFunction window
            when window.function() instanceof Expression.Aggregate aggregate -> {
                // The window's own aggregate runs after grouping: what it reads must be grouped or aggregated.
                for (int i = 0; i < aggregate.arguments().size(); i++) {
                    ExpressionWalker.walk(
                            aggregate.arguments().get(i), join(path, "function.arguments[" + i + "]"), this);
                }
                for (int i = 0; i < window.window().partitionBy().size(); i++) {
                    ExpressionWalker.walk(
                            window.window().partitionBy().get(i), join(path, "window.partitionBy[" + i + "]"), this);
                }
                for (int i = 0; i < window.window().orderBy().size(); i++) {
                    ExpressionWalker.walk(
                            window.window().orderBy().get(i).expression(),
                            join(path, "window.orderBy[" + i + "].expression"),
                            this);
                }
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private void column(Expression.Column column, String path) {
        if (column.table() == null && labels.contains(column.column())) {
            return; // an output label (ORDER BY total): checked where it is defined
        }
        String owner = scope.owner(column);
        if (owner == null) {
            return; // an outer reference or an unknown column: reported elsewhere if wrong
        }
        if (groupedColumns.contains(owner + "." + column.column())) {
            return;
        }
        // PostgreSQL accepts any column of a table whose primary key is grouped (functional dependency).
        var source = scope.sources.get(owner);
        if (source != null
                && !source.primaryKey().isEmpty()
                && source.primaryKey().stream().allMatch(key -> groupedColumns.contains(owner + "." + key))) {
            return;
        }
        String shown = column.table() == null ? column.column() : column.table() + "." + column.column();
        findings.add(
                Kind.NOT_GROUPED,
                path,
                shown + " must be in GROUP BY or inside an aggregate such as max(" + shown
                        + "), because the query groups rows.");
    }

    /**
     * Whether an aggregate of this query level appears in {@code expression}: not one inside a subquery, a CASE
     * condition or the PARTITION BY / ORDER BY of a window.
     */
    static boolean containsAggregate(Expression expression) {
        var found = new boolean[1];
        ExpressionWalker.walk(expression, "", new ExpressionWalker.Visitor() {
            @Override
            public boolean enter(String path, Object node) {
                if (found[0] || node instanceof Predicate) {
                    return false;
                }
                switch (node) {
                    case Expression.Aggregate aggregate -> {
                        found[0] = true;
                        return false;
                    }
                    case Expression.WindowFunction window -> {
                        if (window.function() instanceof Expression.Aggregate aggregate) {
                            aggregate.arguments().forEach(argument -> ExpressionWalker.walk(argument, path, this));
                        } else {
                            ExpressionWalker.walk(window.function(), path, this);
                        }
                        return false;
                    }
                    default -> {
                        return true;
                    }
                }
            }
        });
        return found[0];
    }
}
