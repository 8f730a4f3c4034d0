package dev.athanor.model.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A sequence. Sequences behind identity columns are not listed: they belong to their column.
 *
 * @param oid the sequence OID
 * @param schema the schema name
 * @param name the sequence name
 * @param owner the owning role
 * @param comment the sequence comment
 * @param dataType the value type ({@code bigint}, {@code integer}, {@code smallint})
 * @param start the start value
 * @param increment the increment
 * @param minValue the minimum value
 * @param maxValue the maximum value
 * @param cache how many values a session preallocates
 * @param cycle whether the sequence wraps around
 * @param ownedBy the column the sequence belongs to ({@code serial} columns, {@code OWNED BY})
 */
public record Sequence(
        long oid,
        String schema,
        String name,
        String owner,
        Optional<String> comment,
        String dataType,
        long start,
        long increment,
        long minValue,
        long maxValue,
        long cache,
        boolean cycle,
        Optional<ColumnReference> ownedBy)
        implements SchemaObject {

    public Sequence {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(ownedBy, "ownedBy");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SEQUENCE;
    }
}
