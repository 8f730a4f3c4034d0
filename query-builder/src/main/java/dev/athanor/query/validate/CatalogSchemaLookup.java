package dev.athanor.query.validate;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.EnumType;
import dev.athanor.model.catalog.PrimaryKey;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.TypeKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The validator's view of a loaded {@link Catalog}. */
public final class CatalogSchemaLookup implements SchemaLookup {
    private final Catalog catalog;

    /** A lookup over {@code catalog}. */
    public CatalogSchemaLookup(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Optional<RelationInfo> relation(String schema, String name) {
        if (schema != null) {
            return catalog.relation(schema, name).map(this::info);
        }
        var inPublic = catalog.relation("public", name);
        if (inPublic.isPresent()) {
            return inPublic.map(this::info);
        }
        // Not in public: accept a relation the name finds in exactly one schema, as a search path would.
        var matches = catalog.relations().stream()
                .filter(relation -> relation.name().equals(name))
                .toList();
        return matches.size() == 1 ? Optional.of(info(matches.getFirst())) : Optional.empty();
    }

    private RelationInfo info(Relation relation) {
        var columns = relation.columns().stream()
                .map(column -> new ColumnInfo(
                        column.name(),
                        column.type(),
                        column.typeKind() == TypeKind.ENUM
                                ? catalog.enumType(column.typeOid())
                                        .map(EnumType::labels)
                                        .orElse(List.of())
                                : List.of()))
                .toList();
        var primaryKey = relation.primaryKey().map(PrimaryKey::columns).orElse(List.of());
        return new RelationInfo(relation.schema(), relation.name(), columns, primaryKey, relation.estimatedRows());
    }
}
