package dev.athanor.query.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** An item of the select list: an expression with an optional label, or {@code *} / {@code table.*}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SelectItem.Value.class, name = "value"),
    @JsonSubTypes.Type(value = SelectItem.AllColumns.class, name = "allColumns")
})
public sealed interface SelectItem permits SelectItem.Value, SelectItem.AllColumns {

    /** An unlabelled expression. */
    static Value of(Expression expression) {
        return new Value(expression, null);
    }

    /** {@code expression AS label}. */
    static Value of(Expression expression, String label) {
        return new Value(expression, label);
    }

    /** {@code *}. */
    static AllColumns all() {
        return new AllColumns(null);
    }

    /** {@code table.*}. */
    static AllColumns allOf(String table) {
        return new AllColumns(table);
    }

    /** {@code expression [AS label]}; {@code label} may be {@code null}. */
    record Value(Expression expression, String label) implements SelectItem {
        public Value {
            Objects.requireNonNull(expression, "expression");
        }

        public Value withExpression(Expression newExpression) {
            return new Value(newExpression, label);
        }

        public Value withLabel(String newLabel) {
            return new Value(expression, newLabel);
        }
    }

    /** {@code *} when {@code table} is {@code null}, else {@code table.*}. */
    record AllColumns(String table) implements SelectItem {
        public AllColumns withTable(String newTable) {
            return new AllColumns(newTable);
        }
    }
}
