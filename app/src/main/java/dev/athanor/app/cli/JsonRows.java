package dev.athanor.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One JSON array of row objects, written element by element (one row per line). With several queries the output is
 * one object whose keys are the query names and whose values are those arrays.
 */
final class JsonRows implements RowWriter {
    private final Writer out;
    private final boolean several;
    private List<Column> columns;
    private List<String> keys;
    private int queries;
    private long rows;

    JsonRows(Writer out, boolean several) {
        this.out = out;
        this.several = several;
    }

    @Override
    public void begin(String queryName, List<Column> newColumns) throws IOException {
        columns = newColumns;
        keys = JsonText.keys(newColumns);
        rows = 0;
        if (several) {
            out.write(queries++ == 0 ? "{\n" : ",\n");
            JsonText.string(out, queryName);
            out.write(": ");
        }
        out.write('[');
    }

    @Override
    public void row(String[] values) throws IOException {
        out.write(rows++ == 0 ? "\n" : ",\n");
        JsonText.row(out, columns, keys, values);
    }

    @Override
    public void end() throws IOException {
        out.write(rows == 0 ? "]" : "\n]");
    }

    @Override
    public void finish() throws IOException {
        if (several) {
            out.write(queries == 0 ? "{}" : "\n}");
        }
        out.write('\n');
        out.flush();
    }
}
