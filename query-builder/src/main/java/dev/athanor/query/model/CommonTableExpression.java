package dev.athanor.query.model;

import java.util.List;
import java.util.Objects;

/**
 * A common table expression of a WITH clause, {@code name [(columns)] AS (query)}. A recursive one is a
 * {@link Query.SetOperation} UNION [ALL] whose right side reads the CTE itself by a
 * {@link TableSource.CteReference}.
 *
 * @param name the name the query refers to it by
 * @param columns column names, or empty to take the query's output names
 * @param query its query
 * @param recursive whether it refers to itself (the WITH clause then becomes WITH RECURSIVE)
 */
public record CommonTableExpression(String name, List<String> columns, Query query, boolean recursive) {
    public CommonTableExpression {
        Identifiers.requireName(name, "CTE name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(query, "query");
    }

    /** A non-recursive CTE without a column list. */
    public static CommonTableExpression of(String name, Query query) {
        return new CommonTableExpression(name, List.of(), query, false);
    }

    public CommonTableExpression withName(String newName) {
        return new CommonTableExpression(newName, columns, query, recursive);
    }

    public CommonTableExpression withColumns(List<String> newColumns) {
        return new CommonTableExpression(name, newColumns, query, recursive);
    }

    public CommonTableExpression withQuery(Query newQuery) {
        return new CommonTableExpression(name, columns, newQuery, recursive);
    }

    public CommonTableExpression withRecursive(boolean newRecursive) {
        return new CommonTableExpression(name, columns, query, newRecursive);
    }
}
