package dev.athanor.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index of a table or materialized view.
 *
 * @param oid the index OID
 * @param name the index name
 * @param keys the key columns and expressions, in index order
 * @param includedColumns the non-key columns of an {@code INCLUDE (...)} clause
 * @param unique whether the index enforces uniqueness
 * @param primary whether the index enforces the primary key
 * @param method the access method ({@code btree}, {@code gin}, ...)
 * @param predicate the {@code WHERE} clause of a partial index
 * @param definition the {@code CREATE INDEX} statement from {@code pg_get_indexdef}
 * @param valid false while a concurrent build is incomplete or after it failed
 * @param constraint the name of the constraint the index enforces, if any
 * @param comment the index comment
 */
public record Index(
        long oid,
        String name,
        List<IndexKey> keys,
        List<String> includedColumns,
        boolean unique,
        boolean primary,
        String method,
        Optional<String> predicate,
        String definition,
        boolean valid,
        Optional<String> constraint,
        Optional<String> comment)
        implements CatalogObject {

    public Index {
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
        includedColumns = List.copyOf(includedColumns);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.INDEX;
    }

    /** Returns the key columns that are plain columns, in index order (expressions left out). */
    public List<String> columns() {
        return keys.stream().filter(k -> !k.expression()).map(IndexKey::text).toList();
    }
}
