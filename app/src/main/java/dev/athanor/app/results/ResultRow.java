package dev.athanor.app.results;

import java.util.Arrays;
import java.util.List;

/** One fetched row. Values may be {@code null} (SQL NULL); byte arrays are never handed out for changing. */
public final class ResultRow {
    private final Object[] values;

    ResultRow(Object[] values) {
        this.values = values;
    }

    /** Rows as a {@link dev.athanor.model.engine.Cursor} fetched them (the arrays are taken, not copied). */
    public static List<ResultRow> of(List<Object[]> page) {
        return page.stream().map(ResultRow::new).toList();
    }

    /** The value of column {@code index} (0-based): a {@link Number}, Boolean, {@code byte[]}, String or null. */
    public Object get(int index) {
        Object value = values[index];
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    /** Like {@link #get} without the defensive copy of byte arrays: for rendering, which only reads. */
    Object peek(int index) {
        return values[index];
    }

    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
