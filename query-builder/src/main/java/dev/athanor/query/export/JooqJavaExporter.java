package dev.athanor.query.export;

import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.DateTimeText;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.NamedWindow;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.model.WindowSpec;
import dev.athanor.query.render.QueryRenderer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The query as jOOQ Java code in the plain-SQL API style (no generated classes): identifiers through
 * {@code DSL.name(...)}, values through {@code val(...)} / {@code param(...)}, starting from a {@code DSLContext
 * ctx}. It mirrors what the renderer builds, so the code produces the SQL the product shows.
 */
public final class JooqJavaExporter {

    /** Java statements (with the static import they need) that build the query as {@code query}. */
    public String export(Query query) {
        return "import static org.jooq.impl.DSL.*;\n\n"
                + "import org.jooq.impl.SQLDataType;\n\n"
                + "var query = " + expression(query) + ";\n";
    }

    /**
     * The Java expression alone, for embedding in code that has a {@code DSLContext ctx} and
     * {@code import static org.jooq.impl.DSL.*}.
     */
    public String expression(Query query) {
        return switch (query) {
            case Query.Raw raw -> "ctx.resultQuery(" + java(raw.sql()) + ")";
            case Query.Select select -> select(select, "ctx.");
            case Query.SetOperation operation -> setOperation(operation, "ctx.");
        };
    }

    private String query(Query query) {
        return switch (query) {
            case Query.Raw raw -> "select(asterisk()).from(table(" + java("(" + raw.sql() + ")") + ").as(\"raw\"))";
            case Query.Select select -> select(select, "");
            case Query.SetOperation operation -> setOperation(operation, "");
        };
    }

    /**
     * While writing the operands of a set operation: their constants are typed {@code Object}, or Java would
     * refuse {@code select(val(1)).unionAll(select(field(...)))} for its differing record types.
     */
    private boolean setOperand;

    private String setOperation(Query.SetOperation operation, String start) {
        boolean outer = setOperand;
        setOperand = true;
        try {
            return setOperationCode(operation, start);
        } finally {
            setOperand = outer;
        }
    }

    private String setOperationCode(Query.SetOperation operation, String start) {
        String method =
                switch (operation.operator()) {
                            case UNION -> "union";
                            case INTERSECT -> "intersect";
                            case EXCEPT -> "except";
                        }
                        + (operation.all() ? "All" : "");
        var code = new StringBuilder();
        code.append(operation.left() instanceof Query.Select left ? select(left, start) : query(operation.left()))
                .append("\n    .")
                .append(method)
                .append('(')
                .append(query(operation.right()))
                .append(')');
        appendOrderAndLimit(code, operation.orderBy(), operation.limit(), operation.offset());
        return code.toString();
    }

    private String select(Query.Select select, String start) {
        var code = new StringBuilder(start);
        if (!select.with().isEmpty()) {
            boolean recursive = select.with().stream().anyMatch(CommonTableExpression::recursive);
            code.append(recursive ? "withRecursive(" : "with(")
                    .append(select.with().stream().map(this::cte).collect(Collectors.joining(",\n    ")))
                    .append(")\n    .");
        }
        String items = select.items().isEmpty()
                ? "asterisk()"
                : select.items().stream().map(this::selectItem).collect(Collectors.joining(", "));
        code.append(select.distinct() && select.distinctOn().isEmpty() ? "selectDistinct(" : "select(")
                .append(items)
                .append(')');
        if (!select.distinctOn().isEmpty()) {
            code.append(".distinctOn(").append(list(select.distinctOn())).append(')');
        }
        if (!select.from().isEmpty()) {
            code.append("\n    .from(")
                    .append(select.from().stream().map(this::tableSource).collect(Collectors.joining(", ")))
                    .append(')');
        }
        if (select.where() != null) {
            code.append("\n    .where(").append(condition(select.where())).append(')');
        }
        if (!select.groupBy().isEmpty()) {
            code.append("\n    .groupBy(")
                    .append(select.groupBy().stream().map(this::grouping).collect(Collectors.joining(", ")))
                    .append(')');
        }
        if (select.having() != null) {
            code.append("\n    .having(").append(condition(select.having())).append(')');
        }
        if (!select.windows().isEmpty()) {
            code.append("\n    .window(")
                    .append(select.windows().stream().map(this::namedWindow).collect(Collectors.joining(", ")))
                    .append(')');
        }
        appendOrderAndLimit(code, select.orderBy(), select.limit(), select.offset());
        return code.toString();
    }

