package dev.athanor.query.export;

import static dev.athanor.query.model.Expression.aggregate;
import static dev.athanor.query.model.Expression.column;
import static dev.athanor.query.model.Expression.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.NamedWindow;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.model.TableSource.Join;
import dev.athanor.query.model.WindowSpec;
import dev.athanor.query.model.WindowSpec.Bound;
import dev.athanor.query.model.WindowSpec.Frame;
import dev.athanor.query.parse.SqlImporter;
import dev.athanor.query.testing.Showcase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLAlchemy and jOOQ code exported from the model contains the construct of each clause. */
class ExportersTest {
    private final SqlAlchemyExporter sqlAlchemy = new SqlAlchemyExporter();
    private final JooqJavaExporter jooq = new JooqJavaExporter();

    private static Query.Select joined(Join.Type type) {
        return Query.select(SelectItem.of(column("w", "id")), SelectItem.of(column("r", "title")))
                .withFrom(TableSource.table(null, "resumes", "r")
                        .join(
                                type,
                                TableSource.table(null, "workers", "w"),
                                type == Join.Type.CROSS
                                        ? null
                                        : Predicate.equal(column("r", "worker_id"), column("w", "id"))));
    }

    @Test
    void showcaseAverageBecomesSqlAlchemySelectWithWhereGroupByHavingAndCast() {
        String code = sqlAlchemy.export(Showcase.averagePerWorkload());

        assertThat(code)
                .contains("resumes = Table(\"resumes\", metadata, autoload_with=engine)")
                .contains("query = select(resumes.c.workload, cast(func.avg(resumes.c.compensation), Integer())"
                        + ".label(\"avg_compensation\"))")
                .contains(".where(and_(resumes.c.title.like(\"%Python%\"), resumes.c.compensation > 40000))")
                .contains(".group_by(resumes.c.workload)")
                .contains(".having(func.avg(resumes.c.compensation) > 70000)")
                .contains("from sqlalchemy import ");
    }

    @Test
    void showcaseDifferenceBecomesSubqueryCteAliasesAndOver() {
        String code = sqlAlchemy.export(Showcase.differenceToAverage());

        assertThat(code)
                .contains("r = aliased(resumes, name=\"r\")")
                .contains("w = aliased(workers, name=\"w\")")
                .contains(".over(partition_by=[literal_column(\"workload\")])")
                .contains(".subquery(\"helper1\")")
                .contains(".cte(\"helper2\")")
                .contains(".order_by(helper2.c.compensation_diff.desc())")
                .contains("from sqlalchemy.orm import aliased");
    }

    @Test
    void sqlAlchemyJoinsSpellOuterJoinsWithFlagsAndSwapRightJoins() {
        assertThat(sqlAlchemy.export(joined(Join.Type.INNER))).contains("r.join(w, r.c.worker_id == w.c.id)");
        assertThat(sqlAlchemy.export(joined(Join.Type.LEFT)))
                .contains("r.join(w, r.c.worker_id == w.c.id, isouter=True)");
        assertThat(sqlAlchemy.export(joined(Join.Type.RIGHT)))
                .contains("w.join(r, r.c.worker_id == w.c.id, isouter=True)");
        assertThat(sqlAlchemy.export(joined(Join.Type.FULL))).contains("r.join(w, r.c.worker_id == w.c.id, full=True)");
        assertThat(sqlAlchemy.export(joined(Join.Type.CROSS))).contains("r.join(w, true())");
    }

