package dev.athanor.query.render;

import static dev.athanor.query.model.Expression.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.TableSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dates, times and intervals rendered as PostgreSQL writes them, and bound when the query runs. */
class DateTimeRenderingTest {
    private final QueryRenderer renderer = new QueryRenderer();

    private static Query.Select bookingsWhere(Predicate where, Expression... items) {
        var select = items.length == 0
                ? Query.select(SelectItem.of(column("bookid")))
                : Query.select(
                        java.util.Arrays.stream(items).map(SelectItem::of).toArray(SelectItem[]::new));
        return select.withFrom(TableSource.table("cd", "bookings", null)).withWhere(where);
    }

    @Test
    void dateLiteralReadsAsATypedLiteralAndIsBoundAsACastWhenRun() {
        var query = bookingsWhere(Predicate.compare(
                column("starttime"), Predicate.Comparison.Operator.GE, Expression.date("2012-09-01")));

        assertThat(renderer.renderInlined(query, Map.of())).endsWith("where starttime >= date '2012-09-01'");
        var bound = renderer.render(query, Map.of());
        assertThat(bound.sql()).endsWith("where starttime >= cast(? as date)");
        assertThat(bound.bindValues()).containsExactly("2012-09-01");
    }

    @Test
    void intervalArithmeticReadsAsPostgresWritesIt() {
        var query = bookingsWhere(
                null,
                new Expression.Arithmetic(
                        column("starttime"), Expression.Arithmetic.Operator.ADD, Expression.interval("1 day")));

        assertThat(renderer.renderInlined(query, Map.of())).startsWith("select (starttime + interval '1 day')");
    }

    @Test
    void extractAndDateTruncRenderWithTheirFieldAndUnit() {
        var query = bookingsWhere(
                null,
                new Expression.Extract(Expression.Extract.Field.DOW, column("starttime")),
                new Expression.DateTrunc(Expression.DateTrunc.Unit.MONTH, column("starttime")));

        assertThat(renderer.render(query, Map.of()).sql())
                .startsWith("select extract(dow from starttime), date_trunc('month', starttime) from");
    }

    @Test
    void groupedExpressionWithAnIntervalKeepsTheIntervalInlineSoSelectAndGroupByMatch() {
        var shifted = new Expression.Arithmetic(
                new Expression.DateTrunc(Expression.DateTrunc.Unit.MONTH, column("starttime")),
                Expression.Arithmetic.Operator.ADD,
                Expression.interval("1 month"));
        var query = bookingsWhere(null, shifted).withGroupBy(List.of(new Grouping.By(shifted)));

        var bound = renderer.render(query, Map.of());

        assertThat(bound.sql()).contains("group by (date_trunc('month', starttime) + interval '1 month')");
        assertThat(bound.bindValues()).isEmpty();
    }

    @Test
    void currentDateRendersWithoutParentheses() {
        var query = bookingsWhere(Predicate.compare(
                column("starttime"), Predicate.Comparison.Operator.LT, Expression.function("current_date")));

        assertThat(renderer.renderInlined(query, Map.of())).endsWith("where starttime < current_date");
    }
}
