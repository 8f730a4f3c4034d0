package dev.athanor.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDataTest {
    private static final TestPostgres PG = TestPostgres.shared();

    @Test
    void sampleDatabaseHasTheDocumentedRowCounts() throws SQLException {
        String db = PG.createSampleDatabase("counts");
        try (var connection = PG.connect(db)) {
            assertThat(count(connection, "SELECT count(*) FROM workers")).isEqualTo(2_000);
            assertThat(count(connection, "SELECT count(*) FROM resumes")).isEqualTo(6_000);
            assertThat(count(connection, "SELECT count(*) FROM vacancies")).isEqualTo(300);
            assertThat(count(connection, "SELECT count(*) FROM vacancies_replies"))
                    .isEqualTo(10_000);
            assertThat(count(connection, "SELECT count(*) FROM resumes WHERE compensation IS NULL"))
                    .isBetween(100L, 600L);
            assertThat(count(connection, "SELECT count(*) FROM resumes WHERE title LIKE '%Python%'"))
                    .isBetween(300L, 1_000L);
        }
    }

    @Test
    void sameSeedGivesTheSameRows() throws SQLException {
        String first = PG.createEmptyDatabase("seed_a");
        String second = PG.createEmptyDatabase("seed_b");
        var scale = new SampleData.Scale(50, 120, 10, 200, 10, 20);
        List<String> a = loadAndDump(first, scale, 7);
        List<String> b = loadAndDump(second, scale, 7);
        assertThat(a).hasSize(120).isEqualTo(b);
    }

    @Test
    void checkConstraintRejectsNonPositiveCompensation() throws SQLException {
        String db = PG.createSampleDatabase("check");
        try (var connection = PG.connect(db);
                var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE resumes SET compensation = 0 WHERE id = 1"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("23514");
        }
    }

    @Test
    void updateTriggerMovesUpdatedAt() throws SQLException {
        String db = PG.createSampleDatabase("trigger");
        try (var connection = PG.connect(db);
                var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE resumes SET updated_at = '2000-01-01', title = 'x' WHERE id = 1");
            try (var rs = statement.executeQuery("SELECT updated_at > '2020-01-01' FROM resumes WHERE id = 1")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }
    }

    @Test
    void newRowsGetIdsAfterTheLoadedOnes() throws SQLException {
        String db = PG.createSampleDatabase("identity");
        try (var connection = PG.connect(db);
                var statement = connection.createStatement();
                var rs = statement.executeQuery("INSERT INTO workers (username) VALUES ('new') RETURNING id")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2_001);
        }
    }

    @Test
    void largeTableHasMixedTypesAndNulls() throws SQLException {
        String db = PG.createSampleDatabase("large");
        try (var connection = PG.connect(db)) {
            SampleData.addLargeTable(connection, 10_000);
            assertThat(count(connection, "SELECT count(*) FROM events")).isEqualTo(10_000);
            assertThat(count(connection, "SELECT count(*) FROM events WHERE note IS NULL"))
                    .isEqualTo(2_500);
            assertThat(count(connection, "SELECT count(*) FROM events WHERE note = ''"))
                    .isEqualTo(2_500);
            assertThat(count(connection, "SELECT count(DISTINCT ref) FROM events"))
                    .isEqualTo(10_000);
        }
    }

    private static List<String> loadAndDump(String db, SampleData.Scale scale, long seed) throws SQLException {
        try (var connection = PG.connect(db)) {
            SampleData.createSchema(connection);
            SampleData.load(connection, scale, seed);
            var rows = new ArrayList<String>();
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery(
                            "SELECT id, title, compensation, workload, worker_id, created_at FROM resumes ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                            + rs.getInt(5) + "|" + rs.getString(6));
                }
            }
            return rows;
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
