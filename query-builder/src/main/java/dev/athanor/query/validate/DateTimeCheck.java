package dev.athanor.query.validate;

import dev.athanor.query.model.Expression;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Dates, times and intervals used as PostgreSQL allows: date + interval is a timestamp, timestamp - timestamp an
 * interval, {@code extract} and {@code date_trunc} take a date or time, a timestamp is compared with a timestamp.
 * An expression's type is worked out from the catalog's column types and the model's nodes; where it cannot be
 * known (raw SQL, a string constant, an unknown function) nothing is said.
 */
final class DateTimeCheck {
    /** The kinds of value the check tells apart. */
    enum Type {
        DATE,
        TIME,
        TIMESTAMP,
        TIMESTAMPTZ,
        INTERVAL,
        NUMBER,
        TEXT;

        boolean temporal() {
            return this != NUMBER && this != TEXT;
        }

        /** A point in time: a date or a timestamp, which compare with each other. */
        boolean instant() {
            return this == DATE || this == TIMESTAMP || this == TIMESTAMPTZ;
        }

        String sql() {
            return switch (this) {
                case TIMESTAMPTZ -> "timestamp with time zone";
                case NUMBER -> "number";
                default -> name().toLowerCase(Locale.ROOT);
            };
        }
    }

    private static final Pattern NUMERIC = Pattern.compile(
            "(smallint|integer|bigint|numeric|decimal|real|double precision|int[248]?|float[48])(\\(.*\\))?");
    private static final Pattern TEXTUAL =
            Pattern.compile("(text|character varying|varchar|character|char|name|citext)(\\(.*\\))?");

    /** Fields of {@code extract} a date has no value for (PostgreSQL rejects them since version 14). */
    private static final Set<Expression.Extract.Field> TIME_OF_DAY_FIELDS = EnumSet.of(
            Expression.Extract.Field.HOUR,
            Expression.Extract.Field.MINUTE,
            Expression.Extract.Field.SECOND,
            Expression.Extract.Field.MILLISECONDS,
            Expression.Extract.Field.MICROSECONDS,
            Expression.Extract.Field.TIMEZONE,
            Expression.Extract.Field.TIMEZONE_HOUR,
            Expression.Extract.Field.TIMEZONE_MINUTE);

    private DateTimeCheck() {}

    /** Checks one node (arithmetic, extract, date_trunc) found at {@code path}. */
    static void check(Object node, String path, Scope scope, Findings findings) {
        switch (node) {
            case Expression.Arithmetic arithmetic -> {
                var left = typeOf(arithmetic.left(), scope);
                var right = typeOf(arithmetic.right(), scope);
                if (left != null
                        && right != null
                        && (left.temporal() || right.temporal())
                        && arithmetic.operator() != Expression.Arithmetic.Operator.CONCAT
                        && arithmetic(left, arithmetic.operator(), right) == null) {
                    findings.add(
                            Kind.TYPE_MISMATCH,
                            path,
                            "PostgreSQL has no " + left.sql() + " "
                                    + arithmetic.operator().sql() + " " + right.sql()
                                    + hint(left, arithmetic.operator(), right));
                }
            }
            case Expression.Extract extract -> {
                var source = typeOf(extract.source(), scope);
                if (source != null && !source.temporal()) {
                    findings.add(
                            Kind.TYPE_MISMATCH,
                            path,
                            "extract takes a date, time, timestamp or interval, not a " + source.sql() + ".");
                } else if (source == Type.DATE && TIME_OF_DAY_FIELDS.contains(extract.field())) {
                    findings.add(
                            Kind.TYPE_MISMATCH,
                            path,
                            "A date has no " + extract.field().sql() + ": extract it from a timestamp.");
                }
            }
            case Expression.DateTrunc trunc -> {
                var source = typeOf(trunc.source(), scope);
                if (source != null && (!source.temporal() || source == Type.TIME)) {
                    findings.add(
                            Kind.TYPE_MISMATCH,
                            path,
                            "date_trunc takes a timestamp, a date or an interval, not a " + source.sql() + ".");
                }
            }
            default -> {}
        }
    }

    /** Reports at {@code path} when {@code value} can never be compared with {@code other}. */
    static void compare(Expression other, Expression value, String path, Scope scope, Findings findings) {
        var a = typeOf(other, scope);
        var b = typeOf(value, scope);
        if (a == null || b == null || !(a.temporal() || b.temporal()) || comparable(a, b)) {
            return;
        }
        findings.add(
                Kind.TYPE_MISMATCH,
                path,
                "A " + a.sql() + " cannot be compared with a " + b.sql()
                        + (a.instant() && b == Type.NUMBER
                                ? ": compare it with a date, e.g. date '2012-09-01', or extract(year from ...)."
                                : "."));
    }

    private static boolean comparable(Type a, Type b) {
        return a == b || a.instant() && b.instant();
    }

    private static String hint(Type left, Expression.Arithmetic.Operator operator, Type right) {
        if (operator == Expression.Arithmetic.Operator.ADD && left.instant() && right.instant()) {
            return ": add an interval (+ interval '1 day') or subtract the two to get their distance.";
        }
        return ".";
    }

