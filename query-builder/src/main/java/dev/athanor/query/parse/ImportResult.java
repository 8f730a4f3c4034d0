package dev.athanor.query.parse;

import dev.athanor.query.model.Query;
import java.util.List;
import java.util.Objects;

/**
 * The model of an imported statement and what of it the model could not hold.
 *
 * @param query the model; parts it could not hold are raw-SQL nodes in their place
 * @param warnings one warning per raw-SQL node, in the order they were met; empty when everything was understood
 */
public record ImportResult(Query query, List<Warning> warnings) {
    public ImportResult {
        Objects.requireNonNull(query, "query");
        warnings = List.copyOf(warnings);
    }

    /** Whether the whole statement became model nodes, with no raw SQL left. */
    public boolean complete() {
        return warnings.isEmpty();
    }

    /**
     * A part of the statement kept as raw SQL.
     *
     * @param message what was kept and why, written for the person who imported the query
     * @param sql the SQL text that was kept
     */
    public record Warning(String message, String sql) {
        public Warning {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(sql, "sql");
        }
    }
}
