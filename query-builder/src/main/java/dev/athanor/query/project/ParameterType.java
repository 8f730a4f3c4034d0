package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * The declared type of a query parameter, named as in PostgreSQL. It decides how a value typed on the command line
 * or stored as a default is turned into the Java value that is bound.
 */
public enum ParameterType {
    @JsonProperty("text")
    TEXT("text"),
    @JsonProperty("integer")
    INTEGER("integer"),
    @JsonProperty("bigint")
    BIGINT("bigint"),
    @JsonProperty("numeric")
    NUMERIC("numeric"),
    @JsonProperty("double precision")
    DOUBLE_PRECISION("double precision"),
    @JsonProperty("boolean")
    BOOLEAN("boolean"),
    @JsonProperty("date")
    DATE("date"),
    @JsonProperty("time")
    TIME("time"),
    @JsonProperty("timestamp")
    TIMESTAMP("timestamp"),
    @JsonProperty("timestamptz")
    TIMESTAMPTZ("timestamptz"),
    @JsonProperty("uuid")
    UUID_TYPE("uuid");

    private final String sqlName;

    ParameterType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The PostgreSQL spelling, as written in a project file and in a cast. */
    public String sqlName() {
        return sqlName;
    }

    /**
     * The value {@code text} stands for: {@link String}, {@link Integer}, {@link Long}, {@link BigDecimal},
     * {@link Double}, {@link Boolean}, {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime},
     * {@link OffsetDateTime} or {@link UUID}.
     *
     * @throws IllegalArgumentException with a message for people when the text is not a value of this type
     */
    public Object parse(String text) {
        try {
            return switch (this) {
                case TEXT -> text;
                case INTEGER -> Integer.valueOf(text.strip());
                case BIGINT -> Long.valueOf(text.strip());
                case NUMERIC -> new BigDecimal(text.strip());
                case DOUBLE_PRECISION -> Double.valueOf(text.strip());
                case BOOLEAN -> parseBoolean(text);
                case DATE -> LocalDate.parse(text.strip());
                case TIME -> LocalTime.parse(text.strip());
                case TIMESTAMP -> LocalDateTime.parse(text.strip().replace(' ', 'T'));
                case TIMESTAMPTZ -> OffsetDateTime.parse(text.strip().replace(' ', 'T'));
                case UUID_TYPE -> UUID.fromString(text.strip());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + example(), e);
        }
    }

    private Object parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "f", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + text + "' is not " + example());
        };
    }

    private String example() {
        return switch (this) {
            case TEXT -> "text";
            case INTEGER -> "an integer (e.g. 40000)";
            case BIGINT -> "a whole number (e.g. 40000)";
            case NUMERIC -> "a number (e.g. 12.50)";
            case DOUBLE_PRECISION -> "a number (e.g. 0.5)";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (e.g. 2024-01-31)";
            case TIME -> "a time (e.g. 13:45:00)";
            case TIMESTAMP -> "a timestamp (e.g. 2024-01-31 13:45:00)";
            case TIMESTAMPTZ -> "a timestamp with offset (e.g. 2024-01-31 13:45:00+01:00)";
            case UUID_TYPE -> "a UUID";
        };
    }
}
