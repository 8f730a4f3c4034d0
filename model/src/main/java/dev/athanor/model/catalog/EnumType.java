package dev.athanor.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enum type.
 *
 * @param oid the type OID (columns of this type carry it as {@link Column#typeOid()})
 * @param schema the schema name
 * @param name the type name
 * @param owner the owning role
 * @param comment the type comment
 * @param labels the labels in their sort order
 */
public record EnumType(
        long oid, String schema, String name, String owner, Optional<String> comment, List<String> labels)
        implements SchemaObject {

    public EnumType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(comment, "comment");
        labels = List.copyOf(labels);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.ENUM;
    }
}
