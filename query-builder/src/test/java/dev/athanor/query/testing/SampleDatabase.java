package dev.athanor.query.testing;

import dev.athanor.query.render.RenderedSql;
import dev.athanor.sample.testkit.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A fresh sample database for one test class, with ways to run SQL and compare the rows it returns. */
public final class SampleDatabase {
    private final String name;

    private SampleDatabase(String name) {
        this.name = name;
    }

    /** A new database holding the sample schema and data. */
    public static SampleDatabase create(String prefix) {
        return new SampleDatabase(TestPostgres.shared().createSampleDatabase(prefix));
    }

    /**
     * A new empty database into which the SQL script at {@code resource} (on the test class path, statements ending
     * with a semicolon) has been run.
     */
    public static SampleDatabase fromScript(String prefix, String resource) {
        var database = new SampleDatabase(TestPostgres.shared().createEmptyDatabase(prefix));
        try (var in = SampleDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No script " + resource + " on the class path");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (var connection = database.connect();
                    var statement = connection.createStatement()) {
                statement.execute(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Script " + resource + " failed: " + e.getMessage(), e);
        }
        return database;
    }

    /** The database's name on the test server (which {@link TestPostgres#shared()} gives the address of). */
    public String name() {
        return name;
    }

    /** A superuser connection to this database. */
    public Connection connect() {
        try {
            return TestPostgres.shared().connect(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the test database " + name, e);
        }
    }

    /** Runs SQL without parameters and returns its rows, each row a list of column values. */
    public List<List<Object>> rows(String sql) {
        return rows(new RenderedSql(sql, List.of()));
    }

    /** Runs SQL with its bind values and returns its rows. */
    public List<List<Object>> rows(RenderedSql rendered) {
        try (var connection = connect();
                var statement = connection.prepareStatement(rendered.sql())) {
            rendered.bindTo(statement);
            try (var result = statement.executeQuery()) {
                return read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + rendered.sql() + " " + e.getMessage(), e);
        }
    }

    /** The rows as sorted strings, for order-insensitive comparison. */
    public static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(SampleDatabase::text).sorted().toList();
    }

    /** The rows as strings, keeping their order. */
    public static List<String> inOrder(List<List<Object>> rows) {
        return rows.stream().map(SampleDatabase::text).toList();
    }

    private static String text(List<Object> row) {
        return Arrays.toString(
                row.stream().map(value -> Objects.toString(value)).toArray());
    }

    private static List<List<Object>> read(ResultSet result) throws SQLException {
        int columns = result.getMetaData().getColumnCount();
        var rows = new ArrayList<List<Object>>();
        while (result.next()) {
            var row = new ArrayList<Object>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(result.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
