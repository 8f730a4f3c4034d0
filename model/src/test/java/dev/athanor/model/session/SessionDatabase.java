package dev.athanor.model.session;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.EchoEvent;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.SslMode;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sample database for session tests: an Engine to open sessions on, its catalog, and an independent connection
 * (not the Engine's) through which tests check what the database really holds.
 */
final class SessionDatabase implements AutoCloseable {
    final String name;
    final Engine engine;
    final Connection check;
    Catalog catalog;

    SessionDatabase(String prefix, String... setupSql) throws SQLException {
        var pg = TestPostgres.shared();
        name = pg.createSampleDatabase(prefix);
        check = pg.connect(name);
        for (String sql : setupSql) {
            execute(sql);
        }
        catalog = CatalogLoader.load(check);
        engine = Engine.create(
                ConnectionProfile.of(prefix, pg.host(), pg.port(), name, pg.superuser())
                        .withSslMode(SslMode.DISABLE),
                PasswordSource.none(),
                PoolSettings.defaults());
    }

    Session open() {
        return Session.open(engine, catalog);
    }

    void execute(String sql) throws SQLException {
        try (var statement = check.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of each row of {@code sql}, read through the independent connection. */
    List<Object> column(String sql) throws SQLException {
        var values = new ArrayList<Object>();
        try (var statement = check.createStatement();
                var result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getObject(1));
            }
        }
        return values;
    }

    Object scalar(String sql) throws SQLException {
        List<Object> values = column(sql);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** Connections of this database that are inside a transaction, as the server sees them. */
    long openTransactions() throws SQLException {
        return ((Number) scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name
                        + "' AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"))
                .longValue();
    }

    /** The statements the session sent while {@code action} ran. */
    List<EchoEvent> sentDuring(Runnable action) {
        var events = new CopyOnWriteArrayList<EchoEvent>();
        try (var ignored = engine.echo().subscribe(e -> {
            if (e.origin().equals(Session.ORIGIN)) {
                events.add(e);
            }
        })) {
            action.run();
        }
        return List.copyOf(events);
    }

    @Override
    public void close() throws SQLException {
        engine.close();
        check.close();
    }
}
