package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One side of a relationship: a table and the columns that match the other side, in order.
 *
 * @param schema the schema, or {@code null} for the search path
 * @param table the table name
 * @param columns the key columns (several for a composite key)
 */
@JsonPropertyOrder({"schema", "table", "columns"})
public record RelationshipEnd(
        String schema,
        String table,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> columns) {
    public RelationshipEnd {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("A relationship end needs a table");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A relationship end needs at least one column");
        }
    }

    /** A table of the search path with its key columns. */
    public static RelationshipEnd of(String table, String... columns) {
        return new RelationshipEnd(null, table, List.of(columns));
    }
}
