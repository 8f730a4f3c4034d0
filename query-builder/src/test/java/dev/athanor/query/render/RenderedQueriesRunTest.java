package dev.athanor.query.render;

import static dev.athanor.query.model.Expression.aggregate;
import static dev.athanor.query.model.Expression.column;
import static dev.athanor.query.model.Expression.number;
import static dev.athanor.query.model.Expression.string;
import static dev.athanor.query.model.Predicate.Comparison.Operator.GT;
import static dev.athanor.query.model.Predicate.Comparison.Operator.LE;
import static dev.athanor.query.model.Predicate.Comparison.Operator.LT;
import static dev.athanor.query.model.Predicate.compare;
import static dev.athanor.query.model.Predicate.equal;
import static dev.athanor.query.testing.SampleDatabase.inOrder;
import static dev.athanor.query.testing.SampleDatabase.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.NamedWindow;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.Query.SetOperation;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableAliases;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.model.TableSource.Join;
import dev.athanor.query.model.WindowSpec;
import dev.athanor.query.model.WindowSpec.Bound;
import dev.athanor.query.model.WindowSpec.Frame;
import dev.athanor.query.testing.SampleDatabase;
import dev.athanor.query.testing.Showcase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each clause kind built through the model, rendered with bind values and run on the sample database, gives the
 * same rows as the equivalent hand-written SQL.
 */
class RenderedQueriesRunTest {
    private static SampleDatabase database;
    private final QueryRenderer renderer = new QueryRenderer();

    @BeforeAll
    static void createDatabase() {
        database = SampleDatabase.create("render");
    }

    private static TableSource.Table table(String name, String alias) {
        return TableSource.table(null, name, alias);
    }

    private static Query.Select selectFrom(TableSource from, SelectItem... items) {
        return Query.select(items).withFrom(from);
    }

    /** Runs both, asserts the hand-written query returns rows, and that the rendered one returns the same. */
    private void assertSameRows(Query model, Map<String, ?> parameters, String handWritten) {
        var expected = database.rows(handWritten);
        var actual = database.rows(renderer.render(model, parameters));
        assertThat(expected).as("rows of the hand-written query").isNotEmpty();
        assertThat(sorted(actual)).isEqualTo(sorted(expected));
    }

    private void assertSameRows(Query model, String handWritten) {
        assertSameRows(model, Map.of(), handWritten);
    }

    private void assertSameOrderedRows(Query model, String handWritten) {
        var expected = database.rows(handWritten);
        var actual = database.rows(renderer.render(model, Map.of()));
        assertThat(expected).as("rows of the hand-written query").isNotEmpty();
        assertThat(inOrder(actual)).isEqualTo(inOrder(expected));
    }

    @Test
    void showcaseAverageCompensationPerWorkloadMatchesHandWrittenSql() {
        var expected = database.rows(Showcase.AVERAGE_PER_WORKLOAD_SQL);
        var actual = database.rows(renderer.render(Showcase.averagePerWorkload(), Map.of()));

        assertThat(sorted(actual)).isEqualTo(sorted(expected));
        // The HAVING threshold may filter everything out on some data: then compare without it.
        if (expected.isEmpty()) {
            assertSameRows(
                    Showcase.averagePerWorkload().withHaving(null),
                    Showcase.AVERAGE_PER_WORKLOAD_SQL.replace("HAVING avg(compensation) > 70000", ""));
        }
    }

    @Test
    void showcaseDifferenceToWorkloadAverageMatchesHandWrittenSqlInOrder() {
        var expected = database.rows(Showcase.DIFFERENCE_TO_AVERAGE_SQL);
        var actual = database.rows(renderer.render(Showcase.differenceToAverage(), Map.of()));

        assertThat(expected).isNotEmpty();
        assertThat(sorted(actual)).isEqualTo(sorted(expected));
        // Ties may come in any order, but the sort key sequence is fixed.
        int diff = expected.getFirst().size() - 1;
        assertThat(actual.stream().map(row -> String.valueOf(row.get(diff))).toList())
                .isEqualTo(expected.stream()
                        .map(row -> String.valueOf(row.get(diff)))
                        .toList());
    }

