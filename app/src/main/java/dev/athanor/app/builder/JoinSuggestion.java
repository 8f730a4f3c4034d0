package dev.athanor.app.builder;

import java.util.List;

/**
 * A join the catalog's foreign keys suggest between two boxes on the canvas: {@code from.columns} reference
 * {@code to.columns}, position by position (several for a composite key).
 *
 * @param foreignKey the constraint name
 * @param fromAlias the box holding the referencing columns
 * @param fromColumns the referencing columns
 * @param toAlias the box holding the referenced columns
 * @param toColumns the referenced columns
 */
public record JoinSuggestion(
        String foreignKey, String fromAlias, List<String> fromColumns, String toAlias, List<String> toColumns) {
    public JoinSuggestion {
        fromColumns = List.copyOf(fromColumns);
        toColumns = List.copyOf(toColumns);
    }

    /** The condition in words, e.g. {@code r.worker_id = w.id}. */
    public String condition() {
        var pairs = new StringBuilder();
        for (int i = 0; i < fromColumns.size(); i++) {
            if (i > 0) {
                pairs.append(" AND ");
            }
            pairs.append(fromAlias).append('.').append(fromColumns.get(i)).append(" = ");
            pairs.append(toAlias).append('.').append(toColumns.get(i));
        }
        return pairs.toString();
    }
}
