package dev.athanor.query.export;

import static dev.athanor.query.model.Expression.column;
import static dev.athanor.query.testing.SampleDatabase.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.parse.SqlImporter;
import dev.athanor.query.render.QueryRenderer;
import dev.athanor.query.testing.CanonicalRows;
import dev.athanor.query.testing.CompiledJava;
import dev.athanor.query.testing.ExportedPython;
import dev.athanor.query.testing.SampleDatabase;
import dev.athanor.query.testing.Showcase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exported jOOQ code compiles and the exported SQLAlchemy code runs, and the queries they build return the same
 * rows as the model's own rendering, on the sample database.
 */
class ExportRunTest {
    private static SampleDatabase database;
    private final JooqJavaExporter jooq = new JooqJavaExporter();
    private final QueryRenderer renderer = new QueryRenderer();

    @BeforeAll
    static void createDatabase() {
        database = SampleDatabase.create("export");
    }

    /** The showcase queries and one query for each clause kind the exporters spell differently. */
    private static List<Query> queries() {
        var importer = new SqlImporter();
        return List.of(
                Showcase.averagePerWorkload(),
                Showcase.differenceToAverage(),
                importer.importSql(
                                "SELECT w.id, v.id FROM workers w CROSS JOIN vacancies v WHERE w.id < 4 AND v.id < 4")
                        .query(),
                importer.importSql("SELECT u.id, p.id FROM users u FULL JOIN projects p ON p.owner_id = u.id")
                        .query(),
                importer.importSql("SELECT id, sum(compensation) OVER (PARTITION BY worker_id ORDER BY id"
                                + " ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), row_number() OVER w"
                                + " FROM resumes WHERE worker_id < 100 AND title NOT ILIKE '%java%'"
                                + " WINDOW w AS (ORDER BY id)")
                        .query(),
                importer.importSql("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10)"
                                + " SELECT x FROM n")
                        .query(),
                importer.importSql("SELECT workload, worker_id % 3, count(*), count(DISTINCT worker_id)"
                                + " FROM resumes WHERE compensation BETWEEN 1 AND 100000 AND worker_id IN (1, 2, 3, 4)"
                                + " GROUP BY GROUPING SETS ((workload), (worker_id % 3), ())")
                        .query(),
                importer.importSql("SELECT w.id FROM workers w WHERE NOT EXISTS (SELECT 1 FROM resumes r"
                                + " WHERE r.worker_id = w.id) OR w.id IN (SELECT worker_id FROM resumes"
                                + " WHERE workload = 'parttime') ORDER BY 1 DESC LIMIT 20")
                        .query(),
                importer.importSql("SELECT w.id, r.title FROM workers w CROSS JOIN LATERAL (SELECT title FROM resumes"
                                + " WHERE worker_id = w.id ORDER BY id LIMIT 1) r WHERE w.id < 20")
                        .query(),
                importer.importSql("SELECT id FROM workers WHERE id < 5 UNION SELECT id FROM vacancies WHERE id < 5"
                                + " ORDER BY 1 DESC LIMIT 3")
                        .query(),
                importer.importSql("SELECT DISTINCT ON (workload) workload, id FROM resumes ORDER BY workload, id")
                        .query(),
                importer.importSql("SELECT id, CASE WHEN compensation > 100000 THEN 'high' ELSE 'low' END AS band"
                                + " FROM resumes WHERE id < 10")
                        .query(),
                importer.importSql("SELECT g FROM generate_series(1, 5) AS g").query(),
                textMatch("Python", Predicate.TextMatch.Position.CONTAINS),
                textMatch("Senior", Predicate.TextMatch.Position.STARTS_WITH),
                textMatch("Engineer", Predicate.TextMatch.Position.ENDS_WITH),
                importer.importSql("SELECT id, extract(year FROM created_at) AS y, date_trunc('day', created_at) AS d,"
                                + " created_at + interval '1 day' AS next_day, time '08:30' AS t,"
                                + " created_at - interval '2 hours 30 minutes' AS earlier FROM resumes"
                                + " WHERE created_at > date '2000-01-01' AND date '2000-01-01' < created_at"
                                + " AND created_at < timestamp '2999-12-31 23:59:59'"
                                + " AND created_at < current_date + interval '2 days' AND id < 20")
                        .query(),
                importer.importSql("SELECT date_trunc('month', created_at) AS month, count(*) FROM resumes"
                                + " GROUP BY date_trunc('month', created_at)")
                        .query(),
                Query.select(
                                SelectItem.of(column("id")),
                                SelectItem.of(
                                        new Expression.Extract(Expression.Extract.Field.DOW, column("created_at")),
                                        "dow"),
                                SelectItem.of(
                                        new Expression.Arithmetic(
                                                column("created_at"),
                                                Expression.Arithmetic.Operator.SUBTRACT,
                                                new Expression.Literal(
                                                        Expression.Literal.Type.TIMESTAMPTZ,
                                                        "2012-09-01 08:00:00+02:00")),
                                        "since"))
                        .withFrom(TableSource.table(null, "resumes", null))
                        .withWhere(Predicate.compare(
                                column("id"), Predicate.Comparison.Operator.LT, Expression.number(5))),
                ((Query.Select) importer.importSql("SELECT t FROM (VALUES ('a_b'), ('axb')) AS v(t)")
                                .query())
                        .withWhere(new Predicate.TextMatch(
                                Expression.column(null, "t"),
                                Expression.string("_"),
                                Predicate.TextMatch.Position.CONTAINS)));
    }

