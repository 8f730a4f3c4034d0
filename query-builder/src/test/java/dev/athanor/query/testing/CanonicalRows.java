package dev.athanor.query.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.postgresql.util.PGInterval;

/**
 * Rows as text that Java's JDBC values and Python's psycopg2 values of the same row both become, so rows read in
 * either language can be compared. {@code run_exported.py} writes Python's values the same way: numbers rounded to
 * 12 significant digits without trailing zeroes, timestamps as {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, intervals as
 * seconds (a month as 30 days, a year as 365, as psycopg2 reads them), NULL as {@code null}.
 */
public final class CanonicalRows {
    private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

    private CanonicalRows() {}

    /** The rows of JDBC values as canonical text, in their order. */
    public static List<List<String>> of(List<List<Object>> rows) {
        var result = new ArrayList<List<String>>(rows.size());
        for (var row : rows) {
            result.add(row.stream().map(CanonicalRows::value).toList());
        }
        return result;
    }

    /** Canonical rows in a fixed order, for comparing results whose order the query leaves open. */
    public static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(Comparator.comparing(List::toString)).toList();
    }

    private static String value(Object value) {
        return switch (value) {
            case null -> "null";
            case Boolean b -> b.toString();
            case BigDecimal d -> number(d);
            case Double d -> number(new BigDecimal(d));
            case Float f -> number(new BigDecimal(f));
            case Number n -> number(new BigDecimal(n.toString()));
            case Timestamp t -> {
                var time = t.toLocalDateTime();
                String text = String.format(
                        "%04d-%02d-%02d %02d:%02d:%02d",
                        time.getYear(),
                        time.getMonthValue(),
                        time.getDayOfMonth(),
                        time.getHour(),
                        time.getMinute(),
                        time.getSecond());
                yield time.getNano() == 0 ? text : text + String.format(".%06d", time.getNano() / 1000);
            }
            case Date d -> d.toString();
            case PGInterval i -> {
                double seconds =
                        ((i.getYears() * 365.0 + i.getMonths() * 30.0 + i.getDays()) * 24 + i.getHours()) * 3600
                                + i.getMinutes() * 60.0
                                + i.getSeconds();
                yield number(new BigDecimal(seconds));
            }
            default -> value.toString();
        };
    }

    private static String number(BigDecimal number) {
        return number.round(PRECISION).stripTrailingZeros().toPlainString();
    }
}