    private void appendOrderAndLimit(StringBuilder code, List<SortItem> orderBy, Expression limit, Expression offset) {
        if (!orderBy.isEmpty()) {
            code.append("\n    .orderBy(")
                    .append(orderBy.stream().map(this::sortItem).collect(Collectors.joining(", ")))
                    .append(')');
        }
        if (limit != null) {
            code.append("\n    .limit(").append(value(limit)).append(')');
        }
        if (offset != null) {
            code.append("\n    .offset(").append(value(offset)).append(')');
        }
    }

    private String cte(CommonTableExpression cte) {
        String columns = cte.columns().isEmpty()
                ? ""
                : ".fields("
                        + cte.columns().stream().map(JooqJavaExporter::java).collect(Collectors.joining(", ")) + ")";
        return "name(" + java(cte.name()) + ")" + columns + ".as(" + query(cte.query()) + ")";
    }

    private String selectItem(SelectItem item) {
        return switch (item) {
            case SelectItem.AllColumns all ->
                all.table() == null ? "asterisk()" : "table(name(" + java(all.table()) + ")).asterisk()";
            case SelectItem.Value value ->
                value.label() == null
                        ? field(value.expression())
                        : field(value.expression()) + ".as(" + java(value.label()) + ")";
        };
    }

    private String tableSource(TableSource source) {
        return switch (source) {
            case TableSource.Table table -> {
                String name = table.schema() == null
                        ? "name(" + java(table.name()) + ")"
                        : "name(" + java(table.schema()) + ", " + java(table.name()) + ")";
                yield "table(" + name + ")" + (table.alias() == null ? "" : ".as(" + java(table.alias()) + ")");
            }
            case TableSource.CteReference cte ->
                "table(name(" + java(cte.name()) + "))" + (cte.alias() == null ? "" : ".as(" + java(cte.alias()) + ")");
            case TableSource.Derived derived -> {
                String table = query(derived.query()) + ".asTable(" + java(derived.alias()) + ")";
                yield derived.lateral() ? "lateral(" + table + ")" : table;
            }
            case TableSource.Raw raw -> "table(" + java(raw.sql()) + ")";
            case TableSource.Join join -> {
                String left = tableSource(join.left());
                String right = tableSource(join.right());
                yield switch (join.type()) {
                    case INNER -> left + "\n        .join(" + right + ").on(" + condition(join.on()) + ")";
                    case LEFT -> left + "\n        .leftJoin(" + right + ").on(" + condition(join.on()) + ")";
                    case RIGHT -> left + "\n        .rightJoin(" + right + ").on(" + condition(join.on()) + ")";
                    case FULL -> left + "\n        .fullJoin(" + right + ").on(" + condition(join.on()) + ")";
                    case CROSS -> left + "\n        .crossJoin(" + right + ")";
                };
            }
        };
    }

    private String grouping(Grouping grouping) {
        return switch (grouping) {
            case Grouping.By by -> position(by.expression());
            case Grouping.Rollup rollup -> "rollup(" + list(rollup.expressions()) + ")";
            case Grouping.Cube cube -> "cube(" + list(cube.expressions()) + ")";
            case Grouping.Sets sets ->
                "groupingSets("
                        + sets.sets().stream()
                                .map(set -> "List.of(" + list(set) + ")")
                                .collect(Collectors.joining(", "))
                        + ")";
        };
    }

    private String namedWindow(NamedWindow window) {
        return "name(" + java(window.name()) + ").as(" + windowSpecification(window.window()) + ")";
    }

    /** A GROUP BY or ORDER BY item, where a whole number is an output column's position and must stay inline. */
    private String position(Expression expression) {
        return SqlAlchemyExporter.isPosition(expression)
                ? "inline(" + ((Expression.Literal) expression).text() + ")"
                : field(expression);
    }

    private String sortItem(SortItem item) {
        var code = new StringBuilder(position(item.expression()));
        code.append(item.direction() == SortItem.Direction.DESC ? ".desc()" : ".asc()");
        switch (item.nulls()) {
            case FIRST -> code.append(".nullsFirst()");
            case LAST -> code.append(".nullsLast()");
            case DEFAULT -> {}
        }
        return code.toString();
    }

