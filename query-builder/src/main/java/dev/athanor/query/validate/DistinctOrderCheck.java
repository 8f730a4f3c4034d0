package dev.athanor.query.validate;

import static dev.athanor.query.model.ExpressionWalker.join;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.util.HashSet;

/** ORDER BY that DISTINCT or DISTINCT ON makes impossible. */
final class DistinctOrderCheck {
    private DistinctOrderCheck() {}

    /**
     * PostgreSQL sorts before it removes duplicates: DISTINCT ON needs its expressions first in ORDER BY, and
     * SELECT DISTINCT can only sort by what it selects.
     */
    static void check(Query.Select select, String path, Findings findings) {
        var order = select.orderBy().stream().map(SortItem::expression).toList();
        if (!select.distinctOn().isEmpty() && !order.isEmpty()) {
            int leading = Math.min(select.distinctOn().size(), order.size());
            var distinctOn = new HashSet<>(select.distinctOn());
            for (int i = 0; i < leading; i++) {
                if (!distinctOn.contains(order.get(i))) {
                    findings.add(
                            Kind.DISTINCT_ORDER,
                            join(path, "orderBy[" + i + "].expression"),
                            "With DISTINCT ON, ORDER BY must start with the DISTINCT ON expressions ("
                                    + select.distinctOn().size() + " of them), in any order.");
                    return;
                }
            }
        } else if (select.distinct() && select.items().stream().noneMatch(SelectItem.AllColumns.class::isInstance)) {
            var selected = new HashSet<Expression>();
            var labels = new HashSet<String>();
            for (var item : select.items()) {
                if (item instanceof SelectItem.Value value) {
                    selected.add(value.expression());
                    if (value.label() != null) {
                        labels.add(value.label());
                    }
                }
            }
            for (int i = 0; i < order.size(); i++) {
                var expression = order.get(i);
                boolean isLabel = expression instanceof Expression.Column column
                        && column.table() == null
                        && labels.contains(column.column());
                boolean isPosition = expression instanceof Expression.Literal literal
                        && literal.type() == Expression.Literal.Type.NUMBER;
                if (!selected.contains(expression) && !isLabel && !isPosition) {
                    findings.add(
                            Kind.DISTINCT_ORDER,
                            join(path, "orderBy[" + i + "].expression"),
                            "With SELECT DISTINCT, ORDER BY can only use selected columns; add it to the select"
                                    + " list or sort by a selected one.");
                }
            }
        }
    }
}
