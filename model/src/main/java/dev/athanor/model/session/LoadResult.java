package dev.athanor.model.session;

import java.util.List;
import java.util.Objects;

/**
 * What a load gave: the parent rows, once each, in the query's order, and what it cost.
 *
 * @param rows the parents (objects of the session's identity map); their relationships named in the query are
 *     loaded (readable without SQL through {@link Session#loadedRelated(Row, dev.athanor.model.relationship.Relationship)})
 * @param report the statements sent and the rows received
 */
public record LoadResult(List<Row> rows, LoadReport report) {
    public LoadResult {
        rows = List.copyOf(rows);
        Objects.requireNonNull(report, "report");
    }
}
