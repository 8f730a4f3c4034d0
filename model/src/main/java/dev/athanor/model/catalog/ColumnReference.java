package dev.athanor.model.catalog;

import java.util.Objects;

/**
 * A column of a named table.
 *
 * @param table the table
 * @param column the column name
 */
public record ColumnReference(QualifiedName table, String column) {

    public ColumnReference {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }
}
