package dev.athanor.query.edit;

import static dev.athanor.query.model.Expression.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.render.QueryRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder's edits as pure functions: each result is checked as the SQL it renders to. */
class SelectEditsTest {
    private static final QueryRenderer RENDERER = new QueryRenderer();

    /** Workers and their resumes, not joined yet, with one column of each shown. */
    private static final Query.Select TWO_BOXES = Query.select(
                    SelectItem.of(column("w", "username")), SelectItem.of(column("r", "title")))
            .withFrom(TableSource.table(null, "workers", "w"), TableSource.table(null, "resumes", "r"));

    private static String sql(Query query) {
        return RENDERER.renderNamed(query).replaceAll("\\s+", " ").strip();
    }

    @Test
    void movingAnItemReordersTheSelectListAndLeavesTheOriginalAlone() {
        var moved = SelectEdits.moveItem(TWO_BOXES, 1, -1);

        assertThat(sql(moved)).startsWith("select r.title, w.username from");
        assertThat(sql(TWO_BOXES)).startsWith("select w.username, r.title from");
        assertThat(SelectEdits.moveItem(TWO_BOXES, 1, 1)).isSameAs(TWO_BOXES);
    }

    @Test
    void showingAColumnAddsItOnceAndHidingTakesItAway() {
        var shown = SelectEdits.showColumn(TWO_BOXES, "w", "id", true);

        assertThat(shown.items()).hasSize(3).last().isEqualTo(SelectItem.of(column("w", "id")));
        assertThat(SelectEdits.showColumn(shown, "w", "id", true)).isEqualTo(shown);
        assertThat(SelectEdits.showColumn(shown, "w", "id", false)).isEqualTo(TWO_BOXES);
    }

    @Test
    void joiningOnColumnsPutsTheLaterBoxOnTheRight() {
        var joined = SelectEdits.joinOnColumns(
                TWO_BOXES, "r", List.of("worker_id"), "w", List.of("id"), TableSource.Join.Type.LEFT);

        assertThat(sql(joined)).endsWith("from workers as w left outer join resumes as r on r.worker_id = w.id");
    }

    @Test
    void removingATableDropsItsJoinAndItsPlainColumns() {
        var joined = SelectEdits.joinOnColumns(
                TWO_BOXES, "r", List.of("worker_id"), "w", List.of("id"), TableSource.Join.Type.INNER);

        var removed = SelectEdits.removeTable(joined, "r");

        assertThat(sql(removed)).isEqualTo("select w.username from workers as w");
    }

    @Test
    void renamingATableRewritesEveryReferenceToIt() {
        var joined = SelectEdits.joinOnColumns(
                TWO_BOXES, "r", List.of("worker_id"), "w", List.of("id"), TableSource.Join.Type.INNER);

        var renamed = SelectEdits.renameTable(joined, "r", "cv");

        assertThat(sql(renamed))
                .isEqualTo("select w.username, cv.title from workers as w join resumes as cv on cv.worker_id = w.id");
        assertThatThrownBy(() -> SelectEdits.renameTable(joined, "nope", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCrossJoinGivenATypeOrAConditionGetsAnOnClause() {
        var cross = FromClause.join(TWO_BOXES, "w", "r", TableSource.Join.Type.CROSS, null);

        assertThat(sql(SelectEdits.setJoinType(cross, 0, TableSource.Join.Type.LEFT)))
                .endsWith("left outer join resumes as r on (true)");
        assertThat(sql(SelectEdits.setJoinCondition(
                        cross, 0, Predicate.equal(column("r", "worker_id"), column("w", "id")))))
                .endsWith("join resumes as r on r.worker_id = w.id")
                .doesNotContain("cross");
    }

    @Test
    void groupingOrderingAndCtesAreAddedAndRemovedByPosition() {
        var grouped = SelectEdits.addGroupBy(
                SelectEdits.addGroupBy(TWO_BOXES, column("w", "username")), column("r", "title"));
        var withCte = SelectEdits.setCteRecursive(SelectEdits.addCte(TWO_BOXES, "tree"), "tree", true);

        assertThat(sql(SelectEdits.removeGroupBy(grouped, 0))).endsWith("group by r.title");
        assertThat(withCte.with()).singleElement().satisfies(cte -> {
            assertThat(cte.name()).isEqualTo("tree");
            assertThat(cte.recursive()).isTrue();
        });
        assertThat(SelectEdits.removeCte(withCte, "tree")).isEqualTo(TWO_BOXES);
    }
}
