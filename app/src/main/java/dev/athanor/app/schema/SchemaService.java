package dev.athanor.app.schema;

/**
 * Reads the schema from the database. Both methods block on JDBC: call them only through a {@link
 * dev.athanor.app.task.Background}.
 */
public interface SchemaService {

    /** Loads the whole catalog in a few bulk queries. */
    SchemaSnapshot load();

    /** The object's DDL as PostgreSQL reconstructs it ({@code pg_get_*def}). */
    String ddl(SchemaNode.DbObject object);
}
