package dev.athanor.model.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One statement of a flush, for one row: the SQL as sent (positional {@code ?} binds) and its bind values.
 * Statements sharing a {@link #batch()} number go to the server as one JDBC batch.
 *
 * @param operation INSERT, UPDATE or DELETE
 * @param row the row it writes
 * @param sql the statement text
 * @param binds the bind values in order; a {@link PendingKey} stands for a key the server has yet to give
 * @param batch the batch the statement belongs to, from 1 in flush order
 */
public record PlannedStatement(Operation operation, Row row, String sql, List<Object> binds, int batch) {

    public PlannedStatement {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(sql, "sql");
        binds = Collections.unmodifiableList(new ArrayList<>(binds));
    }

    /**
     * A value the flush learns only when an earlier INSERT returns it: a pending parent's new key.
     *
     * @param row the pending row whose key it is
     * @param column the key column
     */
    public record PendingKey(Row row, String column) {
        @Override
        public String toString() {
            return "<" + column + " of " + row.describe() + ">";
        }
    }

    /** The statement and its binds on one line, the way the echo log shows them. */
    @Override
    public String toString() {
        return sql
                + (binds.isEmpty()
                        ? ""
                        : "  -- "
                                + binds.stream()
                                        .map(PlannedStatement::show)
                                        .collect(Collectors.joining(", ", "[", "]")));
    }

    private static String show(Object value) {
        return value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
    }
}
