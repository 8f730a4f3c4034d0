package dev.athanor.query.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * A condition of WHERE, HAVING, ON, FILTER or CASE: a tree of AND / OR / NOT over comparisons and tests.
 *
 * <p>Named {@code Predicate} (the SQL standard's word) rather than {@code Condition} so it never clashes with
 * jOOQ's {@code Condition} in code that uses both.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Predicate.And.class, name = "and"),
    @JsonSubTypes.Type(value = Predicate.Or.class, name = "or"),
    @JsonSubTypes.Type(value = Predicate.Not.class, name = "not"),
    @JsonSubTypes.Type(value = Predicate.Comparison.class, name = "comparison"),
    @JsonSubTypes.Type(value = Predicate.Like.class, name = "like"),
    @JsonSubTypes.Type(value = Predicate.TextMatch.class, name = "textMatch"),
    @JsonSubTypes.Type(value = Predicate.InList.class, name = "inList"),
    @JsonSubTypes.Type(value = Predicate.InSubquery.class, name = "inSubquery"),
    @JsonSubTypes.Type(value = Predicate.Exists.class, name = "exists"),
    @JsonSubTypes.Type(value = Predicate.Between.class, name = "between"),
    @JsonSubTypes.Type(value = Predicate.IsNull.class, name = "isNull"),
    @JsonSubTypes.Type(value = Predicate.Raw.class, name = "raw")
})
public sealed interface Predicate
        permits Predicate.And,
                Predicate.Or,
                Predicate.Not,
                Predicate.Comparison,
                Predicate.Like,
                Predicate.TextMatch,
                Predicate.InList,
                Predicate.InSubquery,
                Predicate.Exists,
                Predicate.Between,
                Predicate.IsNull,
                Predicate.Raw {

    /** {@code left op right}. */
    static Comparison compare(Expression left, Comparison.Operator operator, Expression right) {
        return new Comparison(left, operator, right);
    }

    /** {@code left = right}. */
    static Comparison equal(Expression left, Expression right) {
        return new Comparison(left, Comparison.Operator.EQ, right);
    }

    /** All of the given conditions. */
    static And and(Predicate... operands) {
        return new And(List.of(operands));
    }

    /** Any of the given conditions. */
    static Or or(Predicate... operands) {
        return new Or(List.of(operands));
    }

    /** {@code NOT operand}. */
    static Not not(Predicate operand) {
        return new Not(operand);
    }

    /** All operands hold. */
    record And(List<Predicate> operands) implements Predicate {
        public And {
            operands = List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("AND needs at least one operand");
            }
        }

        public And withOperands(List<Predicate> newOperands) {
            return new And(newOperands);
        }
    }

    /** At least one operand holds. */
    record Or(List<Predicate> operands) implements Predicate {
        public Or {
            operands = List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("OR needs at least one operand");
            }
        }

        public Or withOperands(List<Predicate> newOperands) {
            return new Or(newOperands);
        }
    }

    /** The operand does not hold. */
    record Not(Predicate operand) implements Predicate {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        public Not withOperand(Predicate newOperand) {
            return new Not(newOperand);
        }
    }

    /** {@code left op right} with one of = &lt;&gt; &lt; &lt;= &gt; &gt;=. */
    record Comparison(Expression left, Operator operator, Expression right) implements Predicate {
        /** Comparison operators, with their SQL spelling. */
        public enum Operator {
            EQ("="),
            NE("<>"),
            LT("<"),
            LE("<="),
            GT(">"),
            GE(">=");

            private final String sql;

            Operator(String sql) {
                this.sql = sql;
            }

            /** The operator as written in SQL. */
            public String sql() {
                return sql;
            }
        }

        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        public Comparison withLeft(Expression newLeft) {
            return new Comparison(newLeft, operator, right);
        }

        public Comparison withOperator(Operator newOperator) {
            return new Comparison(left, newOperator, right);
        }

        public Comparison withRight(Expression newRight) {
            return new Comparison(left, operator, newRight);
        }
    }

    /** {@code value [NOT] LIKE pattern}, or ILIKE when {@code ignoreCase}. */
    record Like(Expression value, Expression pattern, boolean ignoreCase, boolean negated) implements Predicate {
        public Like {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(pattern, "pattern");
        }

        public Like withValue(Expression newValue) {
            return new Like(newValue, pattern, ignoreCase, negated);
        }

        public Like withPattern(Expression newPattern) {
            return new Like(value, newPattern, ignoreCase, negated);
        }

        public Like withIgnoreCase(boolean newIgnoreCase) {
            return new Like(value, pattern, newIgnoreCase, negated);
        }

        public Like withNegated(boolean newNegated) {
            return new Like(value, pattern, ignoreCase, newNegated);
        }
    }

    /**
     * {@code value} contains, starts with or ends with {@code part}, taken literally: {@code %} and {@code _} in
     * the part are matched as themselves, not as LIKE wildcards.
     */
    record TextMatch(Expression value, Expression part, Position position) implements Predicate {
        /** Where the part must be found. */
        public enum Position {
            CONTAINS("contains"),
            STARTS_WITH("starts with"),
            ENDS_WITH("ends with");

            private final String words;

            Position(String words) {
                this.words = words;
            }

            /** The position in the user's words ({@code contains}, {@code starts with}). */
            public String words() {
                return words;
            }
        }

        public TextMatch {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(position, "position");
        }

        public TextMatch withValue(Expression newValue) {
            return new TextMatch(newValue, part, position);
        }

        public TextMatch withPart(Expression newPart) {
            return new TextMatch(value, newPart, position);
        }

        public TextMatch withPosition(Position newPosition) {
            return new TextMatch(value, part, newPosition);
        }
    }

    /** {@code value [NOT] IN (values...)}. */
    record InList(Expression value, List<Expression> values, boolean negated) implements Predicate {
        public InList {
            Objects.requireNonNull(value, "value");
            values = List.copyOf(values);
        }

        public InList withValue(Expression newValue) {
            return new InList(newValue, values, negated);
        }

        public InList withValues(List<Expression> newValues) {
            return new InList(value, newValues, negated);
        }

        public InList withNegated(boolean newNegated) {
            return new InList(value, values, newNegated);
        }
    }

    /** {@code value [NOT] IN (subquery)}. */
    record InSubquery(Expression value, Query query, boolean negated) implements Predicate {
        public InSubquery {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(query, "query");
        }

        public InSubquery withValue(Expression newValue) {
            return new InSubquery(newValue, query, negated);
        }

        public InSubquery withQuery(Query newQuery) {
            return new InSubquery(value, newQuery, negated);
        }

        public InSubquery withNegated(boolean newNegated) {
            return new InSubquery(value, query, newNegated);
        }
    }

    /** {@code [NOT] EXISTS (subquery)}. */
    record Exists(Query query, boolean negated) implements Predicate {
        public Exists {
            Objects.requireNonNull(query, "query");
        }

        public Exists withQuery(Query newQuery) {
            return new Exists(newQuery, negated);
        }

        public Exists withNegated(boolean newNegated) {
            return new Exists(query, newNegated);
        }
    }

    /** {@code value [NOT] BETWEEN low AND high} (bounds included). */
    record Between(Expression value, Expression low, Expression high, boolean negated) implements Predicate {
        public Between {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }

        public Between withValue(Expression newValue) {
            return new Between(newValue, low, high, negated);
        }

        public Between withLow(Expression newLow) {
            return new Between(value, newLow, high, negated);
        }

        public Between withHigh(Expression newHigh) {
            return new Between(value, low, newHigh, negated);
        }

        public Between withNegated(boolean newNegated) {
            return new Between(value, low, high, newNegated);
        }
    }

    /** {@code value IS [NOT] NULL}. */
    record IsNull(Expression value, boolean negated) implements Predicate {
        public IsNull {
            Objects.requireNonNull(value, "value");
        }

        public IsNull withValue(Expression newValue) {
            return new IsNull(newValue, negated);
        }

        public IsNull withNegated(boolean newNegated) {
            return new IsNull(value, newNegated);
        }
    }

    /** Condition SQL the model cannot hold, passed through unchanged. */
    record Raw(String sql) implements Predicate {
        public Raw {
            Objects.requireNonNull(sql, "sql");
        }

        public Raw withSql(String newSql) {
            return new Raw(newSql);
        }
    }
}
