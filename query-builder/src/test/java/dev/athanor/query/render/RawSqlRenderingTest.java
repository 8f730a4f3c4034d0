package dev.athanor.query.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.TableSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Raw SQL passes through exactly as written: nothing in it is read as a template or a placeholder. */
class RawSqlRenderingTest {
    private final QueryRenderer renderer = new QueryRenderer();

    @Test
    void bracesAndNumberedPlaceholdersInRawSqlAreNotTemplates() {
        var query = Query.select(
                        SelectItem.of(new Expression.Raw("'{0}'::text || '{1,2}'"), "braces"),
                        SelectItem.of(new Expression.Raw("(SELECT array_length(ARRAY[1, 2], 1)) /* {0} */")))
                .withFrom(new TableSource.Raw("(VALUES ('{0}')) AS v(x)"))
                .withWhere(new Predicate.Raw("v.x = '{0}'"));

        var rendered = renderer.render(query, Map.of());

        assertThat(rendered.sql())
                .isEqualTo(
                        "select '{0}'::text || '{1,2}' as braces, (SELECT array_length(ARRAY[1, 2], 1)) /* {0} */ from (VALUES ('{0}')) AS v(x) where (v.x = '{0}')");
        assertThat(rendered.bindValues()).isEmpty();
    }

    @Test
    void rawStatementIsRenderedAsWritten() {
        var sql = "SELECT '{0}' AS x";

        assertThat(renderer.render(new Query.Raw(sql), Map.of()).sql()).isEqualTo(sql);
    }

    @Test
    void rawQueryUsedAsASubqueryIsReadAsADerivedTable() {
        var query = Query.select(SelectItem.of(Expression.column("id")))
                .withFrom(TableSource.table(null, "workers", null))
                .withWhere(new Predicate.InSubquery(
                        Expression.column("id"), new Query.Raw("SELECT worker_id FROM resumes"), false));

        assertThat(renderer.render(query, Map.of()).sql())
                .isEqualTo("select id from workers where id in (select * from (SELECT worker_id FROM resumes) as raw)");
    }
}
