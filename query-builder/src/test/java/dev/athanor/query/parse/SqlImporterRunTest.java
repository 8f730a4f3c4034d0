package dev.athanor.query.parse;

import static dev.athanor.query.testing.SampleDatabase.inOrder;
import static dev.athanor.query.testing.SampleDatabase.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.render.QueryRenderer;
import dev.athanor.query.testing.SampleDatabase;
import dev.athanor.query.testing.Showcase;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real-world queries imported into the model and rendered again return the same rows as the original text. */
class SqlImporterRunTest {
    private static SampleDatabase database;
    private final SqlImporter importer = new SqlImporter();
    private final QueryRenderer renderer = new QueryRenderer();

    @BeforeAll
    static void createDatabase() throws Exception {
        database = SampleDatabase.create("import");
        try (var connection = database.connect();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"Order Items\" (\"Item Id\" int, \"user\" text, \"Qty\" int)");
            statement.execute("INSERT INTO \"Order Items\" VALUES (1, 'ann', 3), (2, 'bob', 5), (3, 'ann', 7)");
        }
    }

    private ImportResult importAndCompare(String sql, boolean ordered) {
        var imported = importer.importSql(sql);
        var expected = database.rows(sql);
        var actual = database.rows(renderer.render(imported.query(), Map.of()));
        assertThat(expected).as("rows of the original query").isNotEmpty();
        if (ordered) {
            assertThat(inOrder(actual)).isEqualTo(inOrder(expected));
        } else {
            assertThat(sorted(actual)).isEqualTo(sorted(expected));
        }
        return imported;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT w.username, r.title FROM resumes r JOIN workers w ON r.worker_id = w.id WHERE w.id < 40",
                "SELECT v.id, count(vr.resume_id) AS replies FROM vacancies v LEFT JOIN vacancies_replies vr"
                        + " ON vr.vacancy_id = v.id GROUP BY v.id",
                "SELECT w.id, r.id FROM resumes r RIGHT OUTER JOIN workers w ON r.worker_id = w.id"
                        + " AND r.workload = 'parttime' WHERE w.id <= 300",
                "SELECT u.id, p.id FROM users u FULL JOIN projects p ON p.owner_id = u.id",
                "SELECT w.id, v.id FROM workers w CROSS JOIN vacancies v WHERE w.id < 4 AND v.id < 4",
                "SELECT a.id, b.id FROM resumes a JOIN resumes b ON a.worker_id = b.worker_id AND a.id < b.id"
                        + " WHERE a.worker_id < 100",
                "SELECT id, sum(compensation) OVER (PARTITION BY worker_id ORDER BY id"
                        + " ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS running,"
                        + " count(*) OVER (PARTITION BY worker_id ORDER BY id RANGE UNBOUNDED PRECEDING),"
                        + " max(compensation) OVER (PARTITION BY worker_id ORDER BY id"
                        + " GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),"
                        + " row_number() OVER (PARTITION BY workload ORDER BY compensation DESC NULLS LAST, id),"
                        + " avg(compensation) OVER w FROM resumes WHERE worker_id < 200"
                        + " WINDOW w AS (PARTITION BY workload)",
                "SELECT workload, count(*), count(DISTINCT worker_id),"
                        + " sum(compensation) FILTER (WHERE compensation > 100000) FROM resumes GROUP BY workload"
                        + " HAVING count(*) > 10",
                "SELECT workload, worker_id % 3 AS bucket, count(*) FROM resumes"
                        + " GROUP BY GROUPING SETS ((workload), (worker_id % 3), ())",
                "SELECT workload, count(*) FROM resumes GROUP BY ROLLUP (workload)",
                "SELECT workload, count(*) FROM resumes GROUP BY CUBE (workload)",
                "SELECT w.id FROM workers w WHERE w.id IN (SELECT worker_id FROM resumes WHERE compensation > 150000)"
                        + " OR NOT EXISTS (SELECT 1 FROM resumes r WHERE r.worker_id = w.id)",
                "SELECT id FROM resumes WHERE (title ILIKE '%python%' OR title LIKE '%Java%')"
                        + " AND NOT title LIKE '%Senior%' AND title NOT ILIKE '%junior%'"
                        + " AND workload IN ('parttime', 'fulltime')"
                        + " AND compensation BETWEEN 30000 AND 150000 AND compensation IS NOT NULL"
                        + " AND worker_id NOT IN (1, 2, 3) AND id <> 5",
                "SELECT w.id, (SELECT r.id FROM resumes r WHERE r.worker_id = w.id"
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS newest FROM workers w WHERE w.id < 300",
                "SELECT id, CASE WHEN compensation > 100000 THEN 'high' WHEN compensation IS NULL THEN 'unknown'"
                        + " ELSE 'normal' END AS band, CASE workload WHEN 'parttime' THEN 1 ELSE 2 END,"
                        + " workload::text, compensation * 12 / 6 - 1, upper(title), lower(title),"
                        + " coalesce(compensation, 0), title || '!' FROM resumes WHERE id < 100",
                "SELECT worker_id FROM resumes WHERE compensation < 60000"
                        + " UNION SELECT worker_id FROM resumes WHERE workload = 'parttime'",
                "SELECT worker_id FROM resumes WHERE compensation < 60000"
                        + " INTERSECT ALL SELECT worker_id FROM resumes WHERE workload = 'parttime'"
                        + " EXCEPT SELECT id FROM workers WHERE id < 100",
                "SELECT DISTINCT workload FROM resumes",
                "SELECT w.id, latest.title FROM workers w CROSS JOIN LATERAL (SELECT r.title FROM resumes r"
                        + " WHERE r.worker_id = w.id ORDER BY r.id DESC LIMIT 2) latest WHERE w.id < 100",
                "SELECT oi.\"user\", sum(oi.\"Qty\") AS \"Total Qty\" FROM \"Order Items\" oi"
                        + " WHERE oi.\"Item Id\" > 1 GROUP BY oi.\"user\"",
                "SELECT count(*) FROM public.Resumes WHERE Workload = 'fulltime';",
                "SELECT id, extract(year FROM created_at) AS y, extract(epoch FROM created_at) AS e,"
                        + " date_trunc('day', created_at) AS d, created_at + interval '1 day' AS next_day,"
                        + " created_at - interval '2 hours 30 minutes' AS earlier, time '08:30' AS t,"
                        + " created_at - date '2000-01-01' AS since FROM resumes"
                        + " WHERE created_at > date '2000-01-01' AND created_at < timestamp '2999-12-31 23:59:59'"
                        + " AND created_at < current_date + interval '2 days' AND id < 20",
                "SELECT date_trunc('month', created_at) AS month, count(*) FROM resumes"
                        + " GROUP BY date_trunc('month', created_at) HAVING max(created_at) - min(created_at)"
                        + " < interval '1 year 2 mons'",
            })
    void supportedQueryImportsWithoutRawSqlAndKeepsItsRows(String sql) {
        var imported = importAndCompare(sql, false);

        assertThat(imported.warnings()).isEmpty();
        // Rendering and importing again gives the same model: nothing drifts when a query is saved as SQL.
        var reimported = importer.importSql(renderer.renderInlined(imported.query(), Map.of()));
        assertThat(reimported.query()).isEqualTo(imported.query());
    }

    @Test
    void showcaseQueriesImportWithoutRawSqlAndKeepTheirRows() {
        var average = importer.importSql(Showcase.AVERAGE_PER_WORKLOAD_SQL);
        var difference = importAndCompare(Showcase.DIFFERENCE_TO_AVERAGE_SQL + ", id", true);

        assertThat(average.warnings()).isEmpty();
        assertThat(sorted(database.rows(renderer.render(average.query(), Map.of()))))
                .isEqualTo(sorted(database.rows(Showcase.AVERAGE_PER_WORKLOAD_SQL)));
        assertThat(difference.warnings()).isEmpty();
    }

    @Test
    void recursiveCteGeneratingASeriesImportsAsSetOperation() {
        var imported = importAndCompare(
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT x FROM n", false);

        var select = (Query.Select) imported.query();
        assertThat(imported.warnings()).isEmpty();
        assertThat(select.with().getFirst().recursive()).isTrue();
        assertThat(select.with().getFirst().columns()).containsExactly("x");
        assertThat(select.with().getFirst().query()).isInstanceOf(Query.SetOperation.class);
        assertThat(select.from()).containsExactly(new TableSource.CteReference("n", null));
    }

    @Test
    void distinctOnWithOrderKeepsRowsInOrder() {
        var imported = importAndCompare(
                "SELECT DISTINCT ON (worker_id) worker_id, id FROM resumes ORDER BY worker_id, id DESC LIMIT 50", true);

        assertThat(((Query.Select) imported.query()).distinctOn()).hasSize(1);
        assertThat(imported.warnings()).isEmpty();
    }

    @Test
    void setOperationWithOuterOrderByAndLimitKeepsRowsInOrder() {
        var imported = importAndCompare(
                "SELECT worker_id FROM resumes WHERE compensation < 60000"
                        + " UNION SELECT id FROM workers WHERE id < 50 ORDER BY 1 DESC LIMIT 10 OFFSET 2",
                true);

        var operation = (Query.SetOperation) imported.query();
        assertThat(operation.limit()).isEqualTo(Expression.number(10));
        assertThat(operation.orderBy()).hasSize(1);
    }

    @Test
    void tableFunctionInFromStaysRawWithAWarningAndStillRuns() {
        var imported = importAndCompare(
                "SELECT g.n, w.username FROM generate_series(1, 5) AS g(n) JOIN workers w ON w.id = g.n", false);

        assertThat(imported.warnings()).isNotEmpty();
        assertThat(imported.warnings().getFirst().sql()).contains("generate_series");
        assertThat(imported.warnings().getFirst().message()).contains("kept as SQL");
    }

    @Test
    void joinUsingStaysRawWithAWarningAndStillRuns() {
        var imported = importAndCompare(
                "SELECT vr.resume_id, r.title FROM vacancies_replies vr JOIN resumes r"
                        + " ON r.id = vr.resume_id JOIN workers w USING (id) WHERE vr.vacancy_id < 50",
                false);

        assertThat(imported.warnings()).singleElement().satisfies(warning -> assertThat(warning.sql())
                .containsIgnoringCase("using"));
    }

    @Test
    void statementThatIsNotASelectStaysOneRawQuery() {
        var imported = importer.importSql("UPDATE workers SET username = username WHERE id = -1");

        assertThat(imported.query()).isEqualTo(new Query.Raw("UPDATE workers SET username = username WHERE id = -1"));
        assertThat(imported.warnings()).singleElement().satisfies(warning -> assertThat(warning.message())
                .contains("only SELECT"));
    }

    @Test
    void unparsableSelectStaysOneRawQueryAndStillRuns() {
        var sql = "SELECT id FROM workers WHERE id < 5 AND username ~ '^[a-z]' ORDER BY id";

        var imported = importAndCompare(sql, true);

        assertThat(imported.warnings()).isNotEmpty();
    }

    @Test
    void namedParameterImportsAsParameterAndRunsWithItsValue() {
        var imported = importer.importSql("SELECT id FROM resumes WHERE compensation > :minimum AND workload = :load");

        var actual = database.rows(renderer.render(imported.query(), Map.of("minimum", 50000, "load", "parttime")));

        assertThat(imported.warnings()).isEmpty();
        assertThat(renderer.renderNamed(imported.query())).contains(":minimum", ":load");
        assertThat(sorted(actual))
                .isNotEmpty()
                .isEqualTo(sorted(
                        database.rows("SELECT id FROM resumes WHERE compensation > 50000 AND workload = 'parttime'")));
    }

    @Test
    void unquotedNamesFoldToLowerCaseAndQuotedOnesKeepTheirSpelling() {
        var imported = importer.importSql("SELECT \"Qty\", Item FROM \"Order Items\" AS OI");

        var select = (Query.Select) imported.query();
        assertThat(select.from()).containsExactly(new TableSource.Table(null, "Order Items", "oi"));
        assertThat(renderer.render(select, Map.of()).sql())
                .isEqualTo("select \"Qty\", item from \"Order Items\" as oi");
    }

    @Test
    void positionalDollarParametersImportAsNumberedParameters() {
        var imported = importer.importSql("SELECT id FROM resumes WHERE worker_id = $1 AND compensation > $2");

        var actual = database.rows(renderer.render(imported.query(), Map.of("1", 7, "2", 1)));

        assertThat(imported.warnings()).isEmpty();
        assertThat(renderer.renderNamed(imported.query())).contains("worker_id = :1", "compensation > :2");
        assertThat(sorted(actual))
                .isNotEmpty()
                .isEqualTo(sorted(database.rows("SELECT id FROM resumes WHERE worker_id = 7 AND compensation > 1")));
    }

    @Test
    void functionsUnknownToTheParserBecomeFunctionCalls() {
        var imported = importAndCompare(
                "SELECT id, md5(title), split_part(title, ' ', 1), pg_catalog.upper(title) FROM resumes WHERE id < 20",
                false);

        var items = ((Query.Select) imported.query()).items();
        assertThat(imported.warnings()).isEmpty();
        assertThat(items)
                .extracting(item -> ((dev.athanor.query.model.SelectItem.Value) item).expression())
                .filteredOn(Expression.FunctionCall.class::isInstance)
                .extracting(expression -> ((Expression.FunctionCall) expression).name())
                .contains("md5", "split_part");
    }

    @Test
    void timestamptzLiteralImportsAsATimestampWithTimeZone() {
        var imported = importAndCompare(
                "SELECT id, timestamptz '2012-09-01 08:00:00+02' AS t FROM resumes"
                        + " WHERE created_at > timestamptz '2000-01-01 00:00:00+00' AND id < 5",
                false);

        assertThat(imported.warnings()).isEmpty();
        assertThat(renderer.renderInlined(imported.query(), Map.of()))
                .contains("timestamp with time zone '2012-09-01 08:00:00+02:00' as t");
    }

    @Test
    void nowKeepsItsTimeZoneWhenImported() {
        var imported = importAndCompare(
                "SELECT pg_typeof(now())::text, id FROM resumes WHERE created_at < now() AND id < 10", false);

        assertThat(imported.warnings()).isEmpty();
    }
}
