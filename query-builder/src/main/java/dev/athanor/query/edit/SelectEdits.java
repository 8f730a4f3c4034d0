package dev.athanor.query.edit;

import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The builder's commands on one SELECT, as pure functions: each returns a changed copy and leaves its argument as
 * it was. Indexes count from 0 in the order the SQL shows the clause's entries.
 */
public final class SelectEdits {
    private SelectEdits() {}

    /** Appends {@code item} to the select list. */
    public static Query.Select addItem(Query.Select select, SelectItem item) {
        var items = new ArrayList<>(select.items());
        items.add(item);
        return select.withItems(items);
    }

    /** Replaces select-list item {@code index} by {@code item}. */
    public static Query.Select setItem(Query.Select select, int index, SelectItem item) {
        var items = new ArrayList<>(select.items());
        items.set(index, item);
        return select.withItems(items);
    }

    /** Removes select-list item {@code index}. */
    public static Query.Select removeItem(Query.Select select, int index) {
        var items = new ArrayList<>(select.items());
        items.remove(index);
        return select.withItems(items);
    }

    /** Moves select-list item {@code index} by {@code delta} places; a move past either end changes nothing. */
    public static Query.Select moveItem(Query.Select select, int index, int delta) {
        var items = new ArrayList<>(select.items());
        int target = index + delta;
        if (target < 0 || target >= items.size()) {
            return select;
        }
        items.add(target, items.remove(index));
        return select.withItems(items);
    }

    /**
     * Shows or hides the plain column {@code alias.column} in the select list (a box's checkbox); showing one already
     * shown, or hiding one not shown, changes nothing.
     */
    public static Query.Select showColumn(Query.Select select, String alias, String column, boolean shown) {
        var wanted = new Expression.Column(alias, column);
        var items = new ArrayList<>(select.items());
        boolean present = items.stream().anyMatch(item -> isPlain(item, wanted));
        if (shown && !present) {
            items.add(SelectItem.of(wanted));
        } else if (!shown && present) {
            items.removeIf(item -> isPlain(item, wanted));
        }
        return select.withItems(items);
    }

    /** Removes box {@code alias}, the joins it took part in and the plain columns of it in the select list. */
    public static Query.Select removeTable(Query.Select select, String alias) {
        var without = FromClause.remove(select, alias);
        return without.withItems(without.items().stream()
                .filter(item -> !(item instanceof SelectItem.Value value
                        && value.expression() instanceof Expression.Column column
                        && alias.equals(column.table())))
                .toList());
    }

    /** Gives box {@code from} the alias {@code to} and rewrites every reference to it in this SELECT. */
    public static Query.Select renameTable(Query.Select select, String from, String to) {
        var box = FromClause.box(select, from)
                .orElseThrow(() -> new IllegalArgumentException("No table " + from + " in FROM"));
        TableSource renamed =
                switch (box) {
                    case TableSource.Table table -> table.withAlias(to);
                    case TableSource.CteReference cte -> cte.withAlias(to);
                    case TableSource.Derived derived -> derived.withAlias(to);
                    default -> box;
                };
        return ColumnRewrite.renameTable(FromClause.replaceBox(select, from, renamed), from, to);
    }

    /**
     * Joins two boxes on equal column pairs ({@code fromColumns[i] = toColumns[i]}, as a foreign key pairs them).
     * The box that came later in FROM goes on the right, so that a LEFT join keeps the rows of what was there
     * first.
     */
    public static Query.Select joinOnColumns(
            Query.Select select,
            String fromAlias,
            List<String> fromColumns,
            String toAlias,
            List<String> toColumns,
            TableSource.Join.Type type) {
        var pairs = new ArrayList<Predicate>();
        for (int i = 0; i < fromColumns.size(); i++) {
            pairs.add(Predicate.equal(
                    Expression.column(fromAlias, fromColumns.get(i)), Expression.column(toAlias, toColumns.get(i))));
        }
        Predicate on = pairs.size() == 1 ? pairs.getFirst() : new Predicate.And(pairs);
        var names = FromClause.boxes(select).stream().map(FromClause::nameOf).toList();
        String left = toAlias;
        String right = fromAlias;
        if (names.indexOf(left) > names.indexOf(right)) {
            left = fromAlias;
            right = toAlias;
        }
        return FromClause.join(select, left, right, type, on);
    }

    /**
     * Makes join {@code join} of type {@code type}; a join that had no condition (a CROSS join made INNER or
     * OUTER) gets {@code ON true} until one is typed.
     */
    public static Query.Select setJoinType(Query.Select select, int join, TableSource.Join.Type type) {
        return FromClause.changeJoin(select, join, existing -> {
            if (type == TableSource.Join.Type.CROSS) {
                return existing.withType(type);
            }
            var on = existing.on() != null ? existing.on() : new Predicate.Raw("true");
            return new TableSource.Join(existing.left(), type, existing.right(), on);
        });
    }

    /** Makes {@code on} the condition of join {@code join}; a CROSS join given a condition becomes INNER. */
    public static Query.Select setJoinCondition(Query.Select select, int join, Predicate on) {
        return FromClause.changeJoin(
                select,
                join,
                existing -> existing.type() == TableSource.Join.Type.CROSS
                        ? new TableSource.Join(existing.left(), TableSource.Join.Type.INNER, existing.right(), on)
                        : existing.withOn(on));
    }

    /** Appends {@code expression} to GROUP BY. */
    public static Query.Select addGroupBy(Query.Select select, Expression expression) {
        var groupBy = new ArrayList<>(select.groupBy());
        groupBy.add(new Grouping.By(expression));
        return select.withGroupBy(groupBy);
    }

    /** Removes GROUP BY entry {@code index}. */
    public static Query.Select removeGroupBy(Query.Select select, int index) {
        var groupBy = new ArrayList<>(select.groupBy());
        groupBy.remove(index);
        return select.withGroupBy(groupBy);
    }

    /** Appends {@code key} to ORDER BY. */
    public static Query.Select addOrderBy(Query.Select select, SortItem key) {
        var orderBy = new ArrayList<>(select.orderBy());
        orderBy.add(key);
        return select.withOrderBy(orderBy);
    }

    /** Removes ORDER BY key {@code index}. */
    public static Query.Select removeOrderBy(Query.Select select, int index) {
        var orderBy = new ArrayList<>(select.orderBy());
        orderBy.remove(index);
        return select.withOrderBy(orderBy);
    }

    /** Appends an empty CTE {@code name} to WITH. */
    public static Query.Select addCte(Query.Select select, String name) {
        var with = new ArrayList<>(select.with());
        with.add(CommonTableExpression.of(name, Query.select()));
        return select.withWith(with);
    }

    /** Removes CTE {@code name} from WITH (references to it elsewhere are left for the validator to report). */
    public static Query.Select removeCte(Query.Select select, String name) {
        return select.withWith(
                select.with().stream().filter(c -> !c.name().equals(name)).toList());
    }

    /** Marks CTE {@code name} as recursive (WITH RECURSIVE) or not. */
    public static Query.Select setCteRecursive(Query.Select select, String name, boolean recursive) {
        return select.withWith(select.with().stream()
                .map(c -> c.name().equals(name) ? c.withRecursive(recursive) : c)
                .toList());
    }

    private static boolean isPlain(SelectItem item, Expression.Column column) {
        return item instanceof SelectItem.Value value && value.expression().equals(column);
    }
}