    private String condition(Predicate predicate) {
        return switch (predicate) {
            case Predicate.And and ->
                "and(" + and.operands().stream().map(this::condition).collect(Collectors.joining(", ")) + ")";
            case Predicate.Or or ->
                "or(" + or.operands().stream().map(this::condition).collect(Collectors.joining(", ")) + ")";
            case Predicate.Not not -> "not(" + condition(not.operand()) + ")";
            case Predicate.Comparison comparison ->
                untyped(comparison.left()) + "." + comparison.operator().name().toLowerCase(Locale.ROOT) + "("
                        + value(comparison.right()) + ")";
            case Predicate.Like like -> {
                String method = (like.negated() ? "notLike" : "like") + (like.ignoreCase() ? "IgnoreCase" : "");
                yield field(like.value()) + "." + method + "(" + value(like.pattern()) + ")";
            }
            case Predicate.TextMatch match ->
                field(match.value()) + "."
                        + switch (match.position()) {
                            case CONTAINS -> "contains";
                            case STARTS_WITH -> "startsWith";
                            case ENDS_WITH -> "endsWith";
                        }
                        + "(" + value(match.part()) + ")";
            case Predicate.InList in ->
                untyped(in.value()) + (in.negated() ? ".notIn(" : ".in(")
                        + in.values().stream().map(this::value).collect(Collectors.joining(", ")) + ")";
            case Predicate.InSubquery in ->
                field(in.value()) + (in.negated() ? ".notIn(" : ".in(") + query(in.query()) + ")";
            case Predicate.Exists exists -> (exists.negated() ? "notExists(" : "exists(") + query(exists.query()) + ")";
            case Predicate.Between between ->
                untyped(between.value()) + (between.negated() ? ".notBetween(" : ".between(") + value(between.low())
                        + ", " + value(between.high()) + ")";
            case Predicate.IsNull isNull -> field(isNull.value()) + (isNull.negated() ? ".isNotNull()" : ".isNull()");
            case Predicate.Raw raw -> "condition(" + java(raw.sql()) + ")";
        };
    }

    /** A right-hand operand: a constant as a Java value (jOOQ binds it), anything else as an untyped field. */
    private String value(Expression expression) {
        return isJavaValue(expression) ? javaValue((Expression.Literal) expression) : untyped(expression);
    }

    /**
     * The field typed {@code Object}, as plain-SQL fields are: jOOQ types {@code count()}, {@code sum(...)},
     * casts and constants, and Java then refuses to compare them with a constant or a field of another type
     * ({@code sum(...).gt(300)}) or to mix them in CASE branches. Coercing changes nothing in the SQL.
     */
    private String untyped(Expression expression) {
        String field = field(expression);
        return switch (expression) {
            case Expression.Column column -> field;
            case Expression.Literal literal when literal.type().temporal() -> field;
            case Expression.FunctionCall call -> field;
            case Expression.Raw raw -> field;
            case Expression.Parameter parameter when parameter.typeHint() == null -> field;
            default -> field + ".coerce(Object.class)";
        };
    }

    /** A numeric operand of {@code times}, {@code div} or {@code mod}, which jOOQ takes only as a number. */
    private String numeric(Expression expression) {
        return isJavaValue(expression)
                ? javaValue((Expression.Literal) expression)
                : field(expression) + ".coerce(java.math.BigDecimal.class)";
    }

