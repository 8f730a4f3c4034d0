package dev.athanor.query.project;

import static dev.athanor.model.relationship.RelationshipKind.MANY_TO_MANY;
import static dev.athanor.model.relationship.RelationshipKind.MANY_TO_ONE;
import static dev.athanor.model.relationship.RelationshipKind.ONE_TO_MANY;
import static dev.athanor.model.relationship.RelationshipKind.ONE_TO_ONE;
import static dev.athanor.query.model.Expression.aggregate;
import static dev.athanor.query.model.Expression.cast;
import static dev.athanor.query.model.Expression.column;
import static dev.athanor.query.model.Expression.number;
import static dev.athanor.query.model.Expression.parameter;
import static dev.athanor.query.model.Expression.string;

import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import dev.athanor.model.relationship.RelationshipKind;
import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.NamedWindow;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.model.WindowSpec;
import java.util.List;
import java.util.Optional;

/** Projects the tests read and write. */
final class ProjectSamples {
    private ProjectSamples() {}

    /** Seed 003's first showcase query, with its two constants as parameters. */
    static SavedQuery pythonByWorkload() {
        var query = Query.select(
                        SelectItem.of(column("workload")),
                        SelectItem.of(cast(aggregate("avg", column("compensation")), "integer"), "avg_compensation"))
                .withFrom(TableSource.table(null, "resumes", null))
                .withWhere(Predicate.and(
                        new Predicate.Like(column("title"), parameter("title_pattern", "text"), false, false),
                        Predicate.compare(
                                column("compensation"),
                                Predicate.Comparison.Operator.GT,
                                parameter("min_compensation", "integer"))))
                .withGroupBy(column("workload"))
                .withHaving(Predicate.compare(
                        aggregate("avg", column("compensation")), Predicate.Comparison.Operator.GT, number(70000)));
        return new SavedQuery(
                "python_by_workload",
                "Average compensation of Python resumes per workload",
                query,
                List.of(
                        new QueryParameter("title_pattern", ParameterType.TEXT, "%Python%"),
                        new QueryParameter("min_compensation", ParameterType.INTEGER, "40000")),
                CanvasLayout.empty().withTable("resumes", new TableBox(40, 60, false)));
    }

