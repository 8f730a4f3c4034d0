package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The type of a query parameter, named as in PostgreSQL: how text typed for a {@code :name} (in the console's
 * dialog, the builder's parameter fields, on the command line or stored as a project default) becomes the Java
 * value that is bound. It is the one conversion of typed text to bind values in the product.
 */
public enum ParameterType {
    /**
     * Bound without a declared type (in the console), so the server infers it from where the parameter stands: a
     * text parameter compares with an enum, json or varchar column alike.
     */
    @JsonProperty("text")
    TEXT("text", Types.OTHER),
    @JsonProperty("integer")
    INTEGER("integer", Types.INTEGER),
    @JsonProperty("bigint")
    BIGINT("bigint", Types.BIGINT),
    @JsonProperty("numeric")
    NUMERIC("numeric", Types.NUMERIC),
    @JsonProperty("double precision")
    DOUBLE_PRECISION("double precision", Types.DOUBLE),
    @JsonProperty("boolean")
    BOOLEAN("boolean", Types.BOOLEAN),
    @JsonProperty("date")
    DATE("date", Types.DATE),
    @JsonProperty("time")
    TIME("time", Types.TIME),
    @JsonProperty("timestamp")
    TIMESTAMP("timestamp", Types.TIMESTAMP),
    @JsonProperty("timestamptz")
    TIMESTAMPTZ("timestamptz", Types.TIMESTAMP_WITH_TIMEZONE),
    @JsonProperty("uuid")
    UUID_TYPE("uuid", Types.OTHER),
    /**
     * SQL NULL whatever the text: the console offers it to bind a NULL; a saved query's parameter declares one of
     * the other types instead.
     */
    NULL("NULL", Types.NULL);

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private final String sqlName;
    private final int jdbcType;

    ParameterType(String sqlName, int jdbcType) {
        this.sqlName = sqlName;
        this.jdbcType = jdbcType;
    }

    /** The PostgreSQL spelling, as written in a project file and in a cast. */
    public String sqlName() {
        return sqlName;
    }

    /** The {@link java.sql.Types} code to give {@code setObject} (or {@code setNull}) with the parsed value. */
    public int jdbcType() {
        return jdbcType;
    }

    /**
     * The type that text typed without a declared type is read as: a whole number is an {@link #INTEGER} (or a
     * {@link #BIGINT} when it does not fit), a number with a decimal point is {@link #NUMERIC}, anything else (and
     * null) is {@link #TEXT}.
     */
    public static ParameterType readAs(String text) {
        if (text == null) {
            return TEXT;
        }
        String value = text.strip();
        if (WHOLE_NUMBER.matcher(value).matches()) {
            long number = Long.parseLong(value);
            return number == (int) number ? INTEGER : BIGINT;
        }
        return DECIMAL.matcher(value).matches() ? NUMERIC : TEXT;
    }

    /**
     * The type to bind a value of the server type {@code serverType} with, as the server names it when it
     * describes a statement's parameters ({@code int4}, {@code timestamptz}...); empty for types with no choice of
     * their own (enums, json, arrays...), which are bound as {@link #TEXT} and converted by the server.
     */
    public static Optional<ParameterType> ofServerType(String serverType) {
        if (serverType == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (serverType) {
                    case "int2", "int4" -> INTEGER;
                    case "int8" -> BIGINT;
                    case "numeric" -> NUMERIC;
                    case "float4", "float8" -> DOUBLE_PRECISION;
                    case "bool" -> BOOLEAN;
                    case "date" -> DATE;
                    case "time" -> TIME;
                    case "timestamp" -> TIMESTAMP;
                    case "timestamptz" -> TIMESTAMPTZ;
                    case "uuid" -> UUID_TYPE;
                    case "text", "varchar", "bpchar", "name" -> TEXT;
                    default -> null;
                });
    }

    /**
     * The value {@code text} stands for: {@link String}, {@link Integer}, {@link Long}, {@link BigDecimal},
     * {@link Double}, {@link Boolean}, {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime},
     * {@link OffsetDateTime}, {@link UUID}, or null for {@link #NULL}.
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
                case NULL -> null;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + example(), e);
        }
    }

    private Object parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1" -> Boolean.TRUE;
            case "false", "f", "no", "n", "off", "0" -> Boolean.FALSE;
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
            case NULL -> "NULL";
        };
    }

    /** The PostgreSQL spelling, as a choice is shown to people. */
    @Override
    public String toString() {
        return sqlName;
    }
}
