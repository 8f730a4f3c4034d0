package dev.athanor.app.builder;

import dev.athanor.app.results.ResultColumn;
import dev.athanor.app.results.ResultRow;
import dev.athanor.model.engine.ValueKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first page of rows a builder query returned, as the chart reads them.
 *
 * @param columns the column labels
 * @param numeric per column, whether its values are numbers (what a chart can measure)
 * @param rows the rows, values as the grid fetched them
 * @param truncated whether more rows exist than these
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

    /** The rows of a grid page. */
    static ResultTable of(List<ResultColumn> columns, List<ResultRow> page, boolean truncated) {
        var rows = new ArrayList<List<Object>>();
        for (var row : page) {
            var values = new ArrayList<Object>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return new ResultTable(
                columns.stream().map(ResultColumn::name).toList(),
                columns.stream().map(c -> c.kind() == ValueKind.NUMBER).toList(),
                rows,
                truncated);
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
