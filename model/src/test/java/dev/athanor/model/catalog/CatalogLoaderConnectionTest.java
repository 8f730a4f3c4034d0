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
    void failedLoadReportsTheServerFailureAndHandsTheConnectionBack() throws SQLException {
        // Reading a partition bound opens the partition; a lock held elsewhere makes that fail after lock_timeout.
        try (Connection locker = pg.connect(database);
                Connection c = pg.connect(database)) {
            try (var s = locker.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS parted (at date) PARTITION BY RANGE (at)");
                s.execute("CREATE TABLE IF NOT EXISTS parted_2025 PARTITION OF parted"
                        + " FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
                locker.setAutoCommit(false);
                s.execute("LOCK TABLE parted_2025 IN ACCESS EXCLUSIVE MODE");
            }
            try (var s = c.createStatement()) {
                s.execute("SET lock_timeout = '200ms'");
            }
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                assertThatThrownBy(() -> CatalogLoader.load(c))
                        .isInstanceOf(DatabaseException.class)
                        .satisfies(e ->
                                assertThat(((DatabaseException) e).sqlState()).isEqualTo("55P03"));
            } finally {
                locker.rollback();
            }
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(CatalogLoader.load(c).table("public", "parted_2025")).isPresent();
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