    @Test
    void sqlAlchemyWindowFrameUsesRowsTupleAndNamedWindowIsWrittenOut() {
        var frame = new WindowSpec(
                null,
                List.of(column("worker_id")),
                List.of(SortItem.asc(column("id"))),
                Frame.between(Frame.Unit.ROWS, Bound.preceding(2), Bound.currentRow()));
        var query = Query.select(
                        SelectItem.of(aggregate("sum", column("compensation")).over(frame)),
                        SelectItem.of(aggregate("avg", column("compensation")).over(WindowSpec.named("w"))))
                .withFrom(TableSource.table(null, "resumes", null))
                .withWindows(List.of(new NamedWindow("w", WindowSpec.partitionBy(column("workload")))));

        assertThat(sqlAlchemy.export(query))
                .contains(".over(partition_by=[resumes.c.worker_id], order_by=[resumes.c.id.asc()], rows=(-2, 0))")
                .contains("func.avg(resumes.c.compensation).over(partition_by=[resumes.c.workload])");
    }

    @Test
    void sqlAlchemyRecursiveCteUnionsTheRecursivePartIntoTheCte() {
        var imported = new SqlImporter()
                .importSql(
                        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT x FROM n")
                .query();

        assertThat(sqlAlchemy.export(imported))
                .contains("n = select(literal(1).label(\"x\")).cte(\"n\", recursive=True)")
                .contains("n = n.union_all(select((n.c.x + 1)).select_from(n).where(n.c.x < 10))")
                .contains("query = select(n.c.x).select_from(n)");
    }

    @Test
    void sqlAlchemyCoversSubqueriesSetOperationsAndPredicates() {
        var newest = Query.select(SelectItem.of(column("r", "id")))
                .withFrom(TableSource.table(null, "resumes", "r"))
                .withWhere(Predicate.equal(column("r", "worker_id"), column("w", "id")))
                .withOrderBy(SortItem.desc(column("r", "created_at")))
                .withLimit(number(1));
        var workers = Query.select(
                        SelectItem.of(column("w", "id")),
                        SelectItem.of(new Expression.ScalarSubquery(newest), "newest"))
                .withFrom(TableSource.table(null, "workers", "w"))
                .withWhere(Predicate.and(
                        new Predicate.InList(column("w", "id"), List.of(number(1), number(2)), true),
                        new Predicate.Like(column("w", "username"), Expression.string("a%"), true, false),
                        new Predicate.IsNull(column("w", "username"), true),
                        new Predicate.Between(column("w", "id"), number(1), number(9), false),
                        new Predicate.Exists(newest, true),
                        Predicate.or(new Predicate.Raw("w.id > 0"), Predicate.not(new Predicate.Raw("false")))))
                .withDistinct(true);
        var union = Query.SetOperation.of(workers, Query.SetOperation.Operator.EXCEPT, true, workers);

        String code = sqlAlchemy.export(union);

        assertThat(code)
                .contains(".scalar_subquery().label(\"newest\")")
                .contains("w.c.id.not_in([1, 2])")
                .contains("w.c.username.ilike(\"a%\")")
                .contains("w.c.username.is_not(None)")
                .contains("w.c.id.between(1, 9)")
                .contains(".exists()")
                .contains("~(select(")
                .contains("or_(text(\"w.id > 0\"), not_(text(\"false\")))")
                .contains(".distinct()")
                .contains("query = except_all(");
    }

    @Test
    void sqlAlchemyGroupingSetsUseFuncAndUnknownTypesAreDeclared() {
        var query = Query.select(
                        SelectItem.of(column("workload")),
                        SelectItem.of(Expression.cast(column("title"), "workload_enum")))
                .withFrom(TableSource.table(null, "resumes", null))
                .withGroupBy(List.of(new Grouping.Sets(List.of(List.of(column("workload")), List.of()))));

        assertThat(sqlAlchemy.export(query))
                .contains("func.grouping_sets(tuple_(resumes.c.workload), tuple_())")
                .contains("pg_type(\"workload_enum\")")
                .contains("class PgType(UserDefinedType)");
    }

    @Test
    void jooqExportUsesThePlainSqlApiForEveryClause() {
        String code = jooq.export(Showcase.averagePerWorkload());

        assertThat(code)
                .contains("import static org.jooq.impl.DSL.*;")
                .contains("ctx.select(field(name(\"workload\")), cast(avg(field(name(\"compensation\"))"
                        + ".coerce(java.math.BigDecimal.class)), SQLDataType.INTEGER).as(\"avg_compensation\"))")
                .contains(".from(table(name(\"resumes\")))")
                .contains(
                        ".where(and(field(name(\"title\")).like(\"%Python%\"), field(name(\"compensation\")).gt(40000)))")
                .contains(".groupBy(field(name(\"workload\")))")
                .contains(
                        ".having(avg(field(name(\"compensation\")).coerce(java.math.BigDecimal.class)).coerce(Object.class)"
                                + ".gt(70000))");
    }

    @Test
    void jooqExportCoversCtesJoinsWindowsAndSetOperations() {
        var frame = new WindowSpec(
                null,
                List.of(column("worker_id")),
                List.of(SortItem.desc(column("id")).withNulls(SortItem.Nulls.LAST)),
                Frame.between(Frame.Unit.GROUPS, Bound.unboundedPreceding(), Bound.following(1)));
        var base = Query.select(SelectItem.of(new Expression.WindowFunction(Expression.function("row_number"), frame)))
                .withFrom(joined(Join.Type.LEFT).from());
        var query = Query.select(SelectItem.all())
                .withWith(List.of(CommonTableExpression.of("numbered", base)))
                .withFrom(new TableSource.CteReference("numbered", null));
        var union = Query.SetOperation.of(query, Query.SetOperation.Operator.UNION, false, query)
                .withLimit(number(5));

        assertThat(jooq.export(Showcase.differenceToAverage()))
                .contains("ctx.with(name(\"helper2\").as(")
                .contains(".asTable(\"helper1\")")
                .contains(
                        ".join(table(name(\"workers\")).as(\"w\")).on(field(name(\"r\", \"worker_id\")).eq(field(name(\"w\", \"id\"))))")
                .contains(".over(partitionBy(field(name(\"workload\"))))")
                .contains(".orderBy(field(name(\"compensation_diff\")).desc())");
        assertThat(jooq.export(union))
                .contains(
                        "rowNumber().over(partitionBy(field(name(\"worker_id\"))).orderBy(field(name(\"id\")).desc().nullsLast())"
                                + ".groupsBetweenUnboundedPreceding().andFollowing(1))")
                .contains(".leftJoin(table(name(\"workers\")).as(\"w\"))")
                .contains(".union(")
                .contains(".limit(5)");
    }

    private static Query datesAndTimes() {
        return new SqlImporter()
                .importSql("SELECT extract(year FROM starttime), date_trunc('month', starttime),"
                        + " starttime + interval '30 minutes' FROM cd.bookings WHERE starttime >= date '2012-09-01'")
                .query();
    }

    @Test
    void datesAndTimesBecomeSqlAlchemyExtractDateTruncAndPythonDates() {
        String code = sqlAlchemy.export(datesAndTimes());

        assertThat(code)
                .startsWith("import datetime\n")
                .contains("extract(\"year\", bookings.c.starttime)")
                .contains("func.date_trunc(literal_column(\"'month'\"), bookings.c.starttime)")
                .contains("(bookings.c.starttime + literal_column(\"INTERVAL '30 minutes'\", Interval()))")
                .contains("bookings.c.starttime >= datetime.date(2012, 9, 1)");
    }

    @Test
    void datesAndTimesBecomeJooqDateExtractAndDateTrunc() {
        String code = jooq.expression(datesAndTimes());

        assertThat(code)
                .contains("extract(field(name(\"starttime\")), org.jooq.DatePart.YEAR)")
                .contains("function(\"date_trunc\", Object.class, inline(\"month\"), field(name(\"starttime\")))")
                .contains("field(\"interval {0}\", Object.class, inline(\"30 minutes\"))")
                .contains(".ge(date(\"2012-09-01\").coerce(Object.class))");
    }
}