    private String field(Expression expression) {
        return switch (expression) {
            case Expression.Column column ->
                column.table() == null
                        ? "field(name(" + java(column.column()) + "))"
                        : "field(name(" + java(column.table()) + ", " + java(column.column()) + "))";
            case Expression.Literal literal when literal.type().temporal() -> temporal(literal);
            case Expression.Literal literal ->
                literal.type() == Expression.Literal.Type.NULL
                        ? "inline((Object) null)"
                        : setOperand ? "val((Object) " + javaValue(literal) + ")" : "val(" + javaValue(literal) + ")";
            case Expression.Parameter parameter -> {
                String param = "param(" + java(parameter.name()) + ")";
                yield parameter.typeHint() == null
                        ? param
                        : "cast(" + param + ", " + dataType(parameter.typeHint()) + ")";
            }
            case Expression.Arithmetic arithmetic -> {
                String left = untyped(arithmetic.left());
                String right = value(arithmetic.right());
                yield switch (arithmetic.operator()) {
                    case ADD -> left + ".plus(" + right + ")";
                    case SUBTRACT -> left + ".minus(" + right + ")";
                    case MULTIPLY -> left + ".times(" + numeric(arithmetic.right()) + ")";
                    case DIVIDE -> left + ".div(" + numeric(arithmetic.right()) + ")";
                    case MODULO -> left + ".mod(" + numeric(arithmetic.right()) + ")";
                    case CONCAT -> "concat(" + left + ", " + field(arithmetic.right()) + ")";
                };
            }
            case Expression.FunctionCall call
            when QueryRenderer.isKeywordFunction(call) ->
                "field(\"{0}\", Object.class, keyword(" + java(call.name()) + "))";
            case Expression.Extract extract -> extract(extract);
            // date_trunc with the unit inlined, so that it matches the same call in GROUP BY.
            case Expression.DateTrunc trunc ->
                "function(\"date_trunc\", Object.class, inline("
                        + java(trunc.unit().sql()) + "), " + field(trunc.source()) + ")";
            case Expression.FunctionCall call ->
                "function(" + java(call.name()) + ", Object.class"
                        + (call.arguments().isEmpty() ? "" : ", " + list(call.arguments())) + ")";
            case Expression.Aggregate aggregate -> aggregate(aggregate);
            case Expression.WindowFunction window -> {
                String function = window.function() instanceof Expression.FunctionCall call
                        ? windowFunctionCall(call)
                        : field(window.function());
                yield function + ".over("
                        + (window.window().name() != null
                                ? "name(" + java(window.window().name()) + ")"
                                : windowSpecification(window.window()))
                        + ")";
            }
            case Expression.Case caseExpression -> {
                var code = new StringBuilder();
                var first = true;
                for (var when : caseExpression.branches()) {
                    code.append(first ? "when(" : ".when(")
                            .append(condition(when.condition()))
                            .append(", ")
                            .append(untyped(when.result()))
                            .append(')');
                    first = false;
                }
                if (caseExpression.otherwise() != null) {
                    code.append(".otherwise(")
                            .append(untyped(caseExpression.otherwise()))
                            .append(')');
                }
                yield code.toString();
            }
            case Expression.Cast cast -> "cast(" + field(cast.expression()) + ", " + dataType(cast.type()) + ")";
            case Expression.ScalarSubquery scalar -> "field(" + query(scalar.query()) + ")";
            case Expression.Raw raw -> "field(" + java(raw.sql()) + ")";
        };
    }

    private String windowFunctionCall(Expression.FunctionCall call) {
        return switch (call.name()) {
            case "row_number" -> "rowNumber()";
            case "rank" -> "rank()";
            case "dense_rank" -> "denseRank()";
            case "percent_rank" -> "percentRank()";
            case "cume_dist" -> "cumeDist()";
            default ->
                "aggregate(" + java(call.name()) + ", Object.class"
                        + (call.arguments().isEmpty() ? "" : ", " + list(call.arguments())) + ")";
        };
    }

    private String aggregate(Expression.Aggregate aggregate) {
        String name = aggregate.function().toLowerCase(Locale.ROOT);
        String arguments = list(aggregate.arguments());
        String code;
        if (name.equals("count") && aggregate.arguments().isEmpty()) {
            code = "count()";
        } else if (name.equals("count")) {
            code = (aggregate.distinct() ? "countDistinct(" : "count(") + arguments + ")";
        } else if (List.of("sum", "avg", "min", "max").contains(name)
                && aggregate.arguments().size() == 1) {
            // jOOQ's sum/avg want a numeric field: the plain-SQL field is coerced, which adds nothing to the SQL.
            String argument = name.equals("sum") || name.equals("avg")
                    ? arguments + ".coerce(java.math.BigDecimal.class)"
                    : arguments;
            code = name + (aggregate.distinct() ? "Distinct(" : "(") + argument + ")";
        } else {
            code = (aggregate.distinct() ? "aggregateDistinct(" : "aggregate(") + java(aggregate.function())
                    + ", Object.class" + (arguments.isEmpty() ? "" : ", " + arguments) + ")";
        }
        return aggregate.filter() == null ? code : code + ".filterWhere(" + condition(aggregate.filter()) + ")";
    }

    private String windowSpecification(WindowSpec spec) {
        var code = new StringBuilder();
        code.append(spec.partitionBy().isEmpty() ? "partitionBy()" : "partitionBy(" + list(spec.partitionBy()) + ")");
        if (!spec.orderBy().isEmpty()) {
            code.append(".orderBy(")
                    .append(spec.orderBy().stream().map(this::sortItem).collect(Collectors.joining(", ")))
                    .append(')');
        }
        var frame = spec.frame();
        if (frame != null) {
            String unit = frame.unit().name().toLowerCase(Locale.ROOT);
            if (frame.end() == null) {
                code.append('.').append(unit).append(boundMethod(frame.start())).append(boundArgument(frame.start()));
            } else {
                code.append('.')
                        .append(unit)
                        .append("Between")
                        .append(boundMethod(frame.start()))
                        .append(boundArgument(frame.start()))
                        .append(".and")
                        .append(boundMethod(frame.end()))
                        .append(boundArgument(frame.end()));
            }
        }
        return code.toString();
    }

