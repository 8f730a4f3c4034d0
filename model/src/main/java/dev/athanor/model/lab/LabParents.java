package dev.athanor.model.lab;

import dev.athanor.model.catalog.QualifiedName;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the parents of a scenario come from: rows of a table, or the rows of a saved query's SQL.
 *
 * @param table the parents' table
 * @param where a condition on the table's rows, SQL over its columns unqualified; empty for all rows
 * @param limit at most this many parents (in primary key order, so every strategy gets the same ones)
 * @param query a saved query whose rows are the parents: its result must hold the table's primary key columns
 *     under their own names; empty for table rows
 * @param queryName the saved query's name, for the report; empty when there is no query
 */
public record LabParents(
        QualifiedName table,
        Optional<String> where,
        OptionalLong limit,
        Optional<String> query,
        Optional<String> queryName) {

    public LabParents {
        Objects.requireNonNull(table, "table");
        where = Objects.requireNonNull(where, "where").filter(w -> !w.isBlank());
        Objects.requireNonNull(limit, "limit");
        query = Objects.requireNonNull(query, "query").map(LabParents::withoutTrailingSemicolon);
        Objects.requireNonNull(queryName, "queryName");
        if (limit.isPresent() && limit.getAsLong() < 0) {
            throw new IllegalArgumentException("A limit cannot be negative: " + limit.getAsLong());
        }
    }

    /** Every row of {@code table}. */
    public static LabParents table(QualifiedName table) {
        return new LabParents(table, Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty());
    }

    /** The rows of {@code table} that the saved query {@code name} ({@code sql}) returns, by primary key. */
    public static LabParents query(QualifiedName table, String name, String sql) {
        return new LabParents(
                table, Optional.empty(), OptionalLong.empty(), Optional.of(sql), Optional.ofNullable(name));
    }

    /** Only the parents matching {@code condition} (SQL over the table's columns, unqualified). */
    public LabParents where(String condition) {
        return new LabParents(table, Optional.ofNullable(condition), limit, query, queryName);
    }

    /** At most {@code rows} parents. */
    public LabParents limit(long rows) {
        return new LabParents(table, where, OptionalLong.of(rows), query, queryName);
    }

    /** The parents in a person's words: {@code public.workers where id <= 10 limit 5}. */
    public String describe() {
        var text = new StringBuilder(table.toSql());
        queryName.ifPresent(n -> text.append(" from the saved query ").append(n));
        where.ifPresent(w -> text.append(" where ").append(w));
        limit.ifPresent(l -> text.append(" limit ").append(l));
        return text.toString();
    }

    private static String withoutTrailingSemicolon(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The saved query has no SQL");
        }
        return trimmed;
    }
}
