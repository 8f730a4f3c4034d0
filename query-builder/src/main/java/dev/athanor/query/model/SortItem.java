package dev.athanor.query.model;

import java.util.Objects;

/** An ORDER BY item: {@code expression [ASC | DESC] [NULLS FIRST | NULLS LAST]}. */
public record SortItem(Expression expression, Direction direction, Nulls nulls) {
    /** Sort direction. */
    public enum Direction {
        ASC,
        DESC
    }

    /** Where NULLs go; {@code DEFAULT} leaves it to PostgreSQL (last ascending, first descending). */
    public enum Nulls {
        DEFAULT,
        FIRST,
        LAST
    }

    public SortItem {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** Ascending. */
    public static SortItem asc(Expression expression) {
        return new SortItem(expression, Direction.ASC, Nulls.DEFAULT);
    }

    /** Descending. */
    public static SortItem desc(Expression expression) {
        return new SortItem(expression, Direction.DESC, Nulls.DEFAULT);
    }

    public SortItem withExpression(Expression newExpression) {
        return new SortItem(newExpression, direction, nulls);
    }

    public SortItem withDirection(Direction newDirection) {
        return new SortItem(expression, newDirection, nulls);
    }

    public SortItem withNulls(Nulls newNulls) {
        return new SortItem(expression, direction, newNulls);
    }
}
