package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The table a many-to-many relationship goes through.
 *
 * @param schema the schema, or {@code null} for the search path
 * @param table the association table ({@code vacancies_replies})
 * @param fromColumns its columns matching the relationship's {@code from} columns ({@code resume_id})
 * @param toColumns its columns matching the relationship's {@code to} columns ({@code vacancy_id})
 */
@JsonPropertyOrder({"schema", "table", "fromColumns", "toColumns"})
public record AssociationTable(String schema, String table, List<String> fromColumns, List<String> toColumns) {
    public AssociationTable {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("An association table needs a name");
        }
        fromColumns = List.copyOf(fromColumns);
        toColumns = List.copyOf(toColumns);
        if (fromColumns.isEmpty() || toColumns.isEmpty()) {
            throw new IllegalArgumentException("An association table needs columns towards both sides");
        }
    }
}
