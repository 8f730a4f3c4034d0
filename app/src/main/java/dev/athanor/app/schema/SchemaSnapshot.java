package dev.athanor.app.schema;

import java.util.List;
import java.util.Optional;

/**
 * The schema as the tree and the details read it: one consistent, immutable picture of the catalog taken
 * at load time. Answers come from memory, so the tree can build children on the UI thread as nodes expand.
 */
public interface SchemaSnapshot {

    /** Schema names in display order. */
    List<String> schemas();

    /** Objects of {@code kind} in {@code schema}, sorted by name. */
    List<SchemaNode.DbObject> objects(String schema, ObjectKind kind);

    /** Partitions of a partitioned table, sorted by name; empty for other objects. */
    List<SchemaNode.DbObject> partitions(SchemaNode.DbObject table);

    /** The bound of a partition ({@code FOR VALUES FROM (...) TO (...)}, {@code DEFAULT}); empty for others. */
    Optional<String> partitionBound(SchemaNode.DbObject object);

    /** The icon of an object: partitioned tables and partitions have their own. */
    KindIcon icon(SchemaNode.DbObject object);

    /** Columns of a table or view, in ordinal order; empty for other kinds. */
    List<SchemaNode.Column> columns(SchemaNode.DbObject relation);

    /** Everything the details tabs show about {@code object}, DDL aside. */
    ObjectDetails details(SchemaNode.DbObject object);
}
