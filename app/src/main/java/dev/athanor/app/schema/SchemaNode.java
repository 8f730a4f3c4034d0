package dev.athanor.app.schema;

/** One node of the schema tree. Nodes are values: two nodes naming the same object are equal. */
public sealed interface SchemaNode {

    /** Text shown in the tree. */
    String label();

    KindIcon icon();

    /** The root: the database the window is connected to. */
    record Database(String label) implements SchemaNode {
        @Override
        public KindIcon icon() {
            return KindIcon.CONNECTION;
        }
    }

    /** A schema (namespace). */
    record Schema(String name) implements SchemaNode {
        @Override
        public String label() {
            return name;
        }

        @Override
        public KindIcon icon() {
            return KindIcon.SCHEMA;
        }
    }

    /** The folder of one kind of object inside a schema. */
    record Folder(String schema, ObjectKind kind) implements SchemaNode {
        @Override
        public String label() {
            return kind.folderName();
        }

        @Override
        public KindIcon icon() {
            return KindIcon.FOLDER;
        }
    }

    /** A named object: table, view, sequence, enum, domain or function. */
    record DbObject(String schema, String name, ObjectKind kind) implements SchemaNode {
        @Override
        public String label() {
            return name;
        }

        @Override
        public KindIcon icon() {
            return kind.icon();
        }
    }

    /** A column of a table or view. */
    record Column(DbObject owner, String name, String type, boolean primaryKey) implements SchemaNode {
        @Override
        public String label() {
            return name + "  " + type;
        }

        @Override
        public KindIcon icon() {
            return primaryKey ? KindIcon.KEY_COLUMN : KindIcon.COLUMN;
        }
    }
}
