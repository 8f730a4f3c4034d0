package dev.athanor.app.builder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.athanor.app.cli.CommandLine;
import dev.athanor.app.task.Background;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.sample.testkit.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built queries saved to a project, opened again, and run by the command line. */
class BuilderProjectModelTest {
    private static String database;
    private QueryBuilderModel builder;
    private BuilderProjectModel projects;

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.shared().createSampleDatabase("builder_project");
    }

    @BeforeEach
    void openBuilder() {
        builder = newBuilder();
        projects = new BuilderProjectModel(Background.synchronous(), builder, directory.resolve("recent"));
    }

    private static QueryBuilderModel newBuilder() {
        var model = new QueryBuilderModel(
                Background.synchronous(), () -> TestPostgres.shared().connect(database));
        model.loadCatalog();
        return model;
    }

    private void buildFirstShowcase() {
        String r = builder.addTable("public", "resumes");
        builder.setColumnSelected(r, "workload", true);
        builder.addColumn("avg(" + r + ".compensation)::int", "avg_compensation");
        builder.setWhere(
                ExpressionText.parsePredicate(r + ".title LIKE '%Python%' AND " + r + ".compensation > 40000"));
        builder.addGroupBy(r + ".workload");
        builder.setHaving(ExpressionText.parsePredicate("avg(" + r + ".compensation) > 70000"));
    }

    private void buildSecondShowcase() {
        builder.addCte("helper2");
        builder.addSubquery("helper1");
        builder.enterSubquery("helper1");
        String r = builder.addTable("public", "resumes");
        String w = builder.addTable("public", "workers");
        builder.accept(builder.suggestions().getFirst(), TableSource.Join.Type.INNER);
        builder.setColumnSelected(w, "id", true);
        builder.setColumnSelected(w, "username", true);
        builder.setColumnSelected(r, "compensation", true);
        builder.setColumnSelected(r, "workload", true);
        builder.addWindowColumn("avg", r + ".compensation", "workload", "", "", "int", "avg_workload_compensation");
        builder.leave();
        builder.addColumn("*", "");
        builder.addColumn("compensation - avg_workload_compensation", "compensation_diff");
        builder.leave();
        builder.addCteReference("helper2");
        builder.addColumn("*", "");
        builder.addOrderBy("compensation_diff", SortItem.Direction.DESC);
    }

    @Test
    void aSavedQueryOpensAgainWithItsModelAndLayout() {
        buildFirstShowcase();
        builder.moveTable("r", 300, 120);
        projects.queryNameProperty().set("python_by_workload");
        var file = directory.resolve("showcase.athanor.json");
        projects.save(file);
        var built = builder.statement();

        var reopened = newBuilder();
        var reopenedProjects = new BuilderProjectModel(Background.synchronous(), reopened, null);
        reopenedProjects.open(file, "python_by_workload");

        assertThat(reopened.statement()).isEqualTo(built);
        assertThat(reopened.positions().get("r")).isEqualTo(new BoxPosition(300, 120));
        assertThat(reopenedProjects.queryNames()).containsExactly("python_by_workload");
    }

    @Test
    void savingRemembersTheProjectAmongTheRecentOnes() {
        buildFirstShowcase();
        var file = directory.resolve("recent-test.athanor.json");
        projects.save(file);

        var later = new BuilderProjectModel(Background.synchronous(), newBuilder(), directory.resolve("recent"));

        assertThat(later.recent()).containsExactly(file.toAbsolutePath());
    }

    @Test
    void bothShowcasesSavedFromTheBuilderPrintTheirHandWrittenRowsThroughTheCommandLine() throws Exception {
        buildFirstShowcase();
        projects.queryNameProperty().set("python_by_workload");
        var file = directory.resolve("showcases.athanor.json");
        projects.save(file);
        builder.open(dev.athanor.query.model.Query.select(), java.util.Map.of());
        buildSecondShowcase();
        projects.queryNameProperty().set("compensation_against_workload");
        projects.save(file);

        var first = cliRows(file, "python_by_workload");
        var second = cliRows(file, "compensation_against_workload");

        assertThat(first)
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(
                        QueryBuilderModelTest.rowsOf(database, QueryBuilderModelTest.SHOWCASE_ONE));
        var expected = QueryBuilderModelTest.rowsOf(database, QueryBuilderModelTest.SHOWCASE_TWO);
        assertThat(second).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Runs {@code athanor run FILE --query NAME --format jsonl} in process; each row's values as text. */
    private static List<List<Object>> cliRows(Path file, String query) throws Exception {
        var pg = TestPostgres.shared();
        String url = "postgresql://" + pg.superuser() + "@" + pg.host() + ":" + pg.port() + "/" + database;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = CommandLine.run(
                "run",
                new String[] {file.toString(), "--query", query, "--format", "jsonl", "--url", url},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var json = new ObjectMapper();
        var rows = new ArrayList<List<Object>>();
        for (var line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            var row = new ArrayList<Object>();
            json.readTree(line)
                    .properties()
                    .forEach(field -> row.add(
                            field.getValue().isNull() ? null : field.getValue().asText()));
            rows.add(row);
        }
        return rows;
    }
}
