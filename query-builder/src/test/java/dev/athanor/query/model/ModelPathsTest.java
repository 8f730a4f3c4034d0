package dev.athanor.query.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.testing.Showcase;
import org.junit.jupiter.api.Test;

class ModelPathsTest {
    @Test
    void pathLeadsToTheElementThroughComponentsAndListIndexes() {
        var query = Showcase.averagePerWorkload();

        assertThat(ModelPaths.find(query, "where.operands[1].right")).contains(Expression.number(40000));
        assertThat(ModelPaths.find(query, "items[0].expression")).contains(Expression.column("workload"));
    }

    @Test
    void pathIntoCtesAndSubqueriesReachesNestedQueries() {
        var query = Showcase.differenceToAverage();

        assertThat(ModelPaths.find(query, "with[0].query.from[0].alias")).contains("helper1");
        assertThat(ModelPaths.find(query, "with[0].query.from[0].query.from[0].right.alias"))
                .contains("w");
    }

    @Test
    void emptyPathIsTheQueryAndBrokenPathsFindNothing() {
        var query = Showcase.averagePerWorkload();

        assertThat(ModelPaths.find(query, "")).contains(query);
        assertThat(ModelPaths.find(query, "items[7]")).isEmpty();
        assertThat(ModelPaths.find(query, "nothing.here")).isEmpty();
        assertThat(ModelPaths.find(query, "limit.text")).isEmpty();
    }
}
