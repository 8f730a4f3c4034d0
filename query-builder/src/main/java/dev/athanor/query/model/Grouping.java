package dev.athanor.query.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** An element of GROUP BY: an expression, ROLLUP, CUBE or GROUPING SETS. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Grouping.By.class, name = "by"),
    @JsonSubTypes.Type(value = Grouping.Rollup.class, name = "rollup"),
    @JsonSubTypes.Type(value = Grouping.Cube.class, name = "cube"),
    @JsonSubTypes.Type(value = Grouping.Sets.class, name = "sets")
})
public sealed interface Grouping permits Grouping.By, Grouping.Rollup, Grouping.Cube, Grouping.Sets {

    /** Group by one expression. */
    record By(Expression expression) implements Grouping {
        public By {
            Objects.requireNonNull(expression, "expression");
        }

        public By withExpression(Expression newExpression) {
            return new By(newExpression);
        }
    }

    /** {@code ROLLUP (a, b)}: groups (a, b), (a) and the grand total. */
    record Rollup(List<Expression> expressions) implements Grouping {
        public Rollup {
            expressions = List.copyOf(expressions);
        }

        public Rollup withExpressions(List<Expression> newExpressions) {
            return new Rollup(newExpressions);
        }
    }

    /** {@code CUBE (a, b)}: groups every subset of the expressions. */
    record Cube(List<Expression> expressions) implements Grouping {
        public Cube {
            expressions = List.copyOf(expressions);
        }

        public Cube withExpressions(List<Expression> newExpressions) {
            return new Cube(newExpressions);
        }
    }

    /** {@code GROUPING SETS ((a, b), (a), ())}; an empty set is the grand total. */
    record Sets(List<List<Expression>> sets) implements Grouping {
        public Sets {
            sets = sets.stream().map(List::copyOf).toList();
        }

        public Sets withSets(List<List<Expression>> newSets) {
            return new Sets(newSets);
        }
    }
}