    @Test
    void innerJoinMatches() {
        var model = selectFrom(
                        table("resumes", "r")
                                .join(
                                        Join.Type.INNER,
                                        table("workers", "w"),
                                        equal(column("r", "worker_id"), column("w", "id"))),
                        SelectItem.of(column("w", "username")),
                        SelectItem.of(column("r", "title")))
                .withWhere(compare(column("w", "id"), LT, number(50)));

        assertSameRows(
                model,
                "SELECT w.username, r.title FROM resumes r JOIN workers w ON r.worker_id = w.id WHERE w.id < 50");
    }

    @Test
    void leftJoinKeepsRowsWithoutMatch() {
        var model = selectFrom(
                        table("vacancies", "v")
                                .join(
                                        Join.Type.LEFT,
                                        table("vacancies_replies", "vr"),
                                        equal(column("vr", "vacancy_id"), column("v", "id"))),
                        SelectItem.of(column("v", "id")),
                        SelectItem.of(aggregate("count", column("vr", "resume_id")), "replies"))
                .withGroupBy(column("v", "id"));

        assertSameRows(
                model,
                "SELECT v.id, count(vr.resume_id) FROM vacancies v LEFT JOIN vacancies_replies vr"
                        + " ON vr.vacancy_id = v.id GROUP BY v.id");
    }

    @Test
    void rightJoinMatches() {
        var model = selectFrom(
                        table("resumes", "r")
                                .join(
                                        Join.Type.RIGHT,
                                        table("workers", "w"),
                                        Predicate.and(
                                                equal(column("r", "worker_id"), column("w", "id")),
                                                equal(column("r", "workload"), string("parttime")))),
                        SelectItem.of(column("w", "id")),
                        SelectItem.of(column("r", "id")))
                .withWhere(compare(column("w", "id"), LE, number(300)));

        assertSameRows(
                model,
                "SELECT w.id, r.id FROM resumes r RIGHT JOIN workers w ON r.worker_id = w.id"
                        + " AND r.workload = 'parttime' WHERE w.id <= 300");
    }

    @Test
    void fullJoinMatches() {
        var model = selectFrom(
                table("users", "u")
                        .join(
                                Join.Type.FULL,
                                table("projects", "p"),
                                equal(column("p", "owner_id"), column("u", "id"))),
                SelectItem.of(column("u", "id")),
                SelectItem.of(column("p", "id")));

        assertSameRows(model, "SELECT u.id, p.id FROM users u FULL JOIN projects p ON p.owner_id = u.id");
    }

    @Test
    void crossJoinMatches() {
        var model = selectFrom(
                        table("workers", "w").join(Join.Type.CROSS, table("vacancies", "v"), null),
                        SelectItem.of(column("w", "id")),
                        SelectItem.of(column("v", "id")))
                .withWhere(Predicate.and(
                        compare(column("w", "id"), LT, number(5)), compare(column("v", "id"), LT, number(4))));

        assertSameRows(model, "SELECT w.id, v.id FROM workers w CROSS JOIN vacancies v WHERE w.id < 5 AND v.id < 4");
    }

    @Test
    void selfJoinWithProposedAliasesMatches() {
        String first = TableAliases.propose("resumes", List.of());
        String second = TableAliases.propose("resumes", List.of(first));
        var model = selectFrom(
                        table("resumes", first)
                                .join(
                                        Join.Type.INNER,
                                        table("resumes", second),
                                        Predicate.and(
                                                equal(column(first, "worker_id"), column(second, "worker_id")),
                                                compare(column(first, "id"), LT, column(second, "id")))),
                        SelectItem.of(column(first, "id")),
                        SelectItem.of(column(second, "id")))
                .withWhere(compare(column(first, "worker_id"), LT, number(100)));

        assertThat(List.of(first, second)).containsExactly("r", "r2");
        assertSameRows(
                model,
                "SELECT a.id, b.id FROM resumes a JOIN resumes b ON a.worker_id = b.worker_id AND a.id < b.id"
                        + " WHERE a.worker_id < 100");
    }

