package dev.athanor.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain: a base type with constraints.
 *
 * @param oid the type OID (columns of this type carry it as {@link Column#typeOid()})
 * @param schema the schema name
 * @param name the domain name
 * @param owner the owning role
 * @param comment the domain comment
 * @param baseType the underlying type as {@code format_type} renders it
 * @param baseTypeOid the OID of the underlying type
 * @param notNull whether the domain rejects nulls
 * @param defaultExpression the domain default
 * @param checks the domain's check constraints
 */
public record DomainType(
        long oid,
        String schema,
        String name,
        String owner,
        Optional<String> comment,
        String baseType,
        long baseTypeOid,
        boolean notNull,
        Optional<String> defaultExpression,
        List<CheckConstraint> checks)
        implements SchemaObject {

    public DomainType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(baseType, "baseType");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
        checks = List.copyOf(checks);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.DOMAIN;
    }
}
