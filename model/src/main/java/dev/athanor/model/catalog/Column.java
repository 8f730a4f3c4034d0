package dev.athanor.model.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a relation.
 *
 * @param name the column name as stored
 * @param ordinal the column number ({@code attnum}); numbering keeps gaps where columns were dropped
 * @param type the type as PostgreSQL renders it with {@code format_type} ({@code character varying(256)});
 *     types outside the search path are schema-qualified
 * @param typeOid the OID of the column's type, to look enums and domains up in the {@link Catalog}
 * @param typeKind what sort of type it is
 * @param nullable false when the column is declared {@code NOT NULL}
 * @param defaultExpression the server default ({@code DEFAULT ...}), absent for generated columns
 * @param identity how an identity column generates values, absent for other columns
 * @param generatedExpression the expression of a {@code GENERATED ALWAYS AS (...) STORED} column
 * @param comment the column comment
 */
public record Column(
        String name,
        int ordinal,
        String type,
        long typeOid,
        TypeKind typeKind,
        boolean nullable,
        Optional<String> defaultExpression,
        Optional<Identity> identity,
        Optional<String> generatedExpression,
        Optional<String> comment)
        implements CatalogObject {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(typeKind, "typeKind");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(generatedExpression, "generatedExpression");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.COLUMN;
    }

    /** Tells whether the column is a stored generated column, which never accepts a value of its own. */
    public boolean generated() {
        return generatedExpression.isPresent();
    }
}
