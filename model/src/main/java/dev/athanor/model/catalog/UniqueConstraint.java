package dev.athanor.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code UNIQUE} constraint (a unique index that is not a constraint is an {@link Index} only).
 *
 * @param oid the constraint OID
 * @param name the constraint name
 * @param columns the unique columns in constraint order
 * @param indexName the name of the index enforcing the constraint
 * @param deferrable whether checking can be deferred to commit
 * @param initiallyDeferred whether checking is deferred unless a transaction says otherwise
 * @param comment the constraint comment
 */
public record UniqueConstraint(
        long oid,
        String name,
        List<String> columns,
        String indexName,
        boolean deferrable,
        boolean initiallyDeferred,
        Optional<String> comment)
        implements Constraint {

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.UNIQUE_CONSTRAINT;
    }
}
