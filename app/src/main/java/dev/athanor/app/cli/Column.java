package dev.athanor.app.cli;

import dev.athanor.model.engine.CursorColumn;
import java.util.List;

/**
 * A result column as the writers need it: its label and whether its values are numbers, booleans or text.
 *
 * @param label the column label from the server
 * @param kind how values are written
 */
record Column(String label, Kind kind) {
    /** How a column's values are written. */
    enum Kind {
        /** Written as JSON numbers (the server's exact text, e.g. {@code 12.50}) and right-aligned in a table. */
        NUMBER,
        /** {@code true} / {@code false}. */
        BOOLEAN,
        /** The server's text form. */
        TEXT
    }

    static List<Column> of(List<CursorColumn> columns) {
        return columns.stream().map(Column::of).toList();
    }

    private static Column of(CursorColumn column) {
        // money is written as the server prints it, but stays aligned with the numbers
        var kind =
                switch (column.kind()) {
                    case NUMBER -> Kind.NUMBER;
                    case BOOLEAN -> Kind.BOOLEAN;
                    case BYTES, TEXT -> "money".equals(column.typeName()) ? Kind.NUMBER : Kind.TEXT;
                };
        return new Column(column.label(), kind);
    }
}
