package dev.athanor.query.model;

import static dev.athanor.query.model.Expression.column;
import static dev.athanor.query.model.Expression.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionWalkerTest {
    /** {@code WHERE r.compensation > 10 AND (avg(r.x) FILTER (WHERE r.y = 1) > 2 OR EXISTS (SELECT w.id))}. */
    private static final Query.Select QUERY = Query.select(SelectItem.of(column("r", "title")))
            .withWhere(Predicate.and(
                    Predicate.compare(column("r", "compensation"), Predicate.Comparison.Operator.GT, number(10)),
                    Predicate.or(
                            Predicate.compare(
                                    new Expression.Aggregate(
                                            "avg",
                                            false,
                                            List.of(column("r", "x")),
                                            Predicate.equal(column("r", "y"), number(1))),
                                    Predicate.Comparison.Operator.GT,
                                    number(2)),
                            new Predicate.Exists(Query.select(SelectItem.of(column("w", "id"))), false))));

    @Test
    void everyNodeIsVisitedInSqlOrderAtThePathThatFindsIt() {
        var visited = new ArrayList<String>();
        ExpressionWalker.walk(QUERY.where(), "where", (path, node) -> {
            visited.add(path);
            assertThat(ModelPaths.find(QUERY, path)).as(path).containsSame(node);
            return true;
        });

        assertThat(visited)
                .containsExactly(
                        "where",
                        "where.operands[0]",
                        "where.operands[0].left",
                        "where.operands[0].right",
                        "where.operands[1]",
                        "where.operands[1].operands[0]",
                        "where.operands[1].operands[0].left",
                        "where.operands[1].operands[0].left.arguments[0]",
                        "where.operands[1].operands[0].left.filter",
                        "where.operands[1].operands[0].left.filter.left",
                        "where.operands[1].operands[0].left.filter.right",
                        "where.operands[1].operands[0].right",
                        "where.operands[1].operands[1]");
    }

    @Test
    void aVisitorThatDeclinesANodeSkipsItsChildrenAndItsLeave() {
        var entered = new ArrayList<String>();
        var left = new ArrayList<String>();
        ExpressionWalker.walk(QUERY.where(), "", new ExpressionWalker.Visitor() {
            @Override
            public boolean enter(String path, Object node) {
                entered.add(path);
                return !(node instanceof Predicate.Or);
            }

            @Override
            public void leave(String path, Object node) {
                left.add(path);
            }
        });

        assertThat(entered).containsExactly("", "operands[0]", "operands[0].left", "operands[0].right", "operands[1]");
        assertThat(left).containsExactly("operands[0].left", "operands[0].right", "operands[0]", "");
    }
}
