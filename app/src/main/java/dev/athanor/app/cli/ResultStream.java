package dev.athanor.app.cli;

import dev.athanor.model.engine.Transaction;
import java.io.IOException;

/**
 * Runs queries through server-side cursors of one read-only transaction and hands each row to the writer as it
 * arrives, so memory stays bounded whatever the size of the result; {@value #FETCH_SIZE} rows per round trip.
 */
final class ResultStream {
    static final int FETCH_SIZE = 1_000;

    private final Transaction transaction;

    /** @param transaction where the queries run; Ctrl-C cancels through it, the caller ends it */
    ResultStream(Transaction transaction) {
        this.transaction = transaction;
    }

    /**
     * Runs {@code query} and writes its rows.
     *
     * @return the number of rows written
     * @throws dev.athanor.model.engine.DatabaseException classified
     * @throws IOException when standard output fails
     */
    long run(PreparedQuery query, RowWriter writer) throws IOException {
        try (var cursor = transaction.cursor(query.sql().sql(), query.sql().bindValues(), FETCH_SIZE)) {
            var columns = Column.of(cursor.columns());
            writer.begin(query.saved().name(), columns);
            long rows = 0;
            for (var page = cursor.fetchText(FETCH_SIZE); !page.isEmpty(); page = cursor.fetchText(FETCH_SIZE)) {
                for (var values : page) {
                    writer.row(values);
                    rows++;
                }
            }
            writer.end();
            return rows;
        }
    }
}
