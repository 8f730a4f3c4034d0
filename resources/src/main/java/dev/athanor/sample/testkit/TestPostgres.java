package dev.athanor.sample.testkit;

import dev.athanor.sample.EmbeddedServer;
import dev.athanor.sample.SampleData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The test suite's PostgreSQL: one embedded server per test JVM, and a fresh database per test class.
 *
 * <p>Sample databases are cloned from a template that holds the sample schema and data, which is much faster than
 * loading the data again for every class and keeps each class's changes to itself.
 */
public final class TestPostgres {
    private static final String TEMPLATE = "athanor_sample_template";
    private static volatile TestPostgres shared;

    private final EmbeddedServer server;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(EmbeddedServer server) {
        this.server = server;
    }

    /** The server of this JVM, started (and given the sample template) on first use. */
    public static TestPostgres shared() {
        var current = shared;
        if (current == null) {
            synchronized (TestPostgres.class) {
                current = shared;
                if (current == null) {
                    current = start();
                    shared = current;
                }
            }
        }
        return current;
    }

    private static TestPostgres start() {
        try {
            var dir = Files.createTempDirectory("athanor-test-pg");
            var server = EmbeddedServer.start(dir.resolve("data"), true, 0);
            var testPostgres = new TestPostgres(server);
            testPostgres.execute("postgres", "CREATE DATABASE " + TEMPLATE);
            testPostgres.execute("postgres", EmbeddedServer.createPasswordLoginGroupSql());
            try (var connection = server.dataSource(TEMPLATE).getConnection()) {
                SampleData.install(connection);
            }
            return testPostgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the sample template database", e);
        }
    }

    /** Creates a database holding the sample schema and data; returns its (unique) name. */
    public String createSampleDatabase(String prefix) {
        String name = uniqueName(prefix);
        execute("postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
        return name;
    }

    /** Creates an empty database; returns its (unique) name. */
    public String createEmptyDatabase(String prefix) {
        String name = uniqueName(prefix);
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /**
     * Creates a login role that must give {@code password} to connect over TCP (the superuser is trusted), and lets
     * it use every database's public schema.
     */
    public void createPasswordRole(String role, String password) {
        try (var connection = server.dataSource("postgres").getConnection();
                var statement = connection.prepareStatement("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE "
                        + EmbeddedServer.PASSWORD_LOGIN_GROUP + "', ?::text, ?::text)")) {
            statement.setString(1, role);
            statement.setString(2, password);
            String ddl;
            try (var rs = statement.executeQuery()) {
                rs.next();
                ddl = rs.getString(1);
            }
            try (var create = connection.createStatement()) {
                create.execute(ddl);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create role " + role, e);
        }
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    /** The trusted superuser's name. */
    public String superuser() {
        return EmbeddedServer.SUPERUSER;
    }

    /** A JDBC URL (superuser) for {@code database}. */
    public String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    /** A non-pooling data source (superuser) for {@code database}. */
    public DataSource dataSource(String database) {
        return server.dataSource(database);
    }

    /** Opens a superuser connection to {@code database}. */
    public Connection connect(String database) throws SQLException {
        return server.dataSource(database).getConnection();
    }

    private String uniqueName(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "db_" + clean;
        }
        if (clean.length() > 40) {
            clean = clean.substring(0, 40);
        }
        return clean + "_" + databases.incrementAndGet();
    }

    private void execute(String database, String sql) {
        try (var connection = server.dataSource(database).getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }
}
