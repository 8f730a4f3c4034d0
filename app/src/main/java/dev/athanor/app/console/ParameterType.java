package dev.athanor.app.console;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The types a user can give a {@code :name} parameter; each decides how the typed text is bound. */
public enum ParameterType {
    /**
     * Sent without a declared type, so the server infers it from where the parameter stands: a text parameter
     * compares with an enum, json or varchar column alike.
     */
    TEXT("text", Types.OTHER),
    INTEGER("integer", Types.BIGINT),
    NUMERIC("numeric", Types.NUMERIC),
    BOOLEAN("boolean", Types.BOOLEAN),
    DATE("date", Types.DATE),
    TIMESTAMP("timestamp", Types.TIMESTAMP),
    NULL("NULL", Types.NULL);

    private final String label;
    private final int jdbcType;

    ParameterType(String label, int jdbcType) {
        this.label = label;
        this.jdbcType = jdbcType;
    }

    /** The {@link java.sql.Types} code given to {@code setObject}. */
    public int jdbcType() {
        return jdbcType;
    }

    /**
     * Converts what the user typed into the value to bind.
     *
     * @throws IllegalArgumentException with a message for the user when the text does not fit the type
     */
    public Object parse(String text) {
        String value = text.strip();
        try {
            return switch (this) {
                case TEXT -> text;
                case INTEGER -> Long.valueOf(value);
                case NUMERIC -> new BigDecimal(value);
                case BOOLEAN -> parseBoolean(value);
                case DATE -> LocalDate.parse(value);
                case TIMESTAMP -> LocalDateTime.parse(value.replace(' ', 'T'));
                case NULL -> null;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not " + article() + " " + label + " (" + example() + ")", e);
        }
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1" -> Boolean.TRUE;
            case "false", "f", "no", "n", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("\"" + value + "\" is not a boolean (true or false)");
        };
    }

    private String article() {
        return this == INTEGER ? "an" : "a";
    }

    private String example() {
        return switch (this) {
            case INTEGER -> "e.g. 42";
            case NUMERIC -> "e.g. 3.14";
            case DATE -> "e.g. 2024-05-31";
            case TIMESTAMP -> "e.g. 2024-05-31 14:30:00";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
