package dev.athanor.query.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of date, time and interval literals: which text each type accepts, and the values it stands for.
 *
 * <p>Dates, times and timestamps are held in ISO form ({@code 2012-09-01}, {@code 08:30:00},
 * {@code 2012-09-01 08:30:00}, {@code 2012-09-01 08:30:00+02:00}), which PostgreSQL reads whatever its
 * {@code DateStyle}. An interval is PostgreSQL's own interval input: quantities with units ({@code 1 day},
 * {@code 2 hours 30 minutes}, {@code 1 year 2 mons}), optionally a time of day ({@code 1 day 02:00:00}) and
 * {@code ago}.
 */
public final class DateTimeText {
    /** {@code yyyy-mm-dd hh:mm[:ss[.fraction]]}, the date and time separated by a space or a T. */
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(LOCAL_DATE_TIME)
            .appendOffset("+HH:mm", "Z")
            .toFormatter(Locale.ROOT);

    /** The way timestamps are written back: seconds always, a fraction only when there is one. */
    private static final DateTimeFormatter WRITTEN_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final String UNIT = "(microseconds?|us|usecs?|milliseconds?|ms|msecs?|seconds?|secs?|s"
            + "|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|months?|mons?|years?|yrs?|y|decades?|decs?"
            + "|century|centuries|cent|millennium|millennia|mil|mils)";
    private static final String QUANTITY = "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*" + UNIT;
    private static final String TIME_OF_DAY = "[+-]?\\d+:\\d{1,2}(:\\d{1,2}(\\.\\d+)?)?";
    private static final Pattern INTERVAL =
            Pattern.compile("(@\\s*)?((" + QUANTITY + "|" + TIME_OF_DAY + ")\\s*)+(ago)?", Pattern.CASE_INSENSITIVE);

    private DateTimeText() {}

    /** Whether {@code text} is interval input PostgreSQL reads ({@code 1 day}, {@code 30 minutes}, {@code 01:30}). */
    public static boolean isInterval(String text) {
        return INTERVAL.matcher(text.strip()).matches();
    }

    /** Whether {@code text} is valid for a literal of the temporal type {@code type}. */
    public static boolean isValid(Expression.Literal.Type type, String text) {
        try {
            requireValid(type, text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Checks {@code text} for a literal of {@code type}; throws {@link IllegalArgumentException} with why not. */
    static void requireValid(Expression.Literal.Type type, String text) {
        try {
            switch (type) {
                case DATE -> LocalDate.parse(text.strip());
                case TIME -> LocalTime.parse(text.strip());
                case TIMESTAMP -> localDateTime(text);
                case TIMESTAMPTZ -> offsetDateTime(text);
                case INTERVAL -> {
                    if (!isInterval(text)) {
                        throw new IllegalArgumentException(
                                "'" + text + "' is not an interval: write quantities with units, e.g. 1 day 2 hours");
                    }
                }
                default -> throw new IllegalArgumentException(type + " is not a date, time or interval type");
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a " + type.sqlType() + " (write it as " + example(type) + ")", e);
        }
    }

    /** How a value of the temporal {@code type} is written, as an example for people. */
    public static String example(Expression.Literal.Type type) {
        return switch (type) {
            case DATE -> "2012-09-01";
            case TIME -> "08:30:00";
            case TIMESTAMP -> "2012-09-01 08:30:00";
            case TIMESTAMPTZ -> "2012-09-01 08:30:00+02:00";
            case INTERVAL -> "1 day 2 hours";
            default -> "";
        };
    }

    /** A timestamp's text as a local date-time; a bare date is its midnight. */
    public static LocalDateTime localDateTime(String text) {
        String stripped = text.strip();
        return stripped.length() == 10
                ? LocalDate.parse(stripped).atStartOfDay()
                : LocalDateTime.parse(stripped, LOCAL_DATE_TIME);
    }

    /** A timestamp-with-time-zone's text as an offset date-time ({@code +02} is read as {@code +02:00}). */
    public static OffsetDateTime offsetDateTime(String text) {
        String stripped = text.strip().replaceFirst("([+-]\\d\\d)$", "$1:00");
        return OffsetDateTime.parse(stripped, OFFSET_DATE_TIME);
    }

    /** {@code yyyy-mm-dd hh:mm:ss[.fraction]}: how the model writes a timestamp. */
    public static String timestamp(LocalDateTime value) {
        return value.toLocalDate() + " " + WRITTEN_TIME.format(value.toLocalTime());
    }

    /** {@code hh:mm:ss[.fraction]}: how the model writes a time. */
    public static String time(LocalTime value) {
        return WRITTEN_TIME.format(value);
    }

    /** {@code yyyy-mm-dd hh:mm:ss[.fraction]+hh:mm}: how the model writes a timestamp with time zone. */
    public static String timestampWithTimeZone(OffsetDateTime value) {
        return timestamp(value.toLocalDateTime()) + value.getOffset().getId().replace("Z", "+00:00");
    }
}
