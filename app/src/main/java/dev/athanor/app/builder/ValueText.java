package dev.athanor.app.builder;

import dev.athanor.query.model.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a value field (the right side of a condition): what is typed is a value, never SQL. A number is a
 * number, {@code :name} a parameter, text in single quotes the text inside them, and anything else the text as
 * typed; {@code %Python%} is the string {@code '%Python%'}. A typed date, time or interval ({@code date '2012-09-01'},
 * as the date editor writes it) is that constant. An expression (a column, a function) is chosen with the
 * field's expression switch and read by {@link ExpressionText} instead.
 */
final class ValueText {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern PARAMETER = Pattern.compile(":[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BETWEEN_AND = Pattern.compile("(?i)\\s+and\\s+");
    /** A typed date, time or interval constant ({@code date '2012-09-01'}), as the date editor writes it. */
    private static final Pattern TYPED_CONSTANT =
            Pattern.compile("(?i)(date|time|timestamp|timestamptz|timestamp with time zone|interval)\\s*'[^']*'");

    private ValueText() {}

    /**
     * Reads one typed value.
     *
     * @param asText whether a number-looking text stays text (a LIKE pattern, "contains")
     */
    static Expression parse(String text, boolean asText) {
        String trimmed = text.strip();
        if (PARAMETER.matcher(trimmed).matches()) {
            return new Expression.Parameter(trimmed.substring(1).toLowerCase(Locale.ROOT), null);
        }
        if (trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
            String inside = trimmed.substring(1, trimmed.length() - 1);
            if (!inside.replace("''", "").contains("'")) {
                return Expression.string(inside.replace("''", "'"));
            }
        }
        if (!asText
                && TYPED_CONSTANT.matcher(trimmed).matches()
                && ExpressionText.parse(trimmed) instanceof Expression.Literal literal
                && literal.type().temporal()) {
            return literal;
        }
        if (!asText && NUMBER.matcher(trimmed).matches()) {
            return new Expression.Literal(Expression.Literal.Type.NUMBER, trimmed);
        }
        return Expression.string(trimmed);
    }

    /** Reads comma-separated values (an IN list); a comma inside quotes belongs to its value. */
    static List<Expression> parseList(String text) {
        var values = new ArrayList<Expression>();
        for (String part : ExpressionText.splitTopLevel(text)) {
            if (!part.isBlank()) {
                values.add(parse(part, false));
            }
        }
        return List.copyOf(values);
    }

    /** Reads {@code low AND high} (BETWEEN); empty when there is no AND between two values. */
    static List<Expression> parseRange(String text) {
        var matcher = BETWEEN_AND.matcher(text);
        if (!matcher.find() || matcher.start() == 0 || matcher.end() == text.length()) {
            return List.of();
        }
        return List.of(parse(text.substring(0, matcher.start()), false), parse(text.substring(matcher.end()), false));
    }

    /** Whether a value field can show {@code expression} (a constant or a parameter). */
    static boolean holdsValue(Expression expression) {
        return expression instanceof Expression.Parameter
                || expression instanceof Expression.Literal literal && literal.type() != Expression.Literal.Type.NULL;
    }

    /**
     * Writes a value as its field shows it: text without quotes unless the text would read back as something
     * else (a number, a parameter, or spaces at its ends).
     */
    static String format(Expression expression) {
        if (expression instanceof Expression.Literal literal
                && literal.type() == Expression.Literal.Type.STRING
                && !NUMBER.matcher(literal.text()).matches()
                && !PARAMETER.matcher(literal.text()).matches()
                && !TYPED_CONSTANT.matcher(literal.text()).matches()
                && !literal.text().contains(",")
                && literal.text().equals(literal.text().strip())
                && !(literal.text().startsWith("'") && literal.text().endsWith("'"))) {
            return literal.text();
        }
        return ExpressionText.format(expression);
    }
}
