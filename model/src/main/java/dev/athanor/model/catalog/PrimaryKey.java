package dev.athanor.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The primary key of a table.
 *
 * @param oid the constraint OID
 * @param name the constraint name
 * @param columns the key columns in key order (more than one for a composite key)
 * @param indexName the name of the index enforcing the key
 * @param deferrable whether checking can be deferred to commit
 * @param initiallyDeferred whether checking is deferred unless a transaction says otherwise
 * @param comment the constraint comment
 */
public record PrimaryKey(
        long oid,
        String name,
        List<String> columns,
        String indexName,
        boolean deferrable,
        boolean initiallyDeferred,
        Optional<String> comment)
        implements Constraint {

    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.PRIMARY_KEY;
    }
}
