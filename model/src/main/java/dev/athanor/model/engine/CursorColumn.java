package dev.athanor.model.engine;

import java.util.Objects;

/**
 * One column of a {@link Cursor}'s rows.
 *
 * @param label the column's name as the query labels it
 * @param typeName the server's type name, e.g. {@code int4}, {@code text}
 * @param kind how its values are read
 */
public record CursorColumn(String label, String typeName, ValueKind kind) {
    public CursorColumn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }
}
