package dev.athanor.app.builder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows a builder query returned, held in memory for the grid and the chart.
 *
 * @param columns the column labels
 * @param numeric per column, whether its values are numbers (what a chart can measure)
 * @param rows the rows, values as JDBC returned them
 * @param truncated whether more rows existed than were read
 */
public record ResultTable(List<String> columns, List<Boolean> numeric, List<List<Object>> rows, boolean truncated) {
    public ResultTable {
        columns = List.copyOf(columns);
        numeric = List.copyOf(numeric);
        var copies = new ArrayList<List<Object>>(rows.size());
        for (var row : rows) {
            copies.add(Collections.unmodifiableList(new ArrayList<>(row))); // values may be NULL
        }
        rows = Collections.unmodifiableList(copies);
    }

    /** The first column that is not numeric: the categories of a chart, or -1. */
    public int categoryColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (!numeric.get(i)) {
                return i;
            }
        }
        return -1;
    }

    /** The first numeric column: the values of a chart, or -1. */
    public int valueColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (numeric.get(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a chart can show the rows: they have a category column and a numeric column. */
    public boolean chartable() {
        return !rows.isEmpty() && categoryColumn() >= 0 && valueColumn() >= 0;
    }
}
