package dev.athanor.query.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A value expression of the query model: something that yields one value per row (a column, a literal, a
 * parameter, a computation, an aggregate, a window function, a scalar subquery...).
 *
 * <p>Every node is an immutable record. Components are read through their accessor ({@code left()}) and copied
 * with one changed component through the matching {@code withX} method ({@code withLeft(...)}), the naming scheme
 * the whole model follows.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Expression.Column.class, name = "column"),
    @JsonSubTypes.Type(value = Expression.Literal.class, name = "literal"),
    @JsonSubTypes.Type(value = Expression.Parameter.class, name = "parameter"),
    @JsonSubTypes.Type(value = Expression.Arithmetic.class, name = "arithmetic"),
    @JsonSubTypes.Type(value = Expression.FunctionCall.class, name = "function"),
    @JsonSubTypes.Type(value = Expression.Aggregate.class, name = "aggregate"),
    @JsonSubTypes.Type(value = Expression.WindowFunction.class, name = "window"),
    @JsonSubTypes.Type(value = Expression.Case.class, name = "case"),
    @JsonSubTypes.Type(value = Expression.Cast.class, name = "cast"),
    @JsonSubTypes.Type(value = Expression.Extract.class, name = "extract"),
    @JsonSubTypes.Type(value = Expression.DateTrunc.class, name = "date_trunc"),
    @JsonSubTypes.Type(value = Expression.ScalarSubquery.class, name = "subquery"),
    @JsonSubTypes.Type(value = Expression.Raw.class, name = "raw")
})
public sealed interface Expression
        permits Expression.Column,
                Expression.Literal,
                Expression.Parameter,
                Expression.Arithmetic,
                Expression.FunctionCall,
                Expression.Aggregate,
                Expression.WindowFunction,
                Expression.Case,
                Expression.Cast,
                Expression.Extract,
                Expression.DateTrunc,
                Expression.ScalarSubquery,
                Expression.Raw {

    /** {@code table.column}; {@code table} is the alias (or name) of a FROM item, or {@code null} if unqualified. */
    static Column column(String table, String column) {
        return new Column(table, column);
    }

    /** An unqualified column or output label, e.g. a column of a CTE or a label used in ORDER BY. */
    static Column column(String column) {
        return new Column(null, column);
    }

    /** A numeric literal. */
    static Literal number(Number value) {
        return new Literal(Literal.Type.NUMBER, value.toString());
    }

    /** A string literal. */
    static Literal string(String value) {
        return new Literal(Literal.Type.STRING, value);
    }

    /** A named parameter {@code :name} whose value is supplied when the query runs. */
    static Parameter parameter(String name, String typeHint) {
        return new Parameter(name, typeHint);
    }

    /** A function call {@code name(args...)}. */
    static FunctionCall function(String name, Expression... arguments) {
        return new FunctionCall(name, List.of(arguments));
    }

    /** An aggregate {@code name(args...)} without DISTINCT or FILTER. */
    static Aggregate aggregate(String name, Expression... arguments) {
        return new Aggregate(name, false, List.of(arguments), null);
    }

    /** {@code CAST(expression AS type)}. */
    static Cast cast(Expression expression, String type) {
        return new Cast(expression, type);
    }

    /** A date literal {@code DATE '2024-01-01'}; {@code isoDate} is written yyyy-mm-dd. */
    static Literal date(String isoDate) {
        return new Literal(Literal.Type.DATE, isoDate);
    }

    /** An interval literal {@code INTERVAL '1 day'}; {@code text} is PostgreSQL interval input. */
    static Literal interval(String text) {
        return new Literal(Literal.Type.INTERVAL, text);
    }

    /** A column reference {@code table.column}. */
    record Column(String table, String column) implements Expression {
        public Column {
            Objects.requireNonNull(column, "column");
        }

        public Column withTable(String newTable) {
            return new Column(newTable, column);
        }

        public Column withColumn(String newColumn) {
            return new Column(table, newColumn);
        }
    }

    /**
     * A constant. The value is kept as text with its type so that a saved query reads the same everywhere; the
     * renderer turns it into a bind value (or an inlined literal for display).
     *
     * <p>Dates and times are typed literals, written in SQL as {@code DATE '2024-01-01'},
     * {@code TIMESTAMP '2012-09-01 08:00:00'}, {@code TIME '08:30:00'},
     * {@code TIMESTAMP WITH TIME ZONE '2012-09-01 08:00:00+02'} and {@code INTERVAL '1 day'}: the text is what
     * PostgreSQL reads between the quotes. A date, a time and a timestamp are checked here (ISO form, as
     * {@link DateTimeText} reads them); an interval's text is checked by {@link DateTimeText#isInterval}.
     */
    record Literal(Type type, String text) implements Expression {
        /** The kind of constant. */
        public enum Type {
            NUMBER,
            STRING,
            BOOLEAN,
            NULL,
            DATE,
            TIME,
            TIMESTAMP,
            TIMESTAMPTZ,
            INTERVAL;

            /** Whether constants of this type are dates, times or intervals (written {@code TYPE 'text'}). */
            public boolean temporal() {
                return ordinal() >= DATE.ordinal();
            }

            /** The PostgreSQL type a temporal literal has, as written before its text; {@code null} otherwise. */
            public String sqlType() {
                return switch (this) {
                    case DATE -> "date";
                    case TIME -> "time";
                    case TIMESTAMP -> "timestamp";
                    case TIMESTAMPTZ -> "timestamp with time zone";
                    case INTERVAL -> "interval";
                    default -> null;
                };
            }
        }

        public Literal {
            Objects.requireNonNull(type, "type");
            if (type == Type.NUMBER) {
                new BigDecimal(Objects.requireNonNull(text, "text")); // fail early on a non-number
            }
            if (type == Type.BOOLEAN && !"true".equals(text) && !"false".equals(text)) {
                throw new IllegalArgumentException("A boolean literal is true or false, not " + text);
            }
            if (type.temporal()) {
                DateTimeText.requireValid(type, Objects.requireNonNull(text, "text"));
            }
        }

        /** The SQL NULL constant. */
        public static Literal nullValue() {
            return new Literal(Type.NULL, null);
        }

        /** A boolean constant. */
        public static Literal bool(boolean value) {
            return new Literal(Type.BOOLEAN, Boolean.toString(value));
        }

        /**
         * The Java value this literal binds as: {@link Integer} or {@link Long} for whole numbers that fit, else
         * {@link BigDecimal}; {@link String} (also the text of a date, time or interval); {@link Boolean}; or
         * {@code null}.
         */
        public Object value() {
            return switch (type) {
                case NULL -> null;
                case STRING, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> text;
                case BOOLEAN -> Boolean.valueOf(text);
                case NUMBER -> {
                    if (text.contains(".") || text.contains("e") || text.contains("E")) {
                        yield new BigDecimal(text);
                    }
                    var number = new BigDecimal(text);
                    try {
                        long whole = number.longValueExact();
                        yield whole == (int) whole ? (Object) (int) whole : (Object) whole;
                    } catch (ArithmeticException tooLarge) {
                        yield number;
                    }
                }
            };
        }

        public Literal withText(String newText) {
            return new Literal(type, newText);
        }
    }

    /**
     * A named parameter {@code :name}. {@code typeHint} is a PostgreSQL type name ({@code integer}, {@code text},
     * ...) the value is cast to, or {@code null} to let the server infer the type.
     */
    record Parameter(String name, String typeHint) implements Expression {
        public Parameter {
            Identifiers.requireName(name, "parameter name");
        }

        public Parameter withName(String newName) {
            return new Parameter(newName, typeHint);
        }

        public Parameter withTypeHint(String newTypeHint) {
            return new Parameter(name, newTypeHint);
        }
    }

    /** A binary operation {@code left op right}. */
    record Arithmetic(Expression left, Operator operator, Expression right) implements Expression {
        /** Binary operators, with their SQL spelling. */
        public enum Operator {
            ADD("+"),
            SUBTRACT("-"),
            MULTIPLY("*"),
            DIVIDE("/"),
            MODULO("%"),
            CONCAT("||");

            private final String sql;

            Operator(String sql) {
                this.sql = sql;
            }

            /** The operator as written in SQL. */
            public String sql() {
                return sql;
            }
        }

        public Arithmetic {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        public Arithmetic withLeft(Expression newLeft) {
            return new Arithmetic(newLeft, operator, right);
        }

        public Arithmetic withOperator(Operator newOperator) {
            return new Arithmetic(left, newOperator, right);
        }

        public Arithmetic withRight(Expression newRight) {
            return new Arithmetic(left, operator, newRight);
        }
    }

    /**
     * A scalar function call {@code name(arguments...)}. {@code name} may be schema-qualified
     * ({@code pg_catalog.lower}).
     */
    record FunctionCall(String name, List<Expression> arguments) implements Expression {
        public FunctionCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }

        public FunctionCall withName(String newName) {
            return new FunctionCall(newName, arguments);
        }

        public FunctionCall withArguments(List<Expression> newArguments) {
            return new FunctionCall(name, newArguments);
        }
    }

    /**
     * An aggregate {@code name([DISTINCT] arguments...) [FILTER (WHERE filter)]}; no arguments means {@code *}
     * (as in {@code count(*)}). {@code filter} may be {@code null}.
     */
    record Aggregate(String function, boolean distinct, List<Expression> arguments, Predicate filter)
            implements Expression {
        public Aggregate {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }

        public Aggregate withFunction(String newFunction) {
            return new Aggregate(newFunction, distinct, arguments, filter);
        }

        public Aggregate withDistinct(boolean newDistinct) {
            return new Aggregate(function, newDistinct, arguments, filter);
        }

        public Aggregate withArguments(List<Expression> newArguments) {
            return new Aggregate(function, distinct, newArguments, filter);
        }

        public Aggregate withFilter(Predicate newFilter) {
            return new Aggregate(function, distinct, arguments, newFilter);
        }

        /** This aggregate computed over a window: {@code function OVER (...)}. */
        public WindowFunction over(WindowSpec window) {
            return new WindowFunction(this, window);
        }
    }

    /**
     * A window function call {@code function OVER window}. {@code function} is an {@link Aggregate} (avg, sum,
     * count...) or a {@link FunctionCall} of a window function (row_number, rank, lag...).
     */
    record WindowFunction(Expression function, WindowSpec window) implements Expression {
        public WindowFunction {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(window, "window");
            if (!(function instanceof Aggregate) && !(function instanceof FunctionCall)) {
                throw new IllegalArgumentException("Only an aggregate or a function call can run over a window");
            }
        }

        public WindowFunction withFunction(Expression newFunction) {
            return new WindowFunction(newFunction, window);
        }

        public WindowFunction withWindow(WindowSpec newWindow) {
            return new WindowFunction(function, newWindow);
        }
    }

    /**
     * A searched {@code CASE WHEN condition THEN result ... ELSE otherwise END}; {@code otherwise} may be
     * {@code null} (then the result is NULL when no branch matches). A simple CASE ({@code CASE x WHEN 1 ...}) is
     * held as its searched equivalent.
     */
    record Case(List<When> branches, Expression otherwise) implements Expression {
        /** One {@code WHEN condition THEN result} branch. */
        public record When(Predicate condition, Expression result) {
            public When {
                Objects.requireNonNull(condition, "condition");
                Objects.requireNonNull(result, "result");
            }
        }

        public Case {
            branches = List.copyOf(branches);
            if (branches.isEmpty()) {
                throw new IllegalArgumentException("A CASE needs at least one WHEN branch");
            }
        }

        public Case withBranches(List<When> newBranches) {
            return new Case(newBranches, otherwise);
        }

        public Case withOtherwise(Expression newOtherwise) {
            return new Case(branches, newOtherwise);
        }
    }

    /** {@code CAST(expression AS type)}; {@code type} is a PostgreSQL type name, e.g. {@code integer}. */
    record Cast(Expression expression, String type) implements Expression {
        public Cast {
            Objects.requireNonNull(expression, "expression");
            Identifiers.requireTypeName(type);
        }

        public Cast withExpression(Expression newExpression) {
            return new Cast(newExpression, type);
        }

        public Cast withType(String newType) {
            return new Cast(expression, newType);
        }
    }

    /**
     * {@code EXTRACT(field FROM source)}: one field of a date, time, timestamp or interval, as a number.
     */
    record Extract(Field field, Expression source) implements Expression {
        /** The fields PostgreSQL extracts, spelled as in SQL by {@link #sql()}. */
        public enum Field {
            YEAR,
            QUARTER,
            MONTH,
            WEEK,
            DAY,
            HOUR,
            MINUTE,
            SECOND,
            MILLISECONDS,
            MICROSECONDS,
            DOW,
            ISODOW,
            DOY,
            ISOYEAR,
            EPOCH,
            DECADE,
            CENTURY,
            MILLENNIUM,
            TIMEZONE,
            TIMEZONE_HOUR,
            TIMEZONE_MINUTE;

            /** The field as written in SQL: {@code year}, {@code dow}... */
            public String sql() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public Extract {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(source, "source");
        }

        public Extract withField(Field newField) {
            return new Extract(newField, source);
        }

        public Extract withSource(Expression newSource) {
            return new Extract(field, newSource);
        }
    }

    /** {@code date_trunc('unit', source)}: a timestamp (or interval) truncated to the given precision. */
    record DateTrunc(Unit unit, Expression source) implements Expression {
        /** The precisions {@code date_trunc} takes, spelled as in SQL by {@link #sql()}. */
        public enum Unit {
            MICROSECONDS,
            MILLISECONDS,
            SECOND,
            MINUTE,
            HOUR,
            DAY,
            WEEK,
            MONTH,
            QUARTER,
            YEAR,
            DECADE,
            CENTURY,
            MILLENNIUM;

            /** The unit as written in SQL: {@code month}... */
            public String sql() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public DateTrunc {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(source, "source");
        }

        public DateTrunc withUnit(Unit newUnit) {
            return new DateTrunc(newUnit, source);
        }

        public DateTrunc withSource(Expression newSource) {
            return new DateTrunc(unit, newSource);
        }
    }

    /** A subquery yielding one value, possibly correlated with the enclosing query. */
    record ScalarSubquery(Query query) implements Expression {
        public ScalarSubquery {
            Objects.requireNonNull(query, "query");
        }

        public ScalarSubquery withQuery(Query newQuery) {
            return new ScalarSubquery(newQuery);
        }
    }

    /** SQL text the model cannot hold, passed through unchanged. */
    record Raw(String sql) implements Expression {
        public Raw {
            Objects.requireNonNull(sql, "sql");
        }

        public Raw withSql(String newSql) {
            return new Raw(newSql);
        }
    }
}