    private static String boundMethod(WindowSpec.Bound bound) {
        return switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> "UnboundedPreceding";
            case PRECEDING -> "Preceding";
            case CURRENT_ROW -> "CurrentRow";
            case FOLLOWING -> "Following";
            case UNBOUNDED_FOLLOWING -> "UnboundedFollowing";
        };
    }

    private static String boundArgument(WindowSpec.Bound bound) {
        return bound.offset() == null ? "()" : "(" + bound.offset() + ")";
    }

    private static String dataType(String type) {
        String known =
                switch (type.toLowerCase(Locale.ROOT).strip()) {
                    case "integer", "int", "int4" -> "SQLDataType.INTEGER";
                    case "bigint", "int8" -> "SQLDataType.BIGINT";
                    case "smallint", "int2" -> "SQLDataType.SMALLINT";
                    case "text" -> "SQLDataType.CLOB";
                    case "varchar", "character varying" -> "SQLDataType.VARCHAR";
                    case "numeric", "decimal" -> "SQLDataType.NUMERIC";
                    case "boolean", "bool" -> "SQLDataType.BOOLEAN";
                    case "date" -> "SQLDataType.LOCALDATE";
                    case "timestamp", "timestamp without time zone" -> "SQLDataType.LOCALDATETIME";
                    case "double precision", "float8" -> "SQLDataType.DOUBLE";
                    default -> null;
                };
        return known != null
                ? known
                : "org.jooq.impl.DefaultDataType.getDefaultDataType(SQLDialect.POSTGRES, " + java(type) + ")";
    }

    private String list(List<Expression> expressions) {
        return expressions.stream().map(this::field).collect(Collectors.joining(", "));
    }

    /** Whether the expression is a constant written as a Java value, which jOOQ binds. */
    private static boolean isJavaValue(Expression expression) {
        return expression instanceof Expression.Literal literal
                && literal.type() != Expression.Literal.Type.NULL
                && !literal.type().temporal();
    }

    /**
     * A date, time or timestamp as jOOQ's typed constant ({@code date("2012-09-01")}, rendered
     * {@code date '2012-09-01'}); an interval, which may hold months, as PostgreSQL's literal.
     */
    private static String temporal(Expression.Literal literal) {
        String field =
                switch (literal.type()) {
                    case DATE -> "date(" + java(literal.text().strip()) + ")";
                    case TIME ->
                        "time("
                                + java(DateTimeText.time(
                                        java.time.LocalTime.parse(literal.text().strip()))) + ")";
                    case TIMESTAMP ->
                        "timestamp(" + java(DateTimeText.timestamp(DateTimeText.localDateTime(literal.text()))) + ")";
                    case TIMESTAMPTZ ->
                        "offsetDateTime(java.time.OffsetDateTime.parse("
                                + java(DateTimeText.offsetDateTime(literal.text())
                                        .toString()) + "))";
                    default -> "field(\"interval {0}\", Object.class, inline(" + java(literal.text()) + "))";
                };
        return field + ".coerce(Object.class)";
    }

    /**
     * {@code extract(x, DatePart.YEAR)}; the fields jOOQ spells otherwise ({@code dow}, which jOOQ counts from 1)
     * or not at all stay PostgreSQL's {@code extract(field from x)}.
     */
    private String extract(Expression.Extract extract) {
        String source = field(extract.source());
        String part =
                switch (extract.field()) {
                    case MILLISECONDS -> "MILLISECOND";
                    case MICROSECONDS -> "MICROSECOND";
                    case DOY -> "DAY_OF_YEAR";
                    case ISODOW -> "ISO_DAY_OF_WEEK";
                    case DOW, ISOYEAR -> null;
                    default -> extract.field().name();
                };
        return part == null
                ? "field(\"extract(" + extract.field().sql() + " from {0})\", Object.class, " + source + ")"
                : "extract(" + source + ", org.jooq.DatePart." + part + ")";
    }

    private static String javaValue(Expression.Literal literal) {
        return switch (literal.type()) {
            case NULL -> "null";
            case BOOLEAN -> literal.text();
            case STRING -> java(literal.text());
            case DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> temporal(literal);
            case NUMBER -> {
                Object value = literal.value();
                yield switch (value) {
                    case Integer i -> i.toString();
                    case Long l -> l + "L";
                    default -> "new java.math.BigDecimal(" + java(literal.text()) + ")";
                };
            }
        };
    }

    /** A Java string literal. */
    static String java(String text) {
        return QuotedText.of(text);
    }
}
