package dev.athanor.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.model.engine.DatabaseException;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogLoaderConnectionTest {

    private static TestPostgres pg;
    private static String database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        pg = TestPostgres.shared();
        database = pg.createEmptyDatabase("catalog_connection");
        try (var c = pg.connect(database);
                var s = c.createStatement()) {
            s.execute("CREATE TABLE committed_table (id int PRIMARY KEY)");
        }
    }

    @Test
    void autoCommitConnectionIsHandedBackAsItCame() throws SQLException {
        try (Connection c = pg.connect(database)) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            CatalogLoader.load(c);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT current_setting('transaction_read_only')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("off");
            }
        }
    }

    @Test
    void repeatedLoadsOnOneConnectionGiveTheSameRelations() throws SQLException {
        // pgjdbc switches to server-prepared statements and binary results after five executions; the
        // loader must read the same values either way.
        try (Connection c = pg.connect(database);
                var s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS child_table (a int, b int, FOREIGN KEY (a) REFERENCES committed_table)");
            Catalog first = CatalogLoader.load(c);
            for (int i = 0; i < 7; i++) {
                assertThat(CatalogLoader.load(c).relations()).isEqualTo(first.relations());
            }
            assertThat(first.table("public", "child_table").orElseThrow().foreignKeys())
                    .singleElement()
                    .satisfies(fk -> assertThat(fk.columns()).containsExactly("a"));
        }
    }

    @Test
    void closedConnectionFailsWithItsSqlState() throws SQLException {
        Connection closed = pg.connect(database);
        closed.close();
        assertThatThrownBy(() -> CatalogLoader.load(closed))
                .isInstanceOf(DatabaseException.class)
                .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("08003"));
    }

    @Test
    void loadInsideAnOpenTransactionSeesItsUncommittedTables() throws SQLException {
        try (Connection c = pg.connect(database)) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE uncommitted_table (id int)");
            }
            Catalog catalog = CatalogLoader.load(c);
            assertThat(catalog.table("public", "uncommitted_table")).isPresent();
            assertThat(c.getAutoCommit()).isFalse();
            c.rollback();
        }
    }
}
