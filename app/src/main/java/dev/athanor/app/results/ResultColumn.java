package dev.athanor.app.results;

import dev.athanor.model.engine.Cursor;
import dev.athanor.model.engine.CursorColumn;
import dev.athanor.model.engine.ValueKind;
import java.util.List;

/**
 * A column of a result.
 *
 * @param name the label the query gave it
 * @param typeName the PostgreSQL type name ({@code int4}, {@code text}, {@code bytea}...)
 * @param kind how its values are fetched (see {@link Cursor}) and shown: numbers right-aligned, bytes as hex
 */
public record ResultColumn(String name, String typeName, ValueKind kind) {
    /** The column of a cursor, as the grid shows it. */
    public static ResultColumn of(CursorColumn column) {
        return new ResultColumn(column.label(), column.typeName(), column.kind());
    }

    /** The columns of {@code cursor}, in order. */
    public static List<ResultColumn> of(Cursor cursor) {
        return cursor.columns().stream().map(ResultColumn::of).toList();
    }
}
