package dev.athanor.app.session;

import dev.athanor.model.catalog.Column;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Turns what the user typed into a cell into the value the session binds, by the column's type; refuses what the
 * type cannot hold with a message in plain words. Dates, times, JSON and enum labels stay text once checked: the
 * session binds text untyped and the server reads it as the column's type.
 */
final class CellValue {
    private CellValue() {}

    /** The editor a column gets. */
    enum Editor {
        TEXT,
        BOOLEAN,
        CHOICE
    }

    static Editor editor(Column column, List<String> enumLabels) {
        if (!enumLabels.isEmpty()) return Editor.CHOICE;
        return column.type().equals("boolean") ? Editor.BOOLEAN : Editor.TEXT;
    }

    /**
     * The value for {@code text} typed into {@code column}.
     *
     * @param enumLabels the labels of the column's enum type; empty for other types
     * @throws IllegalArgumentException with the message to show when the text does not fit the type
     */
    static Object parse(Column column, List<String> enumLabels, String text) {
        String type = column.type().toLowerCase(Locale.ROOT);
        String trimmed = text.strip();
        if (!enumLabels.isEmpty()) {
            if (!enumLabels.contains(text)) {
                throw new IllegalArgumentException("Choose one of " + String.join(", ", enumLabels) + ".");
            }
            return text;
        }
        try {
            switch (type) {
                case "smallint" -> {
                    return Short.valueOf(trimmed);
                }
                case "integer" -> {
                    return Integer.valueOf(trimmed);
                }
                case "bigint" -> {
                    return Long.valueOf(trimmed);
                }
                case "real" -> {
                    return Float.valueOf(trimmed);
                }
                case "double precision" -> {
                    return Double.valueOf(trimmed);
                }
                case "boolean" -> {
                    return switch (trimmed.toLowerCase(Locale.ROOT)) {
                        case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
                        case "false", "f", "no", "n", "0" -> Boolean.FALSE;
                        default -> throw new IllegalArgumentException("Type true or false.");
                    };
                }
                case "date" -> {
                    LocalDate.parse(trimmed);
                    return trimmed;
                }
                default -> {}
            }
            if (type.startsWith("numeric")) {
                return new BigDecimal(trimmed);
            }
            if (type.startsWith("timestamp")) {
                checkTimestamp(trimmed, type.contains("with time zone"));
                return trimmed;
            }
            if (type.startsWith("time")) {
                LocalTime.parse(
                        trimmed.length() > 8 && type.contains("with time zone") ? trimmed.substring(0, 8) : trimmed);
                return trimmed;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of type " + column.type() + ".");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + column.type()
                    + (type.equals("date") ? " (write 2026-12-01)." : " (write 2026-12-01 14:30:00)."));
        }
        return text;
    }

    private static void checkTimestamp(String text, boolean zoned) {
        String iso = text.replace(' ', 'T');
        if (zoned) {
            try {
                OffsetDateTime.parse(iso.endsWith("+00") ? iso + ":00" : iso);
                return;
            } catch (DateTimeParseException e) {
                // A zone may be left out: the server then uses the session's time zone.
            }
        }
        LocalDateTime.parse(iso);
    }
}
