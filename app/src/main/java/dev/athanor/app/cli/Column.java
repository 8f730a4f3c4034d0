package dev.athanor.app.cli;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
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

    static List<Column> of(ResultSetMetaData metaData) throws SQLException {
        var columns = new ArrayList<Column>();
        for (var i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(new Column(metaData.getColumnLabel(i), kindOf(metaData.getColumnType(i))));
        }
        return List.copyOf(columns);
    }

    private static Kind kindOf(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE,
                    Types.NUMERIC,
                    Types.DECIMAL -> Kind.NUMBER;
            case Types.BIT, Types.BOOLEAN -> Kind.BOOLEAN;
            default -> Kind.TEXT;
        };
    }
}
