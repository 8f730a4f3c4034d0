package dev.athanor.query.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.athanor.query.testing.Showcase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's records and sealed hierarchies read back from JSON as equal objects, as saved projects need. */
class QueryJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void showcaseQueriesRoundTripThroughJson() throws Exception {
        for (Query query : List.<Query>of(Showcase.averagePerWorkload(), Showcase.differenceToAverage())) {
            String json = mapper.writeValueAsString(query);

            assertThat(mapper.readValue(json, Query.class)).isEqualTo(query);
        }
    }

    @Test
    void everyKindOfNodeRoundTripsThroughJson() throws Exception {
        var window = new WindowSpec(
                null,
                List.of(Expression.column("w", "id")),
                List.of(SortItem.desc(Expression.column("r", "id")).withNulls(SortItem.Nulls.LAST)),
                WindowSpec.Frame.between(
                        WindowSpec.Frame.Unit.GROUPS, WindowSpec.Bound.preceding(3), WindowSpec.Bound.currentRow()));
        var query = Query.select(
                        SelectItem.allOf("w"),
                        SelectItem.of(Expression.parameter("p", "integer"), "p"),
                        SelectItem.of(new Expression.WindowFunction(Expression.function("rank"), window)),
                        SelectItem.of(new Expression.Case(
                                List.of(new Expression.Case.When(
                                        new Predicate.Raw("true"), Expression.Literal.bool(true))),
                                Expression.Literal.nullValue())),
                        SelectItem.of(new Expression.ScalarSubquery(new Query.Raw("select 1"))))
                .withFrom(
                        TableSource.table("public", "workers", "w")
                                .join(
                                        TableSource.Join.Type.LEFT,
                                        new TableSource.Derived(Query.select(), "d", true),
                                        new Predicate.Exists(Query.select(), true)),
                        new TableSource.Raw("generate_series(1, 3) g"))
                .withGroupBy(List.of(
                        new Grouping.Sets(List.of(List.of(Expression.column("a")), List.of())),
                        new Grouping.Rollup(List.of(Expression.number(1)))))
                .withWindows(List.of(new NamedWindow("x", WindowSpec.empty())))
                .withWith(List.of(new CommonTableExpression(
                        "c",
                        List.of("n"),
                        Query.SetOperation.of(Query.select(), Query.SetOperation.Operator.UNION, true, Query.select()),
                        true)))
                .withLimit(Expression.number(10));

        assertThat(mapper.readValue(mapper.writeValueAsString(query), Query.class))
                .isEqualTo(query);
    }

    @Test
    void datesTimesAndIntervalsRoundTripThroughJson() throws Exception {
        var query = Query.select(
                        SelectItem.of(new Expression.Extract(Expression.Extract.Field.DOW, Expression.column("t"))),
                        SelectItem.of(new Expression.Arithmetic(
                                new Expression.DateTrunc(Expression.DateTrunc.Unit.MONTH, Expression.column("t")),
                                Expression.Arithmetic.Operator.ADD,
                                Expression.interval("1 month"))),
                        SelectItem.of(new Expression.Literal(Expression.Literal.Type.TIME, "08:30:00")),
                        SelectItem.of(new Expression.Literal(Expression.Literal.Type.TIMESTAMP, "2012-09-01 08:30:00")),
                        SelectItem.of(new Expression.Literal(
                                Expression.Literal.Type.TIMESTAMPTZ, "2012-09-01 08:30:00+02:00")))
                .withWhere(Predicate.compare(
                        Expression.column("t"), Predicate.Comparison.Operator.GE, Expression.date("2012-09-01")));

        String json = mapper.writeValueAsString(query);

        assertThat(json).contains("{\"kind\":\"extract\",\"field\":\"DOW\"", "\"kind\":\"date_trunc\"");
        assertThat(mapper.readValue(json, Query.class)).isEqualTo(query);
    }

    @Test
    void dateLiteralWithTextThatIsNotADateIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Expression.date("1 September 2012"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2012-09-01");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Expression.interval("one day"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
