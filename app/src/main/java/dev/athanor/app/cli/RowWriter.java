package dev.athanor.app.cli;

import java.io.IOException;
import java.util.List;

/**
 * Writes result rows to standard output as they arrive, one query after another. Values are the server's text
 * form ({@code null} for SQL NULL); booleans are {@code "true"} / {@code "false"}.
 */
sealed interface RowWriter permits CsvRows, JsonRows, JsonLinesRows, TableRows {
    /** Starts the rows of one query. */
    void begin(String queryName, List<Column> columns) throws IOException;

    /** Writes one row; {@code values} has one entry per column. */
    void row(String[] values) throws IOException;

    /** Ends the rows of the current query. */
    void end() throws IOException;

    /** Ends the whole output (after the last query). */
    void finish() throws IOException;
}
