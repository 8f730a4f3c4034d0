package dev.athanor.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code EXCLUDE} constraint.
 *
 * @param oid the constraint OID
 * @param name the constraint name
 * @param columns the columns of the constraint's index that are plain columns
 * @param indexName the name of the index enforcing the constraint
 * @param definition the constraint clause from {@code pg_get_constraintdef}
 * @param deferrable whether checking can be deferred to commit
 * @param initiallyDeferred whether checking is deferred unless a transaction says otherwise
 * @param comment the constraint comment
 */
public record ExclusionConstraint(
        long oid,
        String name,
        List<String> columns,
        String indexName,
        String definition,
        boolean deferrable,
        boolean initiallyDeferred,
        Optional<String> comment)
        implements Constraint {

    public ExclusionConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.EXCLUSION_CONSTRAINT;
    }
}
