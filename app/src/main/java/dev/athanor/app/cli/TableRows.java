package dev.athanor.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table for people, preceded by a {@code -- NAME} line per query and followed by the row count.
 * Column widths come from the first {@value #SAMPLE_ROWS} rows only, so memory stays bounded on any result: later,
 * wider values are cut with an ellipsis. No value is wider than {@value #MAX_WIDTH} characters.
 */
final class TableRows implements RowWriter {
    static final int SAMPLE_ROWS = 200;
    static final int MAX_WIDTH = 60;

    private final Writer out;
    private final List<String[]> sample = new ArrayList<>();
    private List<Column> columns;
    private int[] widths;
    private long rows;
    private int queries;

    TableRows(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(String queryName, List<Column> newColumns) throws IOException {
        if (queries++ > 0) {
            out.write('\n');
        }
        out.write("-- " + queryName + "\n");
        columns = newColumns;
        widths = null;
        rows = 0;
        sample.clear();
    }

    @Override
    public void row(String[] values) throws IOException {
        rows++;
        if (widths == null) {
            sample.add(values);
            if (sample.size() == SAMPLE_ROWS) {
                flushSample();
            }
        } else {
            writeRow(values);
        }
    }

    @Override
    public void end() throws IOException {
        if (widths == null) {
            flushSample();
        }
        out.write("(" + rows + (rows == 1 ? " row)" : " rows)") + "\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void flushSample() throws IOException {
        widths = new int[columns.size()];
        for (var i = 0; i < widths.length; i++) {
            widths[i] = Math.min(MAX_WIDTH, Math.max(1, length(columns.get(i).label())));
        }
        for (var values : sample) {
            for (var i = 0; i < widths.length; i++) {
                widths[i] = Math.min(MAX_WIDTH, Math.max(widths[i], length(shown(values[i]))));
            }
        }
        var labels = new String[columns.size()];
        var rule = new StringBuilder();
        for (var i = 0; i < labels.length; i++) {
            labels[i] = columns.get(i).label();
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        writeCells(labels, true);
        out.write(rule.append('\n').toString());
        for (var values : sample) {
            writeRow(values);
        }
        sample.clear();
    }

    private void writeRow(String[] values) throws IOException {
        writeCells(values, false);
    }

    private void writeCells(String[] values, boolean header) throws IOException {
        var line = new StringBuilder();
        for (var i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(" | ");
            }
            var text = fit(shown(values[i]), widths[i]);
            var padding = " ".repeat(widths[i] - length(text));
            if (!header && columns.get(i).kind() == Column.Kind.NUMBER) {
                line.append(padding).append(text);
            } else {
                line.append(text).append(padding);
            }
        }
        // Trailing blanks of the last column carry nothing.
        var end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        out.write(line.append('\n').toString());
    }

    /** NULL shows as nothing; line breaks and tabs would break the grid. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                .replace("\t", "\\t");
    }

    private static String fit(String text, int width) {
        if (length(text) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
