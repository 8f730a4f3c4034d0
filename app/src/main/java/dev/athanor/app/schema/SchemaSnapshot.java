package dev.athanor.app.schema;

import java.util.List;

/**
 * The schema as the tree and the details read it: one consistent, immutable picture of the catalog taken
 * at load time. Answers come from memory, so the tree can build children on the UI thread as nodes expand.
 */
public interface SchemaSnapshot {

    /** Schema names in display order. */
    List<String> schemas();

    /** Objects of {@code kind} in {@code schema}, sorted by name. */
    List<SchemaNode.DbObject> objects(String schema, ObjectKind kind);

    /** Columns of a table or view, in ordinal order; empty for other kinds. */
    List<SchemaNode.Column> columns(SchemaNode.DbObject relation);

    /** Everything the details tabs show about {@code object}, DDL aside. */
    ObjectDetails details(SchemaNode.DbObject object);
}
