package dev.athanor.query.validate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** What the validator needs to know about the database: relations, their columns and types. */
public interface SchemaLookup {

    /**
     * The table or view {@code schema.name}; when {@code schema} is {@code null}, the relation an unqualified name
     * finds (PostgreSQL's default search path: {@code public} first).
     */
    Optional<RelationInfo> relation(String schema, String name);

    /**
     * A table or view.
     *
     * @param schema its schema
     * @param name its name
     * @param columns its columns in order
     * @param primaryKey the primary key's columns; empty when it has none (views)
     * @param estimatedRows the planner's row estimate, empty when unknown
     */
    record RelationInfo(
            String schema, String name, List<ColumnInfo> columns, List<String> primaryKey, OptionalLong estimatedRows) {
        public RelationInfo {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            Objects.requireNonNull(estimatedRows, "estimatedRows");
        }

        /** A relation whose size is not known. */
        public RelationInfo(String schema, String name, List<ColumnInfo> columns, List<String> primaryKey) {
            this(schema, name, columns, primaryKey, OptionalLong.empty());
        }

        /** The column called {@code name}, if there is one. */
        public Optional<ColumnInfo> column(String columnName) {
            return columns.stream()
                    .filter(column -> column.name().equals(columnName))
                    .findFirst();
        }
    }

    /**
     * A column.
     *
     * @param name its name
     * @param type its type as PostgreSQL writes it ({@code integer}, {@code character varying(256)},
     *     {@code workload_enum})
     * @param enumLabels the labels when the type is an enum, else empty
     */
    record ColumnInfo(String name, String type, List<String> enumLabels) {
        public ColumnInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            enumLabels = List.copyOf(enumLabels);
        }
    }
}
