package dev.athanor.model.catalog;

import java.util.Objects;

/**
 * A schema-qualified object name, both parts exactly as stored in the catalog.
 *
 * @param schema the schema name
 * @param name the object name within the schema
 */
public record QualifiedName(String schema, String name) {

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** Returns the name as SQL text, each part quoted as PostgreSQL requires ({@code "My Schema".orders}). */
    public String toSql() {
        return SqlIdentifiers.qualified(schema, name);
    }

    /** Returns the SQL form, so the name can be shown and logged as a person would type it. */
    @Override
    public String toString() {
        return toSql();
    }
}
