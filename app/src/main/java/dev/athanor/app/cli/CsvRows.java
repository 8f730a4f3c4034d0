package dev.athanor.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break (quotes
 * doubled). NULL is an empty unquoted field and the empty string is {@code ""}, so the two stay apart. Several
 * queries give one block each, separated by an empty line.
 */
final class CsvRows implements RowWriter {
    private static final String LINE_END = "\r\n";

    private final Writer out;
    private int blocks;

    CsvRows(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(String queryName, List<Column> columns) throws IOException {
        if (blocks++ > 0) {
            out.write(LINE_END);
        }
        var labels = new String[columns.size()];
        for (var i = 0; i < labels.length; i++) {
            labels[i] = columns.get(i).label();
        }
        row(labels);
    }

    @Override
    public void row(String[] values) throws IOException {
        for (var i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(values[i]);
        }
        out.write(LINE_END);
    }

    private void writeField(String value) throws IOException {
        if (value == null) {
            return;
        }
        if (value.isEmpty() || needsQuotes(value)) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
    }

    private static boolean needsQuotes(String value) {
        for (var i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void end() {}

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
