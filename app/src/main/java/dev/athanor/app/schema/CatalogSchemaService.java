package dev.athanor.app.schema;

import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.DdlSource;
import dev.athanor.model.engine.DatabaseErrors;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@link SchemaService} over the catalog loader: one bulk load per refresh, and the DDL of an object of the
 * latest load written by the model's {@link DdlSource}, which recreates every kind as it is (partitions,
 * partitioned tables, foreign tables, aggregates...).
 */
public final class CatalogSchemaService implements SchemaService {
    /** Where the echo log says catalog statements come from. */
    public static final String ORIGIN = "schema tree";

    private final ConnectionOpener connections;
    private volatile CatalogSnapshot latest;

    /** Opens a pooled connection for the schema tree (blocking). */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open(String origin) throws SQLException;
    }

    public CatalogSchemaService(ConnectionOpener connections) {
        this.connections = connections;
    }

    @Override
    public SchemaSnapshot load() {
        try (Connection connection = connections.open(ORIGIN)) {
            var snapshot = new CatalogSnapshot(CatalogLoader.load(connection));
            latest = snapshot;
            return snapshot;
        } catch (SQLException e) {
            throw DatabaseErrors.classify(e);
        }
    }

    @Override
    public String ddl(SchemaNode.DbObject object) {
        CatalogSnapshot snapshot = latest;
        if (snapshot == null) {
            snapshot = (CatalogSnapshot) load();
        }
        var found = snapshot.find(object);
        if (found.isEmpty()) {
            return "-- " + object.name() + " no longer exists; refresh the schema.";
        }
        try (Connection connection = connections.open(ORIGIN)) {
            return DdlSource.ddl(connection, found.get());
        } catch (SQLException e) {
            throw DatabaseErrors.classify(e);
        }
    }
}
