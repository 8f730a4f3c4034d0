package dev.athanor.query.testing;

import static dev.athanor.query.model.Expression.aggregate;
import static dev.athanor.query.model.Expression.cast;
import static dev.athanor.query.model.Expression.column;
import static dev.athanor.query.model.Expression.number;
import static dev.athanor.query.model.Expression.string;

import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Predicate.Comparison.Operator;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.model.TableSource.Join;
import dev.athanor.query.model.WindowSpec;
import dev.athanor.sample.testkit.NamedSql;

/**
 * The two showcase queries of the product's concepts, built through the model, with their hand-written SQL as
 * documented in {@code docs/examples/showcase.sql}.
 */
public final class Showcase {
    private Showcase() {}

    /** Average compensation of Python resumes per workload. */
    public static final String AVERAGE_PER_WORKLOAD_SQL = NamedSql.showcase("python_by_workload");

    /** Each worker's compensation against the average of its workload. */
    public static final String DIFFERENCE_TO_AVERAGE_SQL = NamedSql.showcase("compensation_against_workload");

    /** {@link #AVERAGE_PER_WORKLOAD_SQL} as a model. */
    public static Query.Select averagePerWorkload() {
        return Query.select(
                        SelectItem.of(column("workload")),
                        SelectItem.of(cast(aggregate("avg", column("compensation")), "integer"), "avg_compensation"))
                .withFrom(TableSource.table(null, "resumes", null))
                .withWhere(Predicate.and(
                        new Predicate.Like(column("title"), string("%Python%"), false, false),
                        Predicate.compare(column("compensation"), Operator.GT, number(40000))))
                .withGroupBy(column("workload"))
                .withHaving(Predicate.compare(aggregate("avg", column("compensation")), Operator.GT, number(70000)));
    }

    /** {@link #DIFFERENCE_TO_AVERAGE_SQL} as a model. */
    public static Query.Select differenceToAverage() {
        var helper1 = Query.select(
                        SelectItem.of(column("w", "id")),
                        SelectItem.of(column("w", "username")),
                        SelectItem.of(column("r", "compensation")),
                        SelectItem.of(column("r", "workload")),
                        SelectItem.of(
                                cast(
                                        aggregate("avg", column("r", "compensation"))
                                                .over(WindowSpec.partitionBy(column("workload"))),
                                        "integer"),
                                "avg_workload_compensation"))
                .withFrom(TableSource.table(null, "resumes", "r")
                        .join(
                                Join.Type.INNER,
                                TableSource.table(null, "workers", "w"),
                                Predicate.equal(column("r", "worker_id"), column("w", "id"))));
        var helper2 = Query.select(
                        SelectItem.all(),
                        SelectItem.of(
                                new Expression.Arithmetic(
                                        column("compensation"),
                                        Expression.Arithmetic.Operator.SUBTRACT,
                                        column("avg_workload_compensation")),
                                "compensation_diff"))
                .withFrom(new TableSource.Derived(helper1, "helper1", false));
        return Query.select(SelectItem.all())
                .withWith(java.util.List.of(CommonTableExpression.of("helper2", helper2)))
                .withFrom(new TableSource.CteReference("helper2", null))
                .withOrderBy(SortItem.desc(column("compensation_diff")));
    }
}