    /** Resumes whose title contains, starts or ends with {@code part}. */
    private static Query textMatch(String part, Predicate.TextMatch.Position position) {
        var select = (Query.Select)
                new SqlImporter().importSql("SELECT id, title FROM resumes").query();
        return select.withWhere(
                new Predicate.TextMatch(Expression.column(null, "title"), Expression.string(part), position));
    }

    /** A query with parameters, and their values. */
    private static final String PARAMETERIZED =
            "SELECT id, title FROM resumes WHERE compensation > :min_compensation AND workload = :workload";

    private static final Map<String, Object> PARAMETER_VALUES =
            Map.of("min_compensation", 100000, "workload", "fulltime");

    @Test
    void exportedCodeOfAQueryWithParametersRunsWithTheirValues() throws Exception {
        var query = new SqlImporter().importSql(PARAMETERIZED).query();
        var expected = CanonicalRows.of(database.rows(renderer.render(query, PARAMETER_VALUES)));
        assertThat(expected).isNotEmpty();

        String python = new SqlAlchemyExporter().export(query);
        var outcome = ExportedPython.run(database, Map.of("q", python), Map.of("q", PARAMETER_VALUES))
                .get("q");
        assertThat(outcome.error()).as("error of exported code:\n%s", python).isNull();
        assertThat(CanonicalRows.sorted(outcome.rows())).isEqualTo(CanonicalRows.sorted(expected));

        String java = "    public static org.jooq.Query query(DSLContext ctx) {\n        return "
                + jooq.expression(query) + ";\n    }\n";
        var compiled = CompiledJava.jooq("ExportedWithParameters", java);
        assertThat(compiled.type())
                .as("exported code compiles:\n%s", compiled.errors())
                .isNotNull();
        var built = (org.jooq.Query)
                compiled.type().getMethod("query", DSLContext.class).invoke(null, DSL.using(SQLDialect.POSTGRES));
        PARAMETER_VALUES.forEach(built::bind);
        var rows = CanonicalRows.of(database.rows(built.getSQL(org.jooq.conf.ParamType.INLINED)));
        assertThat(CanonicalRows.sorted(rows)).isEqualTo(CanonicalRows.sorted(expected));
    }

    @Test
    void exportedSqlAlchemyCodeOfShowcaseAndClauseQueriesRunsAndReturnsTheSameRows() {
        var queries = queries();
        var sqlAlchemy = new SqlAlchemyExporter();
        var code = new LinkedHashMap<String, String>();
        for (int i = 0; i < queries.size(); i++) {
            code.put("query" + i, sqlAlchemy.export(queries.get(i)));
        }

        var outcomes = ExportedPython.run(database, code);

        for (int i = 0; i < queries.size(); i++) {
            var expected = CanonicalRows.of(database.rows(renderer.render(queries.get(i), Map.of())));
            var outcome = outcomes.get("query" + i);
            assertThat(expected).as("rows of query %d", i).isNotEmpty();
            assertThat(outcome.error())
                    .as("error of exported query %d:\n%s", i, code.get("query" + i))
                    .isNull();
            assertThat(CanonicalRows.sorted(outcome.rows()))
                    .as("rows of exported query %d:\n%s", i, code.get("query" + i))
                    .isEqualTo(CanonicalRows.sorted(expected));
        }
    }

    @Test
    void exportedJooqCodeOfShowcaseAndClauseQueriesCompilesAndReturnsTheSameRows() throws Exception {
        var queries = queries();
        var sources = new StringBuilder();
        for (int i = 0; i < queries.size(); i++) {
            sources.append("    public static org.jooq.Query query")
                    .append(i)
                    .append("(DSLContext ctx) {\n        return ")
                    .append(jooq.expression(queries.get(i)))
                    .append(";\n    }\n");
        }
        var compiled = CompiledJava.jooq("Exported", sources.toString());
        assertThat(compiled.type())
                .as("exported code compiles:\n%s\n%s", compiled.errors(), sources)
                .isNotNull();
        var exported = compiled.type();
        DSLContext ctx = DSL.using(SQLDialect.POSTGRES);

        for (int i = 0; i < queries.size(); i++) {
            var built = (org.jooq.Query)
                    exported.getMethod("query" + i, DSLContext.class).invoke(null, ctx);
            var expected = database.rows(renderer.render(queries.get(i), Map.of()));
            var actual = database.rows(ctx.renderInlined(built));
            assertThat(expected).as("rows of query %d", i).isNotEmpty();
            assertThat(sorted(actual)).as("rows of exported query %d", i).isEqualTo(sorted(expected));
        }
    }
}
