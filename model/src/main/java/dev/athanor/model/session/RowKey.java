package dev.athanor.model.session;

import dev.athanor.model.catalog.QualifiedName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a row in a session: its table and primary key values in key order (several for a composite
 * key). Integral numbers compare by value whatever their Java type, so {@code 5} typed by a person finds the row
 * the driver read as {@code Integer 5} or {@code Long 5}.
 *
 * @param table the table statements name (a partition's rows are keyed under its parent)
 * @param values the key values in key order
 */
public record RowKey(QualifiedName table, List<Object> values) {

    public RowKey {
        Objects.requireNonNull(table, "table");
        var normalized = new ArrayList<Object>(values.size());
        for (Object value : values) {
            normalized.add(normalize(Objects.requireNonNull(value, "a primary key value is never NULL")));
        }
        values = Collections.unmodifiableList(normalized);
    }

    private static Object normalize(Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b when b.bitLength() < 64 -> b.longValue();
            case BigDecimal d
            when d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(LONG_MAX) <= 0 -> d.longValueExact();
            default -> value;
        };
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    @Override
    public String toString() {
        return table + " " + values;
    }
}
