package dev.athanor.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogLoaderStatementCountTest {

    private static TestPostgres pg;
    private static String database;

    @BeforeAll
    static void createDatabase() {
        pg = TestPostgres.shared();
        database = pg.createEmptyDatabase("catalog_count");
    }

    private static int statementsToLoad() throws SQLException {
        try (Connection c = pg.connect(database)) {
            var counter = new StatementCounter(c);
            CatalogLoader.load(counter.connection());
            return counter.executions();
        }
    }

    private static void createTables(int from, int to) throws SQLException {
        try (Connection c = pg.connect(database);
                var s = c.createStatement()) {
            for (int i = from; i < to; i++) {
                s.addBatch("CREATE TABLE t" + i + " (id int PRIMARY KEY, parent_id int REFERENCES t"
                        + Math.max(0, i - 1) + ", name text CHECK (name <> ''))");
                s.addBatch("CREATE INDEX t" + i + "_name ON t" + i + " (name)");
                s.addBatch("CREATE VIEW v" + i + " AS SELECT id FROM t" + i);
                s.addBatch("CREATE TYPE e" + i + " AS ENUM ('a', 'b')");
                s.addBatch("CREATE FUNCTION f" + i + "() RETURNS int LANGUAGE sql AS 'SELECT " + i + "'");
                s.addBatch("CREATE SEQUENCE s" + i);
            }
            s.executeBatch();
        }
    }

    @Test
    void statementCountDoesNotGrowWithTheNumberOfObjects() throws SQLException {
        createTables(0, 2);
        int withTwoTables = statementsToLoad();
        createTables(2, 60);
        int withSixtyTables = statementsToLoad();

        assertThat(withTwoTables).isEqualTo(CatalogLoader.STATEMENTS);
        assertThat(withSixtyTables).isEqualTo(withTwoTables);
        try (Connection c = pg.connect(database)) {
            assertThat(CatalogLoader.load(c).schema("public").orElseThrow().tables())
                    .hasSize(60);
        }
    }
}