    @Test
    void whereTreeOfAndOrNotWithEveryTestMatches() {
        var where = Predicate.and(
                Predicate.or(
                        new Predicate.Like(column("title"), string("%python%"), true, false),
                        new Predicate.Like(column("title"), string("%Java%"), false, false)),
                Predicate.not(new Predicate.Like(column("title"), string("%Senior%"), false, false)),
                new Predicate.InList(column("workload"), List.of(string("parttime"), string("fulltime")), false),
                new Predicate.Between(column("compensation"), number(30000), number(150000), false),
                new Predicate.IsNull(column("compensation"), true),
                new Predicate.InList(column("worker_id"), List.of(number(1), number(2), number(3)), true));
        var model =
                selectFrom(table("resumes", null), SelectItem.of(column("id"))).withWhere(where);

        assertSameRows(
                model,
                "SELECT id FROM resumes WHERE (title ILIKE '%python%' OR title LIKE '%Java%')"
                        + " AND NOT title LIKE '%Senior%' AND workload IN ('parttime', 'fulltime')"
                        + " AND compensation BETWEEN 30000 AND 150000 AND compensation IS NOT NULL"
                        + " AND worker_id NOT IN (1, 2, 3)");
    }

    @Test
    void inSubqueryAndExistsMatch() {
        var repliedResumes = selectFrom(table("vacancies_replies", "vr"), SelectItem.of(column("vr", "resume_id")))
                .withWhere(compare(column("vr", "vacancy_id"), LT, number(20)));
        var hasResume = selectFrom(table("resumes", "r"), SelectItem.of(number(1)))
                .withWhere(equal(column("r", "worker_id"), column("w", "id")));
        var model = selectFrom(table("workers", "w"), SelectItem.of(column("w", "id")))
                .withWhere(Predicate.or(
                        new Predicate.InSubquery(
                                column("w", "id"),
                                Query.select(SelectItem.of(column("worker_id")))
                                        .withFrom(table("resumes", null))
                                        .withWhere(new Predicate.InSubquery(column("id"), repliedResumes, false)),
                                false),
                        new Predicate.Exists(hasResume, true)));

        assertSameRows(
                model,
                "SELECT w.id FROM workers w WHERE w.id IN (SELECT worker_id FROM resumes WHERE id IN"
                        + " (SELECT vr.resume_id FROM vacancies_replies vr WHERE vr.vacancy_id < 20))"
                        + " OR NOT EXISTS (SELECT 1 FROM resumes r WHERE r.worker_id = w.id)");
    }

    @Test
    void aggregatesWithDistinctAndFilterMatch() {
        var model = selectFrom(
                        table("resumes", null),
                        SelectItem.of(column("workload")),
                        SelectItem.of(aggregate("count"), "total"),
                        SelectItem.of(
                                new Expression.Aggregate("count", true, List.of(column("worker_id")), null), "workers"),
                        SelectItem.of(
                                new Expression.Aggregate(
                                        "sum",
                                        false,
                                        List.of(column("compensation")),
                                        compare(column("compensation"), GT, number(100000))),
                                "high"),
                        SelectItem.of(aggregate("max", column("compensation"))))
                .withGroupBy(column("workload"))
                .withHaving(compare(aggregate("count"), GT, number(10)));

        assertSameRows(
                model,
                "SELECT workload, count(*), count(DISTINCT worker_id),"
                        + " sum(compensation) FILTER (WHERE compensation > 100000), max(compensation)"
                        + " FROM resumes GROUP BY workload HAVING count(*) > 10");
    }

