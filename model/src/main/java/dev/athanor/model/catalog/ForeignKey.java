package dev.athanor.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key. It names both ends, so the same record serves as an outgoing key of the referencing table
 * and as an incoming key of the referenced one ({@link Catalog#incomingForeignKeys(Relation)}).
 *
 * @param oid the constraint OID
 * @param name the constraint name
 * @param tableOid the OID of the referencing table
 * @param table the referencing table
 * @param columns the referencing columns, in key order
 * @param referencedTableOid the OID of the referenced table
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, position by position with {@code columns}
 * @param onUpdate the action when a referenced key changes
 * @param onDelete the action when a referenced row is deleted
 * @param matchFull whether the key is {@code MATCH FULL} (otherwise {@code MATCH SIMPLE})
 * @param deferrable whether checking can be deferred to commit
 * @param initiallyDeferred whether checking is deferred unless a transaction says otherwise
 * @param validated false for a key added {@code NOT VALID} and not yet validated
 * @param comment the constraint comment
 */
public record ForeignKey(
        long oid,
        String name,
        long tableOid,
        QualifiedName table,
        List<String> columns,
        long referencedTableOid,
        QualifiedName referencedTable,
        List<String> referencedColumns,
        ReferentialAction onUpdate,
        ReferentialAction onDelete,
        boolean matchFull,
        boolean deferrable,
        boolean initiallyDeferred,
        boolean validated,
        Optional<String> comment)
        implements Constraint {

    public ForeignKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onUpdate, "onUpdate");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.FOREIGN_KEY;
    }

    /** Tells whether the key references its own table (a tree or a chain of rows). */
    public boolean selfReferencing() {
        return tableOid == referencedTableOid;
    }
}
