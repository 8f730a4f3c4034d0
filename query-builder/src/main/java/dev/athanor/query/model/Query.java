package dev.athanor.query.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A query: a {@link Select}, a {@link SetOperation} of two queries (UNION / INTERSECT / EXCEPT), or {@link Raw}
 * SQL the model cannot hold.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Query.Select.class, name = "select"),
    @JsonSubTypes.Type(value = Query.SetOperation.class, name = "setOperation"),
    @JsonSubTypes.Type(value = Query.Raw.class, name = "raw")
})
public sealed interface Query permits Query.Select, Query.SetOperation, Query.Raw {

    /** An empty SELECT to build on with the {@code withX} methods. */
    static Select select() {
        return new Select(
                List.of(), false, List.of(), List.of(), List.of(), null, List.of(), null, List.of(), List.of(), null,
                null);
    }

    /** A SELECT of the given items, to build on with the {@code withX} methods. */
    static Select select(SelectItem... items) {
        return select().withItems(List.of(items));
    }

    /**
     * One SELECT statement.
     *
     * @param with common table expressions of its WITH clause (WITH RECURSIVE when any of them is recursive)
     * @param distinct {@code SELECT DISTINCT}
     * @param distinctOn the expressions of {@code SELECT DISTINCT ON (...)}; empty for none
     * @param items the select list
     * @param from FROM items, separated by commas (joins are {@link TableSource.Join} trees); empty for none
     * @param where WHERE condition or {@code null}
     * @param groupBy GROUP BY elements; empty for none
     * @param having HAVING condition or {@code null}
     * @param windows named windows of the WINDOW clause
     * @param orderBy ORDER BY items
     * @param limit LIMIT expression or {@code null}
     * @param offset OFFSET expression or {@code null}
     */
    record Select(
            List<CommonTableExpression> with,
            boolean distinct,
            List<Expression> distinctOn,
            List<SelectItem> items,
            List<TableSource> from,
            Predicate where,
            List<Grouping> groupBy,
            Predicate having,
            List<NamedWindow> windows,
            List<SortItem> orderBy,
            Expression limit,
            Expression offset)
            implements Query {
        public Select {
            with = List.copyOf(with);
            distinctOn = List.copyOf(distinctOn);
            items = List.copyOf(items);
            from = List.copyOf(from);
            groupBy = List.copyOf(groupBy);
            windows = List.copyOf(windows);
            orderBy = List.copyOf(orderBy);
        }

        public Select withWith(List<CommonTableExpression> newWith) {
            return new Select(
                    newWith,
                    distinct,
                    distinctOn,
                    items,
                    from,
                    where,
                    groupBy,
                    having,
                    windows,
                    orderBy,
                    limit,
                    offset);
        }

        public Select withDistinct(boolean newDistinct) {
            return new Select(
                    with,
                    newDistinct,
                    distinctOn,
                    items,
                    from,
                    where,
                    groupBy,
                    having,
                    windows,
                    orderBy,
                    limit,
                    offset);
        }

        public Select withDistinctOn(List<Expression> newDistinctOn) {
            return new Select(
                    with,
                    distinct,
                    newDistinctOn,
                    items,
                    from,
                    where,
                    groupBy,
                    having,
                    windows,
                    orderBy,
                    limit,
                    offset);
        }

        public Select withItems(List<SelectItem> newItems) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    newItems,
                    from,
                    where,
                    groupBy,
                    having,
                    windows,
                    orderBy,
                    limit,
                    offset);
        }

        public Select withFrom(List<TableSource> newFrom) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    items,
                    newFrom,
                    where,
                    groupBy,
                    having,
                    windows,
                    orderBy,
                    limit,
                    offset);
        }

        /** This select reading from the given FROM items. */
        public Select withFrom(TableSource... newFrom) {
            return withFrom(List.of(newFrom));
        }

        public Select withWhere(Predicate newWhere) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    items,
                    from,
                    newWhere,
                    groupBy,
                    having,
                    windows,
                    orderBy,
                    limit,
                    offset);
        }

        public Select withGroupBy(List<Grouping> newGroupBy) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    items,
                    from,
                    where,
                    newGroupBy,
                    having,
                    windows,
                    orderBy,
                    limit,
                    offset);
        }

        /** This select grouped by plain expressions. */
        public Select withGroupBy(Expression... expressions) {
            var elements = new ArrayList<Grouping>();
            for (var expression : expressions) {
                elements.add(new Grouping.By(expression));
            }
            return withGroupBy(elements);
        }

        public Select withHaving(Predicate newHaving) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    items,
                    from,
                    where,
                    groupBy,
                    newHaving,
                    windows,
                    orderBy,
                    limit,
                    offset);
        }

        public Select withWindows(List<NamedWindow> newWindows) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    items,
                    from,
                    where,
                    groupBy,
                    having,
                    newWindows,
                    orderBy,
                    limit,
                    offset);
        }

        public Select withOrderBy(List<SortItem> newOrderBy) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    items,
                    from,
                    where,
                    groupBy,
                    having,
                    windows,
                    newOrderBy,
                    limit,
                    offset);
        }

        /** This select ordered by the given items. */
        public Select withOrderBy(SortItem... newOrderBy) {
            return withOrderBy(List.of(newOrderBy));
        }

        public Select withLimit(Expression newLimit) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    items,
                    from,
                    where,
                    groupBy,
                    having,
                    windows,
                    orderBy,
                    newLimit,
                    offset);
        }

        public Select withOffset(Expression newOffset) {
            return new Select(
                    with,
                    distinct,
                    distinctOn,
                    items,
                    from,
                    where,
                    groupBy,
                    having,
                    windows,
                    orderBy,
                    limit,
                    newOffset);
        }
    }

    /**
     * {@code left op [ALL] right}, with an ORDER BY / LIMIT / OFFSET applying to the combined result.
     *
     * @param operator UNION, INTERSECT or EXCEPT
     * @param all keep duplicates ({@code UNION ALL} ...)
     */
    record SetOperation(
            Query left,
            Operator operator,
            boolean all,
            Query right,
            List<SortItem> orderBy,
            Expression limit,
            Expression offset)
            implements Query {
        /** Set operators. */
        public enum Operator {
            UNION,
            INTERSECT,
            EXCEPT
        }

        public SetOperation {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
            orderBy = List.copyOf(orderBy);
        }

        /** {@code left op [ALL] right} without ORDER BY or LIMIT. */
        public static SetOperation of(Query left, Operator operator, boolean all, Query right) {
            return new SetOperation(left, operator, all, right, List.of(), null, null);
        }

        public SetOperation withLeft(Query newLeft) {
            return new SetOperation(newLeft, operator, all, right, orderBy, limit, offset);
        }

        public SetOperation withOperator(Operator newOperator) {
            return new SetOperation(left, newOperator, all, right, orderBy, limit, offset);
        }

        public SetOperation withAll(boolean newAll) {
            return new SetOperation(left, operator, newAll, right, orderBy, limit, offset);
        }

        public SetOperation withRight(Query newRight) {
            return new SetOperation(left, operator, all, newRight, orderBy, limit, offset);
        }

        public SetOperation withOrderBy(List<SortItem> newOrderBy) {
            return new SetOperation(left, operator, all, right, newOrderBy, limit, offset);
        }

        public SetOperation withLimit(Expression newLimit) {
            return new SetOperation(left, operator, all, right, orderBy, newLimit, offset);
        }

        public SetOperation withOffset(Expression newOffset) {
            return new SetOperation(left, operator, all, right, orderBy, limit, newOffset);
        }
    }

    /** A whole statement the model cannot hold, passed through unchanged (it still runs). */
    record Raw(String sql) implements Query {
        public Raw {
            Objects.requireNonNull(sql, "sql");
        }

        public Raw withSql(String newSql) {
            return new Raw(newSql);
        }
    }
}
