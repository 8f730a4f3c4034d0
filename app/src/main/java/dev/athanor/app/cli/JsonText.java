package dev.athanor.app.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Writes JSON values for the row writers: one row is one object keyed by column label. */
final class JsonText {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private JsonText() {}

    /**
     * Keys for the columns: the labels, with {@code _2}, {@code _3}... added to a repeated one ({@code SELECT a.id,
     * b.id}) so every value keeps its own key.
     */
    static List<String> keys(List<Column> columns) {
        var taken = new HashSet<String>();
        var keys = new ArrayList<String>();
        for (var column : columns) {
            var key = column.label();
            for (var n = 2; !taken.add(key); n++) {
                key = column.label() + "_" + n;
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    static void string(Writer out, String text) throws IOException {
        out.write('"');
        out.write(JsonStringEncoder.getInstance().quoteAsString(text));
        out.write('"');
    }

    /** A row as a JSON object: numbers as numbers, booleans as booleans, NULL as null, the rest as strings. */
    static void row(Writer out, List<Column> columns, List<String> keys, String[] values) throws IOException {
        out.write('{');
        for (var i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            string(out, keys.get(i));
            out.write(':');
            value(out, columns.get(i).kind(), values[i]);
        }
        out.write('}');
    }

    private static void value(Writer out, Column.Kind kind, String value) throws IOException {
        if (value == null) {
            out.write("null");
        } else if (kind == Column.Kind.BOOLEAN) {
            out.write(value);
        } else if (kind == Column.Kind.NUMBER && JSON_NUMBER.matcher(value).matches()) {
            out.write(value);
        } else {
            // NaN and Infinity have no JSON number form: they stay strings.
            string(out, value);
        }
    }
}