    /** Seed 003's second showcase query: each worker's compensation against its workload's average. */
    static SavedQuery compensationAgainstWorkload() {
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
                .withFrom(new TableSource.Join(
                        TableSource.table(null, "resumes", "r"),
                        TableSource.Join.Type.INNER,
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
        var query = Query.select(SelectItem.all())
                .withWith(List.of(CommonTableExpression.of("helper2", helper2)))
                .withFrom(new TableSource.CteReference("helper2", null))
                .withOrderBy(SortItem.desc(column("compensation_diff")));
        return new SavedQuery(
                "compensation_against_workload",
                "Each worker's compensation against the average of its workload",
                query,
                List.of(),
                new CanvasLayout(
                        0.8,
                        new java.util.TreeMap<>(java.util.Map.of(
                                "r", new TableBox(20, 40, false),
                                "w", new TableBox(320, 40, true)))));
    }

    /** A query touching every kind of node the model has. */
    static SavedQuery everyFeature() {
        var frame = WindowSpec.Frame.between(
                WindowSpec.Frame.Unit.ROWS,
                new WindowSpec.Bound(WindowSpec.Bound.Kind.PRECEDING, 2),
                new WindowSpec.Bound(WindowSpec.Bound.Kind.CURRENT_ROW, null));
        var recursive = new CommonTableExpression(
                "numbers",
                List.of("n"),
                Query.SetOperation.of(
                        Query.select(SelectItem.of(number(1))),
                        Query.SetOperation.Operator.UNION,
                        true,
                        Query.select(SelectItem.of(new Expression.Arithmetic(
                                        column("n"), Expression.Arithmetic.Operator.ADD, number(1))))
                                .withFrom(new TableSource.CteReference("numbers", null))
                                .withWhere(
                                        Predicate.compare(column("n"), Predicate.Comparison.Operator.LT, number(5)))),
                true);
        var correlated = Query.select(SelectItem.of(aggregate("count")))
                .withFrom(TableSource.table("public", "resumes", "r2"))
                .withWhere(Predicate.equal(column("r2", "worker_id"), column("w", "id")));
        var replies = Query.select(SelectItem.of(column("resume_id")))
                .withFrom(TableSource.table(null, "vacancies_replies", null));
        var select = Query.select(
                        SelectItem.of(column("w", "id")),
                        SelectItem.allOf("r"),
                        SelectItem.of(new Expression.Literal(Expression.Literal.Type.STRING, ""), "empty_text"),
                        SelectItem.of(Expression.Literal.bool(true), "yes"),
                        SelectItem.of(Expression.Literal.nullValue(), "nothing"),
                        SelectItem.of(number(new java.math.BigDecimal("12.50")), "price"),
                        SelectItem.of(Expression.function("lower", column("w", "username")), "lower_name"),
                        SelectItem.of(
                                new Expression.Aggregate(
                                        "count",
                                        true,
                                        List.of(column("r", "id")),
                                        Predicate.compare(
                                                column("r", "compensation"),
                                                Predicate.Comparison.Operator.GE,
                                                number(1))),
                                "counted"),
                        SelectItem.of(new Expression.WindowFunction(
                                Expression.function("row_number"),
                                new WindowSpec(
                                        null,
                                        List.of(column("r", "workload")),
                                        List.of(SortItem.asc(column("r", "id"))),
                                        frame))),
                        SelectItem.of(
                                aggregate("sum", column("r", "compensation")).over(WindowSpec.named("by_worker"))),
                        SelectItem.of(new Expression.Case(
                                List.of(new Expression.Case.When(
                                        new Predicate.IsNull(column("r", "compensation"), false), string("unknown"))),
                                string("known"))),
                        SelectItem.of(new Expression.ScalarSubquery(correlated), "resume_count"),
                        SelectItem.of(new Expression.Raw("now()"), "at"))
                .withWith(List.of(recursive))
                .withDistinctOn(List.of(column("w", "id")))
                .withFrom(
                        new TableSource.Join(
                                new TableSource.Join(
                                        TableSource.table(null, "workers", "w"),
                                        TableSource.Join.Type.LEFT,
                                        TableSource.table(null, "resumes", "r"),
                                        Predicate.equal(column("r", "worker_id"), column("w", "id"))),
                                TableSource.Join.Type.FULL,
                                new TableSource.Derived(
                                        Query.select(SelectItem.of(column("id")))
                                                .withFrom(TableSource.table(null, "vacancies", null)),
                                        "v",
                                        true),
                                Predicate.equal(column("v", "id"), column("r", "id"))),
                        new TableSource.CteReference("numbers", "nums"),
                        new TableSource.Raw("generate_series(1, 2) AS g(x)"))
                .withWhere(Predicate.or(
                        Predicate.not(new Predicate.Between(column("r", "compensation"), number(1), number(10), true)),
                        new Predicate.InList(
                                column("r", "workload"), List.of(string("parttime"), string("fulltime")), false),
                        new Predicate.InSubquery(column("r", "id"), replies, true),
                        new Predicate.Exists(correlated, false),
                        new Predicate.Like(column("r", "title"), string("%sql%"), true, true),
                        new Predicate.Raw("true")))
                .withGroupBy(List.of(
                        new Grouping.By(column("w", "id")),
                        new Grouping.Rollup(List.of(column("r", "workload"))),
                        new Grouping.Cube(List.of(column("r", "title"))),
                        new Grouping.Sets(List.of(List.of(column("r", "id")), List.of()))))
                .withHaving(Predicate.compare(aggregate("count"), Predicate.Comparison.Operator.NE, number(0)))
                .withWindows(List.of(new NamedWindow("by_worker", WindowSpec.partitionBy(column("w", "id")))))
                .withOrderBy(new SortItem(column("w", "id"), SortItem.Direction.DESC, SortItem.Nulls.LAST))
                .withLimit(parameter("row_limit", "bigint"))
                .withOffset(number(0));
        var combined = new Query.SetOperation(
                select.withDistinct(false),
                Query.SetOperation.Operator.EXCEPT,
                false,
                Query.select(SelectItem.all()).withDistinct(true).withFrom(TableSource.table(null, "workers", null)),
                List.of(SortItem.asc(column("id"))),
                number(10),
                number(1));
        return new SavedQuery(
                "every_feature",
                "Touches each node kind",
                combined,
                List.of(
                        new QueryParameter("row_limit", ParameterType.BIGINT, "100"),
                        QueryParameter.required("since", ParameterType.DATE)),
                CanvasLayout.empty().withZoom(1.25).withTable("w", new TableBox(1.5, -2, true)));
    }

    /** Relationships of each kind and each loader strategy. */
    static List<Relationship> relationships() {
        return List.of(
                relationship("worker", MANY_TO_ONE, "resumes", "worker_id", "workers", "id", LoaderStrategy.JOINED),
                relationship(
                                "resumes_parttime",
                                ONE_TO_MANY,
                                "workers",
                                "id",
                                "resumes",
                                "worker_id",
                                LoaderStrategy.SELECTIN)
                        .withCondition(Optional.of("workload = 'parttime'"))
                        .withOrderBy(List.of(new SortKey("id", true))),
                new Relationship(
                        "vacancies_replied",
                        MANY_TO_MANY,
                        new QualifiedName("public", "resumes"),
                        List.of("id"),
                        new QualifiedName("public", "vacancies"),
                        List.of("id"),
                        Optional.of(new Relationship.Association(
                                new QualifiedName("public", "vacancies_replies"),
                                List.of("resume_id"),
                                List.of("vacancy_id"))),
                        Optional.empty(),
                        List.of(),
                        Optional.of("resumes_replied"),
                        Optional.empty(),
                        LoaderStrategy.SUBQUERY),
                relationship("owner", ONE_TO_ONE, "projects", "owner_id", "users", "id", LoaderStrategy.RAISE),
                new Relationship(
                        "resumes",
                        ONE_TO_MANY,
                        new QualifiedName("public", "workers"),
                        List.of("id"),
                        new QualifiedName("public", "resumes"),
                        List.of("worker_id"),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        Optional.of("worker"),
                        Optional.of("resumes_worker_id_fkey"),
                        LoaderStrategy.LAZY),
                relationship(
                        "newest_resume",
                        ONE_TO_MANY,
                        "workers",
                        "id",
                        "resumes",
                        "worker_id",
                        LoaderStrategy.CONTAINS_EAGER));
    }

    /** A user's relationship between two tables of {@code public} on one column each. */
    static Relationship relationship(
            String name,
            RelationshipKind kind,
            String parent,
            String parentColumn,
            String target,
            String targetColumn,
            LoaderStrategy loading) {
        return new Relationship(
                name,
                kind,
                new QualifiedName("public", parent),
                List.of(parentColumn),
                new QualifiedName("public", target),
                List.of(targetColumn),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                loading);
    }

    /** The two showcase queries against the sample database. */
    static QueryProject showcase() {
        return new QueryProject(
                ConnectionReference.profile("Sample database"),
                List.of(pythonByWorkload(), compensationAgainstWorkload()),
                List.of());
    }

    /** Everything a project can hold. */
    static QueryProject full() {
        return new QueryProject(
                new ConnectionReference("Sample database", "postgresql://athanor@localhost:5432/athanor_sample"),
                List.of(
                        pythonByWorkload(),
                        compensationAgainstWorkload(),
                        everyFeature(),
                        SavedQuery.of("raw", new Query.Raw("SELECT 1"))),
                relationships());
    }
}
