package dev.athanor.query.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.ModelPaths;
import dev.athanor.query.model.Query;
import dev.athanor.query.parse.SqlImporter;
import dev.athanor.query.render.QueryRenderer;
import dev.athanor.query.testing.SampleDatabase;
import dev.athanor.query.testing.Showcase;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation against the sample database's catalog. Each reported problem is one PostgreSQL also rejects (the
 * query is run to prove it), and queries PostgreSQL accepts get no report.
 */
class QueryValidatorTest {
    private static SampleDatabase database;
    private static QueryValidator validator;
    private final SqlImporter importer = new SqlImporter();
    private final QueryRenderer renderer = new QueryRenderer();

    @BeforeAll
    static void loadCatalog() throws Exception {
        database = SampleDatabase.create("validate");
        try (var connection = database.connect()) {
            validator = new QueryValidator(new CatalogSchemaLookup(CatalogLoader.load(connection)));
        }
    }

    private Query model(String sql) {
        var imported = importer.importSql(sql);
        assertThat(imported.warnings()).as("import of %s", sql).isEmpty();
        return imported.query();
    }

    /** The single problem of the query, after checking that PostgreSQL refuses to run it too. */
    private ValidationProblem onlyProblem(String sql) {
        var query = model(sql);
        assertThatThrownBy(() -> database.rows(renderer.render(query, Map.of())))
                .as("PostgreSQL rejects %s", sql)
                .isInstanceOf(IllegalStateException.class);
        var problems = validator.validate(query);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT w.id, w.username, count(r.id) FROM workers w JOIN resumes r ON r.worker_id = w.id GROUP BY w.id",
                "SELECT workload, count(*) AS n FROM resumes GROUP BY workload HAVING count(*) > 1 ORDER BY n DESC",
                "SELECT r.workload, avg(r.compensation)::int FROM resumes r WHERE r.workload = 'parttime'"
                        + " AND r.compensation > '40000' GROUP BY r.workload",
                "SELECT id FROM resumes WHERE title = '5' AND workload IN ('parttime', 'fulltime')",
                "SELECT w.id, (SELECT max(r.id) FROM resumes r WHERE r.worker_id = w.id) FROM workers w",
                "SELECT x FROM (SELECT id AS x FROM workers) s WHERE s.x < 5",
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT x FROM n",
                "SELECT workload, worker_id % 3, count(*) FROM resumes GROUP BY ROLLUP (workload, worker_id % 3)",
                "SELECT id, row_number() OVER (PARTITION BY workload ORDER BY id) FROM resumes",
                "SELECT workload, sum(count(*)) OVER () FROM resumes GROUP BY workload",
                "SELECT id, created_at + interval '1 day', created_at - date '2000-01-01', extract(year FROM created_at),"
                        + " date_trunc('month', created_at) + interval '1 month', interval '30 minutes' * id"
                        + " FROM resumes WHERE created_at >= date '2000-01-01' AND created_at - interval '1 hour' < now()"
                        + " AND date '2020-01-01' + 1 < created_at AND created_at - created_at < interval '1 day'",
            })
    void queriesPostgresqlAcceptsHaveNoProblems(String sql) {
        var query = model(sql);

        assertThat(database.rows(renderer.render(query, Map.of()))).isNotNull();
        assertThat(validator.validate(query)).isEmpty();
    }

    @Test
    void showcaseQueriesHaveNoProblems() {
        assertThat(validator.validate(Showcase.averagePerWorkload())).isEmpty();
        assertThat(validator.validate(Showcase.differenceToAverage())).isEmpty();
    }

    @Test
    void unknownTableIsReportedAtItsFromItem() {
        var problem = onlyProblem("SELECT 1 FROM resume");

        assertThat(problem.kind()).isEqualTo(Kind.UNKNOWN_TABLE);
        assertThat(problem.path()).isEqualTo("from[0]");
        assertThat(problem.message()).isEqualTo("There is no table or view called resume.");
    }

    @Test
    void unknownColumnOfAnAliasIsReportedAtTheReference() {
        var problem = onlyProblem("SELECT r.salary FROM resumes r");

        assertThat(problem.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
        assertThat(problem.path()).isEqualTo("items[0].expression");
        assertThat(problem.message()).isEqualTo("r has no column salary.");
        assertThat(ModelPaths.find(model("SELECT r.salary FROM resumes r"), problem.path()))
                .contains(Expression.column("r", "salary"));
    }

    @Test
    void unqualifiedUnknownColumnIsReported() {
        var problem = onlyProblem("SELECT id FROM workers WHERE salary > 3");

        assertThat(problem.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
        assertThat(problem.path()).isEqualTo("where.left");
    }

    @Test
    void unknownAliasInAJoinConditionIsReported() {
        var problem = onlyProblem("SELECT 1 FROM resumes r JOIN workers w ON x.id = r.worker_id");

        assertThat(problem.kind()).isEqualTo(Kind.UNKNOWN_TABLE);
        assertThat(problem.path()).isEqualTo("from[0].on.left");
    }

    @Test
    void columnOfASubqueryThatItDoesNotSelectIsReported() {
        var problem = onlyProblem("SELECT s.username FROM (SELECT id FROM workers) s");

        assertThat(problem.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
        assertThat(problem.message()).isEqualTo("s has no column username.");
    }

    @Test
    void selectedColumnNeitherGroupedNorAggregatedIsReported() {
        var problem = onlyProblem("SELECT title, count(*) FROM resumes GROUP BY workload");

        assertThat(problem.kind()).isEqualTo(Kind.NOT_GROUPED);
        assertThat(problem.path()).isEqualTo("items[0].expression");
        assertThat(problem.message()).contains("title must be in GROUP BY or inside an aggregate");
    }

    @Test
    void columnNextToAnAggregateWithoutGroupByIsReported() {
        var problem = onlyProblem("SELECT r.title, max(r.compensation) FROM resumes r");

        assertThat(problem.kind()).isEqualTo(Kind.NOT_GROUPED);
        assertThat(problem.path()).isEqualTo("items[0].expression");
    }

    @Test
    void aggregateInWhereIsReported() {
        var problem = onlyProblem("SELECT workload FROM resumes WHERE avg(compensation) > 5 GROUP BY workload");

        assertThat(problem.kind()).isEqualTo(Kind.AGGREGATE_NOT_ALLOWED);
        assertThat(problem.path()).isEqualTo("where.left");
        assertThat(problem.message()).contains("use HAVING");
    }

    @Test
    void windowFunctionInWhereIsReported() {
        var problem = onlyProblem("SELECT id FROM resumes WHERE row_number() OVER (ORDER BY id) < 5");

        assertThat(problem.kind()).isEqualTo(Kind.WINDOW_NOT_ALLOWED);
        assertThat(problem.path()).isEqualTo("where.left");
    }

    @Test
    void windowFunctionInHavingIsReported() {
        var problem = onlyProblem("SELECT workload FROM resumes GROUP BY workload HAVING sum(count(*)) OVER () > 5");

        assertThat(problem.kind()).isEqualTo(Kind.WINDOW_NOT_ALLOWED);
        assertThat(problem.path()).isEqualTo("having.left");
    }

    @Test
    void integerColumnComparedWithNonNumericTextIsReported() {
        var problem = onlyProblem("SELECT id FROM resumes WHERE compensation = 'a lot'");

        assertThat(problem.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(problem.path()).isEqualTo("where.right");
        assertThat(problem.message()).isEqualTo("compensation holds numbers (integer); 'a lot' is not a number.");
    }

    @Test
    void enumColumnComparedWithAnUnknownLabelIsReported() {
        var problem = onlyProblem("SELECT id FROM resumes WHERE workload IN ('parttime', 'part-time')");

        assertThat(problem.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(problem.path()).isEqualTo("where.values[1]");
        assertThat(problem.message())
                .isEqualTo("workload is a workload_enum; 'part-time' is not one of its values (parttime, fulltime).");
    }

    @Test
    void textColumnComparedWithANumberIsReported() {
        var problem = onlyProblem("SELECT id FROM workers WHERE username = 42");

        assertThat(problem.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(problem.message()).contains("write the number as text in quotes: '42'");
    }

    @Test
    void sumOfTwoTimestampsIsReported() {
        var problem = onlyProblem("SELECT created_at + created_at FROM resumes");

        assertThat(problem.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(problem.path()).isEqualTo("items[0].expression");
        assertThat(problem.message()).startsWith("PostgreSQL has no timestamp + timestamp: add an interval");
    }

    @Test
    void timestampComparedWithANumberIsReported() {
        var problem = onlyProblem("SELECT id FROM resumes WHERE created_at > 2012");

        assertThat(problem.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(problem.path()).isEqualTo("where.right");
        assertThat(problem.message()).startsWith("A timestamp cannot be compared with a number");
    }

    @Test
    void extractFromANumberIsReported() {
        var problem = onlyProblem("SELECT extract(year FROM compensation) FROM resumes");

        assertThat(problem.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(problem.path()).isEqualTo("items[0].expression");
    }

    @Test
    void hourOfADateIsReported() {
        var problem = onlyProblem("SELECT extract(hour FROM date '2020-01-01') FROM resumes");

        assertThat(problem.message()).isEqualTo("A date has no hour: extract it from a timestamp.");
    }

    @Test
    void problemsInsideCtesCarryTheirPath() {
        var problems = validator.validate(model("WITH recent AS (SELECT id, titel FROM resumes) SELECT * FROM recent"));

        assertThat(problems).extracting(ValidationProblem::path).containsExactly("with[0].query.items[1].expression");
    }

    @Test
    void rawSqlIsNotGuessedAbout() {
        var imported = importer.importSql("SELECT g.n, g.whatever FROM generate_series(1, 3) AS g(n)");

        assertThat(imported.warnings()).isNotEmpty();
        assertThat(validator.validate(imported.query())).isEmpty();
    }

    @Test
    void distinctOnWhoseExpressionsDoNotLeadOrderByIsReported() {
        var problem = onlyProblem("SELECT DISTINCT ON (worker_id) worker_id, id FROM resumes ORDER BY id, worker_id");

        assertThat(problem.kind()).isEqualTo(Kind.DISTINCT_ORDER);
        assertThat(problem.path()).isEqualTo("orderBy[0].expression");
    }

    @Test
    void selectDistinctOrderedByAColumnItDoesNotSelectIsReported() {
        var problem = onlyProblem("SELECT DISTINCT workload FROM resumes ORDER BY id");

        assertThat(problem.kind()).isEqualTo(Kind.DISTINCT_ORDER);
        assertThat(problem.path()).isEqualTo("orderBy[0].expression");
    }

    @Test
    void distinctQueriesOrderedTheWayPostgresqlAllowsHaveNoProblems() {
        for (var sql : java.util.List.of(
                "SELECT DISTINCT ON (worker_id) worker_id, id FROM resumes ORDER BY worker_id, id DESC",
                "SELECT DISTINCT workload AS w FROM resumes ORDER BY w",
                "SELECT DISTINCT workload FROM resumes ORDER BY 1 DESC")) {
            var query = model(sql);
            assertThat(database.rows(renderer.render(query, Map.of()))).isNotEmpty();
            assertThat(validator.validate(query)).as(sql).isEmpty();
        }
    }

    @Test
    void tablesSideBySideWithNoConditionBetweenThemAreACrossJoin() {
        var problems = validator.validate(model("SELECT w.id, v.id FROM workers w, vacancies v"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.CROSS_JOIN);
            assertThat(problem.path()).isEqualTo("from");
            assertThat(problem.message()).contains("w, v").contains("cross join");
        });
    }

    @Test
    void tablesSideBySideJoinedByAWhereConditionAreNotACrossJoin() {
        var query = model("SELECT w.id, r.id FROM workers w, resumes r WHERE r.worker_id = w.id AND r.id < 5");

        assertThat(validator.validate(query)).isEmpty();
    }

    @Test
    void rawTextThatIsNotAnExpressionIsReportedWhereItStands() {
        var query = ((Query.Select) model("SELECT id FROM resumes"))
                .withWhere(new dev.athanor.query.model.Predicate.Like(
                        Expression.column(null, "title"), new Expression.Raw("%Python%"), false, false));
        assertThatThrownBy(() -> database.rows(renderer.render(query, Map.of())))
                .as("PostgreSQL rejects the raw text")
                .isInstanceOf(IllegalStateException.class);

        assertThat(validator.validate(query)).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.UNREADABLE_SQL);
            assertThat(problem.path()).isEqualTo("where.pattern");
        });
    }

    @Test
    void rawSqlPostgresqlReadsIsNotReported() {
        var query = ((Query.Select) model("SELECT id FROM resumes"))
                .withWhere(new dev.athanor.query.model.Predicate.Raw("title ~* 'python' AND id % 2 = 0"));

        assertThat(database.rows(renderer.render(query, Map.of()))).isNotEmpty();
        assertThat(validator.validate(query)).isEmpty();
    }
}
