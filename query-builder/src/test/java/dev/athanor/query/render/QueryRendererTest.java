package dev.athanor.query.render;

import static dev.athanor.query.model.Expression.column;
import static dev.athanor.query.model.Expression.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.model.WindowSpec;
import dev.athanor.query.model.WindowSpec.Bound;
import dev.athanor.query.model.WindowSpec.Frame;
import dev.athanor.query.testing.Showcase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering without a database: the SQL text and bind values the renderer produces. */
class QueryRendererTest {
    private final QueryRenderer renderer = new QueryRenderer();

    @Test
    void showcaseAverageRendersEveryClauseWithBoundValues() {
        var rendered = renderer.render(Showcase.averagePerWorkload(), Map.of());

        assertThat(rendered.sql())
                .isEqualTo("select workload, cast(avg(compensation) as integer) as avg_compensation from resumes"
                        + " where (title like ? and compensation > ?) group by workload having avg(compensation) > ?");
        assertThat(rendered.bindValues()).containsExactly("%Python%", 40000, 70000);
    }

    @Test
    void inlinedRenderingShowsTheValuesAsLiterals() {
        var inlined = renderer.renderInlined(Showcase.averagePerWorkload(), Map.of());

        assertThat(inlined).contains("title like '%Python%'", "compensation > 40000", "avg(compensation) > 70000");
    }

    @Test
    void namedRenderingShowsParametersByNameWithoutNeedingValues() {
        var query = Query.select(SelectItem.of(column("id")))
                .withFrom(TableSource.table(null, "resumes", null))
                .withWhere(Predicate.compare(
                        column("compensation"),
                        Predicate.Comparison.Operator.GT,
                        Expression.parameter("minimum", null)))
                .withLimit(number(5));

        assertThat(renderer.renderNamed(query))
                .startsWith("select id from resumes where compensation > :minimum ")
                .contains(" 5 ")
                .doesNotContain("?");
    }

    @Test
    void parameterValuesAreBoundInPlaceholderOrder() {
        var query = Query.select(SelectItem.of(column("id")))
                .withFrom(TableSource.table(null, "resumes", null))
                .withWhere(new Predicate.Between(
                        column("compensation"),
                        Expression.parameter("low", null),
                        Expression.parameter("high", "integer"),
                        false));

        var rendered = renderer.render(query, Map.of("high", 90000, "low", 50000));

        assertThat(rendered.sql())
                .isEqualTo("select id from resumes where compensation between ? and cast(? as integer)");
        assertThat(rendered.bindValues()).containsExactly(50000, 90000);
    }

    @Test
    void missingParameterValueIsReportedByName() {
        var query = Query.select(SelectItem.of(Expression.parameter("worker_id", null)));

        assertThatThrownBy(() -> renderer.render(query, Map.of()))
                .isInstanceOf(QueryRenderer.MissingParameterException.class)
                .hasMessageContaining(":worker_id");
    }

    @Test
    void oddIdentifiersAreQuotedAndPlainOnesAreNot() {
        var query = Query.select(
                        SelectItem.of(column("oi", "Unit Price"), "Price"), SelectItem.of(column("oi", "user")))
                .withFrom(TableSource.table("public", "Order Items", "oi"));

        assertThat(renderer.render(query, Map.of()).sql())
                .isEqualTo("select oi.\"Unit Price\" as \"Price\", oi.\"user\" from public.\"Order Items\" as oi");
    }

    @Test
    void windowFrameRendersUnitAndBothBounds() {
        var window = new WindowSpec(
                null,
                java.util.List.of(column("workload")),
                java.util.List.of(SortItem.asc(column("id"))),
                Frame.between(Frame.Unit.ROWS, Bound.preceding(2), Bound.currentRow()));
        var query = Query.select(SelectItem.of(
                        Expression.aggregate("sum", column("compensation")).over(window)))
                .withFrom(TableSource.table(null, "resumes", null));

        assertThat(renderer.render(query, Map.of()).sql())
                .contains("sum(compensation) over (partition by workload order by id asc"
                        + " rows between 2 preceding and current row)");
    }

    @Test
    void emptyWindowRendersAsOverEmptyParentheses() {
        var query = Query.select(SelectItem.of(Expression.aggregate("count").over(WindowSpec.empty())));

        assertThat(renderer.render(query, Map.of()).sql()).isEqualTo("select count(*) over ()");
    }
}