    /** The type of {@code left operator right}, or {@code null} when PostgreSQL has no such operator. */
    static Type arithmetic(Type left, Expression.Arithmetic.Operator operator, Type right) {
        return switch (operator) {
            case ADD -> {
                var sum = add(left, right);
                yield sum != null ? sum : add(right, left); // addition commutes
            }
            case SUBTRACT -> {
                if (left == Type.DATE && right == Type.DATE) {
                    yield Type.NUMBER; // whole days
                }
                if (left.instant() && right.instant() || left == Type.TIME && right == Type.TIME) {
                    yield Type.INTERVAL;
                }
                yield right == Type.NUMBER && left == Type.DATE || right == Type.INTERVAL && left != Type.NUMBER
                        ? add(left, right)
                        : left == Type.NUMBER && right == Type.NUMBER ? Type.NUMBER : null;
            }
            case MULTIPLY ->
                left == Type.INTERVAL && right == Type.NUMBER || left == Type.NUMBER && right == Type.INTERVAL
                        ? Type.INTERVAL
                        : left == Type.NUMBER && right == Type.NUMBER ? Type.NUMBER : null;
            case DIVIDE ->
                left == Type.INTERVAL && right == Type.NUMBER
                        ? Type.INTERVAL
                        : left == Type.NUMBER && right == Type.NUMBER ? Type.NUMBER : null;
            case MODULO -> left == Type.NUMBER && right == Type.NUMBER ? Type.NUMBER : null;
            case CONCAT -> Type.TEXT;
        };
    }

    /** {@code value + addend} where {@code addend} is not a date or timestamp. */
    private static Type add(Type value, Type addend) {
        return switch (value) {
            case DATE ->
                switch (addend) {
                    case NUMBER -> Type.DATE;
                    case INTERVAL, TIME -> Type.TIMESTAMP;
                    default -> null;
                };
            case TIMESTAMP, TIMESTAMPTZ -> addend == Type.INTERVAL ? value : null;
            case TIME -> addend == Type.INTERVAL ? Type.TIME : null;
            case INTERVAL -> addend == Type.INTERVAL ? Type.INTERVAL : addend == Type.TIME ? Type.TIME : null;
            case NUMBER -> addend == Type.NUMBER ? Type.NUMBER : null;
            case TEXT -> null;
        };
    }

    /** The type of {@code expression}, or {@code null} when it cannot be known. */
    static Type typeOf(Expression expression, Scope scope) {
        return switch (expression) {
            case Expression.Literal literal ->
                switch (literal.type()) {
                    case NUMBER -> Type.NUMBER;
                    case DATE -> Type.DATE;
                    case TIME -> Type.TIME;
                    case TIMESTAMP -> Type.TIMESTAMP;
                    case TIMESTAMPTZ -> Type.TIMESTAMPTZ;
                    case INTERVAL -> Type.INTERVAL;
                    default -> null; // a string's type is inferred from where it is used
                };
            case Expression.Column column -> {
                var info = scope.resolve(column);
                yield info == null || !info.enumLabels().isEmpty() ? null : named(info.type());
            }
            case Expression.Cast cast -> named(cast.type());
            case Expression.Extract extract -> Type.NUMBER;
            case Expression.DateTrunc trunc -> {
                var source = typeOf(trunc.source(), scope);
                yield source == Type.DATE ? Type.TIMESTAMPTZ : source;
            }
            case Expression.Arithmetic arithmetic -> {
                var left = typeOf(arithmetic.left(), scope);
                var right = typeOf(arithmetic.right(), scope);
                yield left == null || right == null ? null : arithmetic(left, arithmetic.operator(), right);
            }
            case Expression.FunctionCall call
            when call.arguments().isEmpty() ->
                switch (call.name().toLowerCase(Locale.ROOT)) {
                    case "now", "current_timestamp", "transaction_timestamp", "statement_timestamp" -> Type.TIMESTAMPTZ;
                    case "current_date" -> Type.DATE;
                    case "localtimestamp" -> Type.TIMESTAMP;
                    default -> null;
                };
            case Expression.FunctionCall call when call.name().equalsIgnoreCase("age") -> Type.INTERVAL;
            default -> null;
        };
    }

    /** A catalog or cast type name as one of the kinds told apart, or {@code null} for any other type. */
    static Type named(String typeName) {
        String type = typeName.toLowerCase(Locale.ROOT).strip();
        if (type.isEmpty()) {
            return null;
        }
        if (type.equals("date")) {
            return Type.DATE;
        }
        if (type.startsWith("timestamp")) {
            return type.contains("with time zone") && !type.contains("without") || type.equals("timestamptz")
                    ? Type.TIMESTAMPTZ
                    : Type.TIMESTAMP;
        }
        if (type.startsWith("time")) {
            return Type.TIME; // with or without time zone: both compare and add like a time of day
        }
        if (type.startsWith("interval")) {
            return Type.INTERVAL;
        }
        if (NUMERIC.matcher(type).matches()) {
            return Type.NUMBER;
        }
        return TEXTUAL.matcher(type).matches() ? Type.TEXT : null;
    }
}