    @Test
    void rollupCubeAndGroupingSetsMatch() {
        var rollup = selectFrom(
                        table("resumes", null),
                        SelectItem.of(column("workload")),
                        SelectItem.of(
                                new Expression.Arithmetic(
                                        column("worker_id"), Expression.Arithmetic.Operator.MODULO, number(3)),
                                "bucket"),
                        SelectItem.of(aggregate("count")))
                .withGroupBy(List.of(new Grouping.Rollup(List.of(
                        column("workload"),
                        new Expression.Arithmetic(
                                column("worker_id"), Expression.Arithmetic.Operator.MODULO, number(3))))));
        var cube = rollup.withGroupBy(List.of(new Grouping.Cube(List.of(
                column("workload"),
                new Expression.Arithmetic(column("worker_id"), Expression.Arithmetic.Operator.MODULO, number(3))))));
        var sets = rollup.withGroupBy(List.of(new Grouping.Sets(List.of(
                List.of(column("workload")),
                List.of(new Expression.Arithmetic(
                        column("worker_id"), Expression.Arithmetic.Operator.MODULO, number(3))),
                List.of()))));

        String select = "SELECT workload, worker_id % 3 AS bucket, count(*) FROM resumes GROUP BY ";
        assertSameRows(rollup, select + "ROLLUP (workload, worker_id % 3)");
        assertSameRows(cube, select + "CUBE (workload, worker_id % 3)");
        assertSameRows(sets, select + "GROUPING SETS ((workload), (worker_id % 3), ())");
    }

    @Test
    void windowFunctionsWithFramesMatch() {
        var byWorker = new WindowSpec(null, List.of(column("worker_id")), List.of(SortItem.asc(column("id"))), null);
        var model = selectFrom(
                        table("resumes", null),
                        SelectItem.of(column("id")),
                        SelectItem.of(new Expression.WindowFunction(Expression.function("row_number"), byWorker)),
                        SelectItem.of(aggregate("sum", column("compensation"))
                                .over(byWorker.withFrame(
                                        Frame.between(Frame.Unit.ROWS, Bound.preceding(2), Bound.currentRow())))),
                        SelectItem.of(aggregate("count")
                                .over(byWorker.withFrame(
                                        new Frame(Frame.Unit.RANGE, Bound.unboundedPreceding(), null)))),
                        SelectItem.of(aggregate("max", column("compensation"))
                                .over(byWorker.withFrame(Frame.between(
                                        Frame.Unit.GROUPS, Bound.currentRow(), Bound.unboundedFollowing())))),
                        SelectItem.of(aggregate("avg", column("compensation")).over(WindowSpec.named("w"))))
                .withWindows(List.of(new NamedWindow("w", WindowSpec.partitionBy(column("workload")))))
                .withWhere(compare(column("worker_id"), LT, number(200)));

        assertSameRows(
                model,
                "SELECT id, row_number() OVER (PARTITION BY worker_id ORDER BY id),"
                        + " sum(compensation) OVER (PARTITION BY worker_id ORDER BY id"
                        + " ROWS BETWEEN 2 PRECEDING AND CURRENT ROW),"
                        + " count(*) OVER (PARTITION BY worker_id ORDER BY id RANGE UNBOUNDED PRECEDING),"
                        + " max(compensation) OVER (PARTITION BY worker_id ORDER BY id"
                        + " GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),"
                        + " avg(compensation) OVER w"
                        + " FROM resumes WHERE worker_id < 200 WINDOW w AS (PARTITION BY workload)");
    }

