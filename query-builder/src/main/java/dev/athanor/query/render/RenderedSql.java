package dev.athanor.query.render;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL with {@code ?} placeholders and the values to bind to them, in placeholder order.
 *
 * @param sql the statement text
 * @param bindValues one value per {@code ?}; may contain {@code null}
 */
public record RenderedSql(String sql, List<Object> bindValues) {
    public RenderedSql {
        // List.copyOf rejects nulls, and NULL is a legitimate bind value.
        bindValues = Collections.unmodifiableList(new ArrayList<>(bindValues));
    }

    /**
     * Binds the values to a statement prepared from {@link #sql()}. Text is bound with an unspecified type, as the
     * renderer does, so PostgreSQL infers it from the context (an enum column, a date...) like a quoted literal.
     */
    public void bindTo(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < bindValues.size(); i++) {
            Object value = bindValues.get(i);
            if (value instanceof String text) {
                statement.setObject(i + 1, text, Types.OTHER);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
