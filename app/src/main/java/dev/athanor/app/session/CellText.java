package dev.athanor.app.session;

import java.util.List;

/** How a value reads in the grid and the Session panel: NULL spelled out, text quoted only where it could mislead. */
final class CellText {
    private CellText() {}

    static String of(Object value) {
        if (value == null) return "NULL";
        if (value instanceof List<?> values) {
            var text = new StringBuilder();
            for (Object each : values) {
                if (!text.isEmpty()) text.append(", ");
                text.append(of(each));
            }
            return text.toString();
        }
        if (value instanceof String text) return text.isEmpty() || text.equals("NULL") ? "'" + text + "'" : text;
        return value.toString();
    }
}