    @Test
    void recursiveCteGeneratesASeries() {
        var base = Query.select(SelectItem.of(number(1)));
        var step = selectFrom(
                        new TableSource.CteReference("n", null),
                        SelectItem.of(
                                new Expression.Arithmetic(column("x"), Expression.Arithmetic.Operator.ADD, number(1))))
                .withWhere(compare(column("x"), LT, number(10)));
        var series = new CommonTableExpression(
                "n", List.of("x"), SetOperation.of(base, SetOperation.Operator.UNION, true, step), true);
        var model = selectFrom(new TableSource.CteReference("n", null), SelectItem.of(column("x")))
                .withWith(List.of(series));

        assertSameRows(
                model, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT x FROM n");
        assertThat(database.rows(renderer.render(model, Map.of()))).hasSize(10);
    }

    @Test
    void correlatedScalarSubqueryPicksNewestResumePerWorker() {
        var newest = selectFrom(table("resumes", "r"), SelectItem.of(column("r", "id")))
                .withWhere(equal(column("r", "worker_id"), column("w", "id")))
                .withOrderBy(SortItem.desc(column("r", "created_at")), SortItem.desc(column("r", "id")))
                .withLimit(number(1));
        var model = selectFrom(
                        table("workers", "w"),
                        SelectItem.of(column("w", "id")),
                        SelectItem.of(new Expression.ScalarSubquery(newest), "newest_resume"))
                .withWhere(compare(column("w", "id"), LT, number(300)));

        assertSameRows(
                model,
                "SELECT w.id, (SELECT r.id FROM resumes r WHERE r.worker_id = w.id"
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT 1) FROM workers w WHERE w.id < 300");
    }

    @Test
    void distinctAndDistinctOnMatch() {
        var distinct = selectFrom(table("resumes", null), SelectItem.of(column("workload")))
                .withDistinct(true);
        var distinctOn = selectFrom(
                        table("resumes", null), SelectItem.of(column("worker_id")), SelectItem.of(column("id")))
                .withDistinctOn(List.of(column("worker_id")))
                .withOrderBy(SortItem.asc(column("worker_id")), SortItem.desc(column("id")));

        assertSameRows(distinct, "SELECT DISTINCT workload FROM resumes");
        assertSameOrderedRows(
                distinctOn, "SELECT DISTINCT ON (worker_id) worker_id, id FROM resumes ORDER BY worker_id, id DESC");
    }

    @Test
    void orderByWithNullsPlacementLimitAndOffsetMatchInOrder() {
        var model = selectFrom(
                        table("resumes", null), SelectItem.of(column("compensation")), SelectItem.of(column("id")))
                .withOrderBy(
                        SortItem.desc(column("compensation")).withNulls(SortItem.Nulls.LAST),
                        SortItem.asc(column("id")))
                .withLimit(number(20))
                .withOffset(number(10));
        var nullsFirst = model.withOrderBy(
                        SortItem.asc(column("compensation")).withNulls(SortItem.Nulls.FIRST),
                        SortItem.asc(column("id")))
                .withOffset(null);

        assertSameOrderedRows(
                model,
                "SELECT compensation, id FROM resumes ORDER BY compensation DESC NULLS LAST, id LIMIT 20 OFFSET 10");
        assertSameOrderedRows(
                nullsFirst, "SELECT compensation, id FROM resumes ORDER BY compensation NULLS FIRST, id LIMIT 20");
    }

    @Test
    void setOperationsWithOuterOrderAndLimitMatch() {
        var low = selectFrom(table("resumes", null), SelectItem.of(column("worker_id")))
                .withWhere(compare(column("compensation"), LT, number(60000)));
        var parttime = selectFrom(table("resumes", null), SelectItem.of(column("worker_id")))
                .withWhere(equal(column("workload"), string("parttime")));
        String lowSql = "SELECT worker_id FROM resumes WHERE compensation < 60000";
        String parttimeSql = "SELECT worker_id FROM resumes WHERE workload = 'parttime'";

        assertSameRows(
                SetOperation.of(low, SetOperation.Operator.UNION, false, parttime), lowSql + " UNION " + parttimeSql);
        assertSameRows(
                SetOperation.of(low, SetOperation.Operator.UNION, true, parttime),
                lowSql + " UNION ALL " + parttimeSql);
        assertSameRows(
                SetOperation.of(low, SetOperation.Operator.INTERSECT, false, parttime),
                lowSql + " INTERSECT " + parttimeSql);
        assertSameRows(
                SetOperation.of(low, SetOperation.Operator.EXCEPT, true, parttime),
                lowSql + " EXCEPT ALL " + parttimeSql);
        assertSameOrderedRows(
                SetOperation.of(low, SetOperation.Operator.UNION, false, parttime)
                        .withOrderBy(List.of(SortItem.desc(column("worker_id"))))
                        .withLimit(number(7)),
                lowSql + " UNION " + parttimeSql + " ORDER BY worker_id DESC LIMIT 7");
    }

    @Test
    void caseCastArithmeticAndFunctionsMatch() {
        var band = new Expression.Case(
                List.of(
                        new Expression.Case.When(compare(column("compensation"), GT, number(100000)), string("high")),
                        new Expression.Case.When(
                                new Predicate.IsNull(column("compensation"), false), string("unknown"))),
                string("normal"));
        var model = selectFrom(
                        table("resumes", null),
                        SelectItem.of(column("id")),
                        SelectItem.of(band, "band"),
                        SelectItem.of(Expression.cast(column("workload"), "text"), "workload_text"),
                        SelectItem.of(
                                new Expression.Arithmetic(
                                        new Expression.Arithmetic(
                                                column("compensation"),
                                                Expression.Arithmetic.Operator.MULTIPLY,
                                                number(12)),
                                        Expression.Arithmetic.Operator.DIVIDE,
                                        number(6)),
                                "yearly"),
                        SelectItem.of(Expression.function("upper", column("title"))),
                        SelectItem.of(Expression.function("coalesce", column("compensation"), number(0))),
                        SelectItem.of(new Expression.Arithmetic(
                                column("title"), Expression.Arithmetic.Operator.CONCAT, string("!"))))
                .withWhere(compare(column("id"), LT, number(100)));

        assertSameRows(
                model,
                "SELECT id, CASE WHEN compensation > 100000 THEN 'high' WHEN compensation IS NULL THEN 'unknown'"
                        + " ELSE 'normal' END, workload::text, compensation * 12 / 6, upper(title),"
                        + " coalesce(compensation, 0), title || '!' FROM resumes WHERE id < 100");
    }

    @Test
    void namedParametersAreBoundWithTheirValues() {
        var model = selectFrom(table("resumes", null), SelectItem.of(column("id")))
                .withWhere(Predicate.and(
                        compare(column("compensation"), GT, Expression.parameter("minimum", "integer")),
                        equal(column("workload"), Expression.parameter("workload", null))));

        assertSameRows(
                model,
                Map.of("minimum", 90000, "workload", "fulltime"),
                "SELECT id FROM resumes WHERE compensation > 90000 AND workload = 'fulltime'");
    }

    @Test
    void inlinedRenderingGivesTheSameRowsAsBoundRendering() {
        var queries = List.<Query>of(
                Showcase.averagePerWorkload().withHaving(null),
                Showcase.differenceToAverage(),
                selectFrom(table("resumes", null), SelectItem.of(column("id")))
                        .withWhere(Predicate.and(
                                equal(column("workload"), string("parttime")),
                                new Predicate.Like(column("title"), string("%it's%"), true, true),
                                compare(column("compensation"), GT, Expression.parameter("minimum", null)))));

        for (var query : queries) {
            var bound = database.rows(renderer.render(query, Map.of("minimum", 50000)));
            var inlined = database.rows(renderer.renderInlined(query, Map.of("minimum", 50000)));
            assertThat(bound).isNotEmpty();
            assertThat(sorted(inlined)).isEqualTo(sorted(bound));
        }
    }

    @Test
    void rawSqlNodesPassThroughAndRun() {
        var model = selectFrom(
                        new TableSource.Raw("resumes AS r"),
                        SelectItem.of(column("r", "id")),
                        SelectItem.of(new Expression.Raw("date_trunc('year', r.created_at)"), "year"))
                .withWhere(new Predicate.Raw("r.title ~ '^[A-Z]' AND r.id < 200"));

        assertSameRows(
                model,
                "SELECT r.id, date_trunc('year', r.created_at) AS year FROM resumes AS r"
                        + " WHERE r.title ~ '^[A-Z]' AND r.id < 200");
        assertSameRows(new Query.Raw("SELECT id FROM workers WHERE id < 10"), "SELECT id FROM workers WHERE id < 10");
    }

    @Test
    void lateralDerivedTableMatches() {
        var newestTwo = selectFrom(table("resumes", "r"), SelectItem.of(column("r", "title")))
                .withWhere(equal(column("r", "worker_id"), column("w", "id")))
                .withOrderBy(SortItem.desc(column("r", "id")))
                .withLimit(number(2));
        var model = selectFrom(
                        table("workers", "w")
                                .join(Join.Type.CROSS, new TableSource.Derived(newestTwo, "latest", true), null),
                        SelectItem.of(column("w", "id")),
                        SelectItem.of(column("latest", "title")))
                .withWhere(compare(column("w", "id"), LT, number(100)));

        assertSameRows(
                model,
                "SELECT w.id, latest.title FROM workers w CROSS JOIN LATERAL (SELECT r.title FROM resumes r"
                        + " WHERE r.worker_id = w.id ORDER BY r.id DESC LIMIT 2) latest WHERE w.id < 100");
    }

    @Test
    void oddIdentifiersSurviveRendering() throws Exception {
        try (var connection = database.connect();
                var statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS \"Order Items\" (\"Item Id\" int, \"user\" text, \"Qty\" int)");
            statement.execute("DELETE FROM \"Order Items\"");
            statement.execute("INSERT INTO \"Order Items\" VALUES (1, 'ann', 3), (2, 'bob', 5), (3, 'ann', 7)");
        }
        var model = selectFrom(
                        table("Order Items", "oi"),
                        SelectItem.of(column("oi", "user")),
                        SelectItem.of(aggregate("sum", column("oi", "Qty")), "Total Qty"))
                .withGroupBy(column("oi", "user"));

        assertSameRows(model, "SELECT oi.\"user\", sum(oi.\"Qty\") FROM \"Order Items\" oi GROUP BY oi.\"user\"");
    }

