package dev.athanor.query.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.render.QueryRenderer;
import dev.athanor.sample.testkit.NamedSql;
import dev.athanor.sample.testkit.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written example of docs/examples holds the two showcase queries, and they run on the sample data. */
class ShowcaseExampleTest {
    static final Path EXAMPLE = Path.of("..", "docs", "examples", "showcase.athanor.json");

    static final String PYTHON_BY_WORKLOAD = NamedSql.showcase("python_by_workload");

    static final String COMPENSATION_AGAINST_WORKLOAD = NamedSql.showcase("compensation_against_workload");

    private static Connection connection;
    private final QueryRenderer renderer = new QueryRenderer();

    @BeforeAll
    static void connect() throws SQLException {
        var pg = TestPostgres.shared();
        connection = pg.connect(pg.createSampleDatabase("showcase"));
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void exampleOpensAsTheTwoShowcaseQueries() {
        var opened = ProjectFile.standard().open(EXAMPLE);

        assertThat(opened.notices()).isEmpty();
        assertThat(opened.project()).isEqualTo(ProjectSamples.showcase().withConnection(ConnectionReference.none()));
    }

    @Test
    void exampleIsWhatSavingItWrites() throws Exception {
        var files = ProjectFile.standard();

        assertThat(files.toJson(files.open(EXAMPLE).project())).isEqualTo(Files.readString(EXAMPLE));
    }

    @Test
    void firstShowcaseQueryGivesTheRowsOfItsSql() throws SQLException {
        var query = ProjectFile.standard()
                .open(EXAMPLE)
                .project()
                .query("python_by_workload")
                .orElseThrow();

        var rows = run(query);

        assertThat(rows).isNotEmpty().containsExactlyInAnyOrderElementsOf(run(PYTHON_BY_WORKLOAD));
    }

    @Test
    void secondShowcaseQueryGivesTheRowsOfItsSqlInItsOrder() throws SQLException {
        var query = ProjectFile.standard()
                .open(EXAMPLE)
                .project()
                .query("compensation_against_workload")
                .orElseThrow();

        var rows = run(query);
        var expected = run(COMPENSATION_AGAINST_WORKLOAD);

        assertThat(rows).hasSize(6000).containsExactlyInAnyOrderElementsOf(expected);
        // Ties in compensation_diff may come in any order; the sort column itself must match row by row.
        assertThat(rows.stream().map(row -> row.get(5)).toList())
                .isEqualTo(expected.stream().map(row -> row.get(5)).toList());
    }

    private List<List<String>> run(SavedQuery query) throws SQLException {
        var values = new HashMap<String, Object>();
        query.parameters().forEach(p -> values.put(p.name(), p.valueOf(p.defaultValue())));
        var rendered = renderer.render(query.query(), values);
        try (var statement = connection.prepareStatement(rendered.sql())) {
            rendered.bindTo(statement);
            return rows(statement.executeQuery());
        }
    }

    private static List<List<String>> run(String sql) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            return rows(statement.executeQuery());
        }
    }

    private static List<List<String>> rows(java.sql.ResultSet result) throws SQLException {
        var rows = new ArrayList<List<String>>();
        var width = result.getMetaData().getColumnCount();
        while (result.next()) {
            var row = new ArrayList<String>();
            for (var i = 1; i <= width; i++) {
                row.add(result.getString(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
