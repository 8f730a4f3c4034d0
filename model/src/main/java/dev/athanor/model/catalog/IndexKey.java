package dev.athanor.model.catalog;

import java.util.Objects;

/**
 * One key of an index: a column or an expression, with its sort order.
 *
 * @param text the column name (not quoted), or the expression as the server deparses it
 * @param expression true when {@code text} is an expression rather than a column name
 * @param descending whether the key sorts descending ({@code DESC})
 * @param nullsFirst whether nulls sort first ({@code NULLS FIRST})
 */
public record IndexKey(String text, boolean expression, boolean descending, boolean nullsFirst) {

    public IndexKey {
        Objects.requireNonNull(text, "text");
    }
}