    private static final String WILDCARD_TEXTS =
            "SELECT t FROM (VALUES ('50% off'), ('50 off'), ('a_b'), ('axb'), ('back\\slash')) AS v(t)";

    private static Query textMatch(Predicate.TextMatch.Position position, Expression part) {
        return Query.select(SelectItem.of(column(null, "t")))
                .withFrom(new TableSource.Raw(
                        "(VALUES ('50% off'), ('50 off'), ('a_b'), ('axb'), ('back\\slash'))" + " AS v(t)"))
                .withWhere(new Predicate.TextMatch(column(null, "t"), part, position));
    }

    @Test
    void containsMatchesPercentInTheTypedTextLiterally() {
        assertSameRows(
                textMatch(Predicate.TextMatch.Position.CONTAINS, string("0%")),
                WILDCARD_TEXTS + " WHERE strpos(t, '0%') > 0");
    }

    @Test
    void startsWithMatchesUnderscoreInTheTypedTextLiterally() {
        assertSameRows(
                textMatch(Predicate.TextMatch.Position.STARTS_WITH, string("a_")),
                WILDCARD_TEXTS + " WHERE left(t, 2) = 'a_'");
    }

    @Test
    void endsWithMatchesBackslashInTheTypedTextLiterally() {
        assertSameRows(
                textMatch(Predicate.TextMatch.Position.ENDS_WITH, string("k\\slash")),
                WILDCARD_TEXTS + " WHERE right(t, 7) = 'k\\slash'");
    }

    @Test
    void containsAParameterValueMatchesItsWildcardsLiterally() {
        var model = textMatch(Predicate.TextMatch.Position.CONTAINS, new Expression.Parameter("part", null));
        var expected = database.rows(WILDCARD_TEXTS + " WHERE strpos(t, '_') > 0");
        var actual = database.rows(renderer.render(model, Map.of("part", "_")));
        assertThat(expected).isNotEmpty();
        assertThat(sorted(actual)).isEqualTo(sorted(expected));
    }
}
