package dev.athanor.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON Lines: one row object per line. With several queries each line is {@code {"query": NAME, "row": {...}}} so
 * the rows of different queries stay apart.
 */
final class JsonLinesRows implements RowWriter {
    private final Writer out;
    private final boolean several;
    private List<Column> columns;
    private List<String> keys;
    private String queryName;

    JsonLinesRows(Writer out, boolean several) {
        this.out = out;
        this.several = several;
    }

    @Override
    public void begin(String newQueryName, List<Column> newColumns) {
        queryName = newQueryName;
        columns = newColumns;
        keys = JsonText.keys(newColumns);
    }

    @Override
    public void row(String[] values) throws IOException {
        if (several) {
            out.write("{\"query\":");
            JsonText.string(out, queryName);
            out.write(",\"row\":");
            JsonText.row(out, columns, keys, values);
            out.write('}');
        } else {
            JsonText.row(out, columns, keys, values);
        }
        out.write('\n');
    }

    @Override
    public void end() {}

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
