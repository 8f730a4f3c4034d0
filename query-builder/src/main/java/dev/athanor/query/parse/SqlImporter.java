package dev.athanor.query.parse;

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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.Asterisk;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.GroupField;
import org.jooq.Name;
import org.jooq.Param;
import org.jooq.QualifiedAsterisk;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.WindowDefinition;
import org.jooq.WindowSpecification;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;
import org.jooq.types.YearToSecond;

/**
 * Reads SQL text into the query model through jOOQ's parser and query object model.
 *
 * <p>What the model cannot hold (a table function, a join USING, an operator it has no node for, a statement that
 * is not a SELECT...) is kept in its place as a raw-SQL node holding jOOQ's PostgreSQL rendering of that part, so
 * the imported query still runs and means the same; each such node is listed in the result's warnings. Nothing is
 * dropped.
 *
 * <p>Thread-safe: each import works on its own state.
 */
public final class SqlImporter {
    static {
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    private static final java.util.regex.Pattern FUNCTION_CALL =
            java.util.regex.Pattern.compile("([a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?)\\(");

    /** PostgreSQL's positional parameters ($1, $2...), outside of quotes as far as a quick look can tell. */
    private static final java.util.regex.Pattern POSITIONAL_PARAMETER = java.util.regex.Pattern.compile("\\$\\d");

    /** PostgreSQL's short spelling of a timestamp-with-time-zone literal, {@code timestamptz '...'}. */
    private static final java.util.regex.Pattern TIMESTAMPTZ_LITERAL =
            java.util.regex.Pattern.compile("(?i)\\btimestamptz\\s*'");

    /** Functions jOOQ does not know (PostgreSQL has hundreds) are read as plain calls instead of failing. */
    private final DSLContext dsl = DSL.using(
            SQLDialect.POSTGRES,
            new Settings()
                    .withRenderFormatted(false)
                    .withParseUnknownFunctions(org.jooq.conf.ParseUnknownFunctions.IGNORE));

    /** Reads {@code $1} as a parameter named {@code 1}, for statements written for PostgreSQL's own protocol. */
    private final DSLContext dollarDsl = DSL.using(
            SQLDialect.POSTGRES,
            new Settings()
                    .withRenderFormatted(false)
                    .withParseUnknownFunctions(org.jooq.conf.ParseUnknownFunctions.IGNORE)
                    .withParseNamedParamPrefix("$"));

    /** Imports one SQL statement. Never fails: what cannot be read at all becomes one raw query, with a warning. */
    public ImportResult importSql(String sql) {
        var text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        org.jooq.Query parsed;
        try {
            parsed = parse(text);
        } catch (ParserException e) {
            return new ImportResult(
                    new Query.Raw(text),
                    List.of(new ImportResult.Warning(
                            "The statement was kept as SQL: the parser could not read it (" + firstLine(e.getMessage())
                                    + ")",
                            text)));
        }
        if (!(parsed instanceof Select<?> select)) {
            return new ImportResult(
                    new Query.Raw(text),
                    List.of(new ImportResult.Warning(
                            "The statement was kept as SQL: only SELECT queries can be edited visually", text)));
        }
        var walk = new Walk();
        try {
            return new ImportResult(walk.query(select), walk.warnings);
        } catch (RuntimeException unexpected) {
            // A construct this walk does not know in a place it cannot be kept raw: keep the whole statement.
            return new ImportResult(
                    new Query.Raw(text),
                    List.of(new ImportResult.Warning(
                            "The statement was kept as SQL: " + firstLine(String.valueOf(unexpected.getMessage())),
                            text)));
        }
    }

    private org.jooq.Query parse(String text) {
        try {
            return dsl.parser().parseQuery(text);
        } catch (ParserException e) {
            if (TIMESTAMPTZ_LITERAL.matcher(text).find()) {
                // jOOQ reads only the long spelling of PostgreSQL's timestamptz '...' literal.
                try {
                    return parse(TIMESTAMPTZ_LITERAL.matcher(text).replaceAll("timestamp with time zone '"));
                } catch (ParserException alsoNot) {
                    e.addSuppressed(alsoNot);
                    throw e;
                }
            }
            if (!POSITIONAL_PARAMETER.matcher(text).find()) {
                throw e;
            }
            try {
                return dollarDsl.parser().parseQuery(text);
            } catch (ParserException alsoNot) {
                e.addSuppressed(alsoNot);
                throw e;
            }
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** One walk over a parsed statement, collecting warnings. */
    private final class Walk {
        final List<ImportResult.Warning> warnings = new ArrayList<>();

        /** CTE names visible at the current point, innermost WITH last. */
        final Deque<Set<String>> cteScopes = new ArrayDeque<>();

        /** Positional parameters ({@code ?}) met so far; they are named p1, p2... */
        int positional;

        Query query(Select<?> select) {
            var parts = SetOperationParts.of(select);
            if (parts == null) {
                return selectQuery(select, select.$orderBy(), select.$limit(), select.$offset());
            }
            // The WITH clause belongs to the first SELECT; later operands see its CTEs too.
            cteScopes.push(withNames(select));
            try {
                Query result = selectQuery(select, parts.ownOrderBy(), parts.ownLimit(), parts.ownOffset());
                for (var operand : parts.operands()) {
                    result = Query.SetOperation.of(result, operand.operator(), operand.all(), query(operand.select()));
                }
                if (result instanceof Query.SetOperation operation) {
                    result = operation
                            .withOrderBy(sortItems(parts.orderBy()))
                            .withLimit(optionalExpression(parts.limit()))
                            .withOffset(optionalExpression(parts.offset()));
                }
                return result;
            } finally {
                cteScopes.pop();
            }
        }

        private Set<String> withNames(Select<?> select) {
            var names = new HashSet<String>();
            if (select.$with() != null) {
                for (var cte : select.$with().$commonTableExpressions()) {
                    names.add(identifier(cte.getUnqualifiedName()));
                }
            }
            return names;
        }

        Query.Select selectQuery(
                Select<?> select,
                List<? extends SortField<?>> orderBy,
                Field<? extends Number> limit,
                Field<? extends Number> offset) {
            var with = new ArrayList<CommonTableExpression>();
            cteScopes.push(withNames(select));
            try {
                if (select.$with() != null) {
                    boolean recursive = select.$with().$recursive();
                    for (var cte : select.$with().$commonTableExpressions()) {
                        var columns = new ArrayList<String>();
                        var derived = cte.$derivedColumnList();
                        if (derived != null) {
                            derived.$columnNames().forEach(name -> columns.add(identifier(name)));
                        }
                        if (!(cte.$query() instanceof Select<?> body)) {
                            throw new IllegalArgumentException("the CTE " + cte.getName()
                                    + " is not a SELECT (data-modifying CTEs are not supported)");
                        }
                        with.add(new CommonTableExpression(
                                identifier(cte.getUnqualifiedName()), columns, query(body), recursive));
                    }
                }
                var items = new ArrayList<SelectItem>();
                for (var field : select.$select()) {
                    items.add(selectItem(field));
                }
                var from = new ArrayList<TableSource>();
                for (var table : select.$from()) {
                    from.add(tableSource(table));
                }
                var distinctOn = new ArrayList<Expression>();
                for (var field : select.$distinctOn()) {
                    distinctOn.add(field instanceof Field<?> f ? expression(f) : raw(field, "DISTINCT ON item"));
                }
                var groupBy = new ArrayList<Grouping>();
                if (select.$groupByDistinct()) {
                    throw new IllegalArgumentException("GROUP BY DISTINCT is not supported");
                }
                for (var group : select.$groupBy()) {
                    groupBy.add(grouping(group));
                }
                var windows = new ArrayList<NamedWindow>();
                for (var window : select.$window()) {
                    windows.add(namedWindow(window));
                }
                if (select.$qualify() != null) {
                    throw new IllegalArgumentException("QUALIFY is not PostgreSQL");
                }
                return new Query.Select(
                        with,
                        select.$distinct() && distinctOn.isEmpty(),
                        distinctOn,
                        items,
                        from,
                        optionalPredicate(select.$where()),
                        groupBy,
                        optionalPredicate(select.$having()),
                        windows,
                        sortItems(orderBy),
                        optionalExpression(limit),
                        optionalExpression(offset));
            } finally {
                cteScopes.pop();
            }
        }

        SelectItem selectItem(SelectFieldOrAsterisk field) {
            return switch (field) {
                case QualifiedAsterisk qualified
                when qualified.$except().isEmpty() ->
                    SelectItem.allOf(identifier(qualified.$table().getUnqualifiedName()));
                case Asterisk asterisk when asterisk.$except().isEmpty() -> SelectItem.all();
                case QOM.FieldAlias<?> alias -> SelectItem.of(expression(alias.$field()), identifier(alias.$alias()));
                case Field<?> plain -> SelectItem.of(expression(plain));
                default -> SelectItem.of(raw(field, "select item"));
            };
        }

        // ---------------------------------------------------------------- FROM

        TableSource tableSource(Table<?> table) {
            if (table instanceof QOM.JoinTable<?, ?> join) {
                return join(join);
            }
            if (table instanceof QOM.Lateral<?> lateral) {
                var inner = tableSource(Reflect.arg(lateral, 1, Table.class));
                if (inner instanceof TableSource.Derived derived) {
                    return derived.withLateral(true);
                }
                return rawTable(table, "LATERAL item");
            }
            if (table instanceof QOM.TableAlias<?> alias) {
                String aliasName = identifier(alias.$alias());
                if (hasColumnAliases(alias)) {
                    return rawTable(table, "FROM item with column aliases");
                }
                var aliased = alias.$table();
                if (aliased instanceof QOM.DerivedTable<?> derived) {
                    return new TableSource.Derived(query(Reflect.arg(derived, 1, Select.class)), aliasName, false);
                }
                if (isPlainTable(aliased)) {
                    return namedTable(aliased, aliasName);
                }
                return rawTable(table, "FROM item");
            }
            if (isPlainTable(table)) {
                return namedTable(table, null);
            }
            return rawTable(table, "FROM item");
        }

        private boolean hasColumnAliases(QOM.TableAlias<?> alias) {
            // jOOQ keeps "AS g(n)" column aliases in the alias's fields; a plain alias renders as just its name.
            String declared = declaration(alias);
            return declared.strip().endsWith(")");
        }

        private boolean isPlainTable(Table<?> table) {
            return table.getClass().getSimpleName().equals("TableImpl")
                    && table.getQualifiedName().parts().length <= 2;
        }

        private TableSource namedTable(Table<?> table, String alias) {
            var parts = table.getQualifiedName().parts();
            String name = identifier(parts[parts.length - 1]);
            if (parts.length == 1 && cteScopes.stream().anyMatch(scope -> scope.contains(name))) {
                return new TableSource.CteReference(name, alias);
            }
            return new TableSource.Table(parts.length == 2 ? identifier(parts[0]) : null, name, alias);
        }

        private TableSource join(QOM.JoinTable<?, ?> join) {
            var left = tableSource(join.$table1());
            var right = tableSource(join.$table2());
            TableSource.Join.Type type =
                    switch (join) {
                        case QOM.CrossJoin<?> cross -> TableSource.Join.Type.CROSS;
                        case QOM.LeftJoin<?> outer -> TableSource.Join.Type.LEFT;
                        case QOM.RightJoin<?> outer -> TableSource.Join.Type.RIGHT;
                        case QOM.FullJoin<?> outer -> TableSource.Join.Type.FULL;
                        case QOM.Join<?> inner -> TableSource.Join.Type.INNER;
                        default -> null;
                    };
            if (type == null || join.$hint() != null) {
                return rawTable(join, "join");
            }
            if (type == TableSource.Join.Type.CROSS) {
                return new TableSource.Join(left, type, right, null);
            }
            var qualified = (QOM.QualifiedJoin<?, ?>) join;
            if (!qualified.$using().isEmpty() || qualified.$on() == null) {
                return rawTable(join, "join USING");
            }
            return new TableSource.Join(left, type, right, predicate(qualified.$on()));
        }

        // ---------------------------------------------------------------- conditions

        Predicate optionalPredicate(Condition condition) {
            return condition == null ? null : predicate(condition);
        }

        Predicate predicate(Condition condition) {
            return switch (condition) {
                case QOM.And and -> {
                    var operands = new ArrayList<Predicate>();
                    flatten(predicate(and.$arg1()), Predicate.And.class, operands);
                    flatten(predicate(and.$arg2()), Predicate.And.class, operands);
                    yield new Predicate.And(operands);
                }
                case QOM.Or or -> {
                    var operands = new ArrayList<Predicate>();
                    flatten(predicate(or.$arg1()), Predicate.Or.class, operands);
                    flatten(predicate(or.$arg2()), Predicate.Or.class, operands);
                    yield new Predicate.Or(operands);
                }
                case QOM.Not not -> {
                    var operand = predicate(not.$arg1());
                    yield operand instanceof Predicate.Exists exists
                            ? exists.withNegated(!exists.negated())
                            : new Predicate.Not(operand);
                }
                case QOM.Eq<?> eq -> compare(eq.$arg1(), Predicate.Comparison.Operator.EQ, eq.$arg2());
                case QOM.Ne<?> ne -> compare(ne.$arg1(), Predicate.Comparison.Operator.NE, ne.$arg2());
                case QOM.Lt<?> lt -> compare(lt.$arg1(), Predicate.Comparison.Operator.LT, lt.$arg2());
                case QOM.Le<?> le -> compare(le.$arg1(), Predicate.Comparison.Operator.LE, le.$arg2());
                case QOM.Gt<?> gt -> compare(gt.$arg1(), Predicate.Comparison.Operator.GT, gt.$arg2());
                case QOM.Ge<?> ge -> compare(ge.$arg1(), Predicate.Comparison.Operator.GE, ge.$arg2());
                case QOM.Like like when like.$escape() == null -> like(like.$value(), like.$pattern(), false, false);
                case QOM.NotLike like when like.$escape() == null -> like(like.$value(), like.$pattern(), false, true);
                case QOM.LikeIgnoreCase like
                when like.$escape() == null -> like(like.$value(), like.$pattern(), true, false);
                case QOM.NotLikeIgnoreCase like
                when like.$escape() == null -> like(like.$value(), like.$pattern(), true, true);
                case QOM.InList<?> in -> new Predicate.InList(expression(in.$arg1()), expressions(in.$arg2()), false);
                case QOM.NotInList<?> in -> new Predicate.InList(expression(in.$arg1()), expressions(in.$arg2()), true);
                case QOM.In<?> in -> new Predicate.InSubquery(expression(in.$arg1()), query(in.$arg2()), false);
                case QOM.NotIn<?> in -> new Predicate.InSubquery(expression(in.$arg1()), query(in.$arg2()), true);
                case QOM.Exists exists
                when exists.$query() instanceof Select<?> subquery -> new Predicate.Exists(query(subquery), false);
                case QOM.Between<?> between
                when !between.$symmetric() ->
                    new Predicate.Between(
                            expression(between.$arg1()),
                            expression(between.$arg2()),
                            expression(between.$arg3()),
                            false);
                case QOM.IsNull isNull -> new Predicate.IsNull(expression(isNull.$arg1()), false);
                case QOM.IsNotNull isNotNull -> new Predicate.IsNull(expression(isNotNull.$arg1()), true);
                default -> notBetweenOrRaw(condition);
            };
        }

        private Predicate notBetweenOrRaw(Condition condition) {
            // NOT BETWEEN has no QOM type of its own in every jOOQ version: recognise it by its class.
            if (condition.getClass().getSimpleName().equals("NotBetween")
                    || condition.getClass().getSimpleName().equals("NotBetweenCondition")) {
                var value = Reflect.arg(condition, 1, Field.class);
                var low = Reflect.arg(condition, 2, Field.class);
                var high = Reflect.arg(condition, 3, Field.class);
                if (value != null && low != null && high != null && !Reflect.flag(condition, "$symmetric")) {
                    return new Predicate.Between(expression(value), expression(low), expression(high), true);
                }
            }
            var sql = render(condition);
            warn("condition", sql);
            return new Predicate.Raw(sql);
        }

        private static void flatten(Predicate predicate, Class<?> kind, List<Predicate> into) {
            if (kind.isInstance(predicate)) {
                into.addAll(
                        predicate instanceof Predicate.And and
                                ? and.operands()
                                : ((Predicate.Or) predicate).operands());
            } else {
                into.add(predicate);
            }
        }

        private Predicate compare(Field<?> left, Predicate.Comparison.Operator operator, Field<?> right) {
            return new Predicate.Comparison(expression(left), operator, expression(right));
        }

        private Predicate like(Field<?> value, Field<?> pattern, boolean ignoreCase, boolean negated) {
            return new Predicate.Like(expression(value), expression(pattern), ignoreCase, negated);
        }

        // ---------------------------------------------------------------- expressions

        Expression optionalExpression(Field<?> field) {
            return field == null ? null : expression(field);
        }

        List<Expression> expressions(Collection<? extends Field<?>> fields) {
            return fields.stream().map(this::expression).toList();
        }

        Expression expression(Field<?> field) {
            return switch (field) {
                case TableField<?, ?> column -> column(column.getQualifiedName());
                case Param<?> param -> param(param);
                case QOM.Add<?> add -> arithmetic(add.$arg1(), Expression.Arithmetic.Operator.ADD, add.$arg2());
                case QOM.Sub<?> sub -> arithmetic(sub.$arg1(), Expression.Arithmetic.Operator.SUBTRACT, sub.$arg2());
                case QOM.Mul<?> mul -> arithmetic(mul.$arg1(), Expression.Arithmetic.Operator.MULTIPLY, mul.$arg2());
                case QOM.Div<?> div -> arithmetic(div.$arg1(), Expression.Arithmetic.Operator.DIVIDE, div.$arg2());
                case QOM.Mod<?> mod -> arithmetic(mod.$arg1(), Expression.Arithmetic.Operator.MODULO, mod.$arg2());
                case QOM.Concat concat -> concat(concat.$arg1());
                case QOM.Cast<?> cast -> cast(cast);
                case QOM.CaseSearched<?> searched -> searchedCase(searched);
                case QOM.CaseSimple<?, ?> simple -> simpleCase(simple);
                case QOM.ScalarSubquery<?> scalar -> new Expression.ScalarSubquery(query(scalar.$arg1()));
                case QOM.WindowFunction<?, ?> window -> windowFunction(window);
                case QOM.Extract<?> extract -> extract(extract);
                case QOM.CurrentDate<?> today -> Expression.function("current_date");
                default ->
                    switch (field.getClass().getSimpleName()) {
                        case "TruncDate" -> dateTrunc(field);
                        case "Expression", "DateDiff" -> dateArithmetic(field);
                        default -> functionOrRaw(field);
                    };
            };
        }

        /**
         * {@code date + n}, {@code date - interval}, {@code date - date}: jOOQ reads arithmetic whose left operand
         * it knows to be a date into nodes of their own, without accessors.
         */
        private Expression dateArithmetic(Field<?> field) {
            Field<?> left = Reflect.member(field, "lhs", Field.class);
            Field<?> right = Reflect.member(field, "rhs", Field.class);
            var operator = Reflect.member(field, "operator", Enum.class);
            if (left == null && right == null && Reflect.member(field, "part", Object.class) == null) {
                left = Reflect.member(field, "endDate", Field.class); // end - start
                right = Reflect.member(field, "startDate", Field.class);
                operator = Expression.Arithmetic.Operator.SUBTRACT;
            }
            if (left == null || right == null || operator == null) {
                return functionOrRaw(field);
            }
            return switch (operator.name()) {
                case "ADD" -> arithmetic(left, Expression.Arithmetic.Operator.ADD, right);
                case "SUBTRACT" -> arithmetic(left, Expression.Arithmetic.Operator.SUBTRACT, right);
                default -> functionOrRaw(field);
            };
        }

        private Expression extract(QOM.Extract<?> extract) {
            var field =
                    switch (extract.$datePart()) {
                        case MILLISECOND -> Expression.Extract.Field.MILLISECONDS;
                        case MICROSECOND -> Expression.Extract.Field.MICROSECONDS;
                        case DAY_OF_YEAR -> Expression.Extract.Field.DOY;
                        case ISO_DAY_OF_WEEK -> Expression.Extract.Field.ISODOW;
                        case DatePart part -> modelled(Expression.Extract.Field.class, part);
                    };
            return field == null
                    ? rawExpression(extract, "extract")
                    : new Expression.Extract(field, expression(extract.$field()));
        }

        /** {@code date_trunc('unit', x)}, which jOOQ reads into a node without accessors. */
        private Expression dateTrunc(Field<?> trunc) {
            var source = Reflect.member(trunc, "date", Field.class);
            var part = Reflect.member(trunc, "part", DatePart.class);
            var unit = part == null
                    ? null
                    : switch (part) {
                        case MILLISECOND -> Expression.DateTrunc.Unit.MILLISECONDS;
                        case MICROSECOND -> Expression.DateTrunc.Unit.MICROSECONDS;
                        default -> modelled(Expression.DateTrunc.Unit.class, part);
                    };
            return source == null || unit == null
                    ? rawExpression(trunc, "expression")
                    : new Expression.DateTrunc(unit, expression(source));
        }

        /**
         * The model's constant of the same name as jOOQ's date part, or {@code null}. jOOQ's DAY_OF_WEEK is not
         * PostgreSQL's dow (jOOQ counts from 1), so it has no counterpart.
         */
        private static <E extends Enum<E>> E modelled(Class<E> type, DatePart part) {
            if (part == DatePart.DAY_OF_WEEK) {
                return null;
            }
            try {
                return Enum.valueOf(type, part.name());
            } catch (IllegalArgumentException notModelled) {
                return null;
            }
        }

        private Expression column(Name name) {
            var parts = name.parts();
            String column = identifier(parts[parts.length - 1]);
            return parts.length == 1
                    ? Expression.column(column)
                    : Expression.column(identifier(parts[parts.length - 2]), column);
        }

        private Expression param(Param<?> param) {
            if (!param.$inline()) {
                // :name (or a positional ?): a parameter whose value comes when the query runs.
                String name = param.getParamName();
                return new Expression.Parameter(name == null || name.isBlank() ? "p" + ++positional : name, null);
            }
            Object value = param.$value();
            return switch (value) {
                case null -> Expression.Literal.nullValue();
                case String text -> Expression.string(text);
                case Boolean bool -> Expression.Literal.bool(bool);
                case Integer number -> Expression.number(number);
                case Long number -> Expression.number(number);
                case Short number -> Expression.number(number);
                case BigInteger number -> Expression.number(number);
                case java.sql.Date date -> Expression.date(date.toLocalDate().toString());
                case java.sql.Timestamp timestamp ->
                    new Expression.Literal(
                            Expression.Literal.Type.TIMESTAMP, DateTimeText.timestamp(timestamp.toLocalDateTime()));
                case java.sql.Time time ->
                    new Expression.Literal(Expression.Literal.Type.TIME, DateTimeText.time(time.toLocalTime()));
                case java.time.OffsetDateTime timestamp ->
                    new Expression.Literal(
                            Expression.Literal.Type.TIMESTAMPTZ, DateTimeText.timestampWithTimeZone(timestamp));
                case YearToSecond interval -> Expression.interval(intervalText(interval));
                case BigDecimal number ->
                    new Expression.Literal(Expression.Literal.Type.NUMBER, number.toPlainString());
                case Double number
                when Double.isFinite(number) ->
                    new Expression.Literal(
                            Expression.Literal.Type.NUMBER,
                            BigDecimal.valueOf(number).toPlainString());
                default -> rawExpression(param, "literal");
            };
        }

        /** An interval as PostgreSQL input: {@code 1 year 2 months 3 days 04:05:06} reads back the same. */
        private static String intervalText(YearToSecond interval) {
            var parts = new ArrayList<String>();
            String sign = interval.getSign() < 0 ? "-" : "";
            quantity(parts, sign, interval.getYears(), "year");
            quantity(parts, sign, interval.getMonths(), "month");
            quantity(parts, sign, interval.getDays(), "day");
            quantity(parts, sign, interval.getHours(), "hour");
            quantity(parts, sign, interval.getMinutes(), "minute");
            if (interval.getNano() != 0) {
                var seconds = BigDecimal.valueOf(interval.getSeconds())
                        .add(BigDecimal.valueOf(interval.getNano(), 9))
                        .stripTrailingZeros();
                parts.add(sign + seconds.toPlainString() + " seconds");
            } else {
                quantity(parts, sign, interval.getSeconds(), "second");
            }
            return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
        }

        private static void quantity(List<String> parts, String sign, int amount, String unit) {
            if (amount != 0) {
                parts.add(sign + amount + " " + unit + (amount == 1 ? "" : "s"));
            }
        }

        private Expression arithmetic(Field<?> left, Expression.Arithmetic.Operator operator, Field<?> right) {
            return new Expression.Arithmetic(expression(left), operator, expression(right));
        }

        private Expression concat(Collection<? extends Field<?>> operands) {
            Expression result = null;
            for (var operand : operands) {
                var next = expression(operand);
                result = result == null
                        ? next
                        : new Expression.Arithmetic(result, Expression.Arithmetic.Operator.CONCAT, next);
            }
            return result;
        }

        private Expression cast(QOM.Cast<?> cast) {
            String type = cast.$dataType().getCastTypeName(dsl.configuration());
            try {
                return Expression.cast(expression(cast.$field()), type);
            } catch (IllegalArgumentException unusualTypeName) {
                return rawExpression(cast, "cast to " + type);
            }
        }

        private Expression searchedCase(QOM.CaseSearched<?> searched) {
            var branches = new ArrayList<Expression.Case.When>();
            for (var when : searched.$when()) {
                branches.add(new Expression.Case.When(predicate(when.$1()), expression(when.$2())));
            }
            return new Expression.Case(branches, optionalExpression(searched.$else()));
        }

        private Expression simpleCase(QOM.CaseSimple<?, ?> simple) {
            // The model holds the searched form: CASE x WHEN 1 THEN a END is CASE WHEN x = 1 THEN a END.
            var value = expression(simple.$value());
            var branches = new ArrayList<Expression.Case.When>();
            for (var when : simple.$when()) {
                branches.add(
                        new Expression.Case.When(Predicate.equal(value, expression(when.$1())), expression(when.$2())));
            }
            return new Expression.Case(branches, optionalExpression(simple.$else()));
        }

        private Expression windowFunction(QOM.WindowFunction<?, ?> window) {
            var function = windowedFunction(window);
            if (function == null) {
                return rawExpression(window, "window function");
            }
            if (window.$windowName() != null) {
                return new Expression.WindowFunction(function, WindowSpec.named(identifier(window.$windowName())));
            }
            if (window.$windowDefinition() != null) {
                return new Expression.WindowFunction(
                        function,
                        WindowSpec.named(identifier(window.$windowDefinition().$name())));
            }
            if (window.$windowSpecification() == null) {
                return function; // an aggregate without OVER
            }
            var spec = windowSpec(window.$windowSpecification());
            return spec == null ? rawExpression(window, "window") : new Expression.WindowFunction(function, spec);
        }

        /** The function part of a window function or aggregate, without its OVER; {@code null} if unknown. */
        private Expression windowedFunction(QOM.WindowFunction<?, ?> window) {
            Condition filter =
                    window instanceof QOM.AggregateFunction<?, ?> aggregate ? aggregate.$filterWhere() : null;
            return switch (window) {
                case QOM.Count count
                when count.$field() == null || count.$field() instanceof Asterisk ->
                    new Expression.Aggregate("count", false, List.of(), optionalPredicate(filter));
                case QOM.Count count -> aggregate("count", count.$distinct(), count.$field(), filter);
                case QOM.Sum sum -> aggregate("sum", sum.$distinct(), sum.$field(), filter);
                case QOM.Avg avg -> aggregate("avg", avg.$distinct(), avg.$field(), filter);
                case QOM.Min<?> min -> aggregate("min", min.$distinct(), min.$field(), filter);
                case QOM.Max<?> max -> aggregate("max", max.$distinct(), max.$field(), filter);
                case QOM.RowNumber rowNumber -> Expression.function("row_number");
                case QOM.Rank rank -> Expression.function("rank");
                case QOM.DenseRank rank -> Expression.function("dense_rank");
                case QOM.PercentRank rank -> Expression.function("percent_rank");
                case QOM.CumeDist dist -> Expression.function("cume_dist");
                case QOM.Ntile ntile -> Expression.function("ntile", expression(ntile.$tiles()));
                case QOM.Lag<?> lag
                when lag.$nullTreatment() == null ->
                    offsetFunction("lag", lag.$field(), lag.$offset(), lag.$defaultValue());
                case QOM.Lead<?> lead
                when lead.$nullTreatment() == null ->
                    offsetFunction("lead", lead.$field(), lead.$offset(), lead.$defaultValue());
                case QOM.FirstValue<?> first
                when first.$nullTreatment() == null -> Expression.function("first_value", expression(first.$field()));
                case QOM.LastValue<?> last
                when last.$nullTreatment() == null -> Expression.function("last_value", expression(last.$field()));
                default -> null;
            };
        }

        private Expression offsetFunction(String name, Field<?> field, Field<?> offset, Field<?> defaultValue) {
            var arguments = new ArrayList<Expression>();
            arguments.add(expression(field));
            if (offset != null) {
                arguments.add(expression(offset));
            }
            if (defaultValue != null) {
                arguments.add(expression(defaultValue));
            }
            return new Expression.FunctionCall(name, arguments);
        }

        private Expression aggregate(String name, boolean distinct, Field<?> argument, Condition filter) {
            return new Expression.Aggregate(name, distinct, List.of(expression(argument)), optionalPredicate(filter));
        }

        WindowSpec windowSpec(WindowSpecification specification) {
            if (specification.$windowDefinition() != null || specification.$exclude() != null) {
                return null;
            }
            var partitionBy = new ArrayList<Expression>();
            for (var group : specification.$partitionBy()) {
                if (!(group instanceof Field<?> field)) {
                    return null;
                }
                partitionBy.add(expression(field));
            }
            WindowSpec.Frame frame = null;
            if (specification.$frameUnits() != null) {
                var unit = WindowSpec.Frame.Unit.valueOf(
                        specification.$frameUnits().name());
                var start = bound(specification.$frameStart());
                var end = specification.$frameEnd() == null ? null : bound(specification.$frameEnd());
                frame = new WindowSpec.Frame(unit, start, end);
            }
            return new WindowSpec(null, partitionBy, sortItems(specification.$orderBy()), frame);
        }

        /** jOOQ encodes frame bounds as numbers: MIN/MAX for unbounded, negative preceding, 0 current row. */
        private static WindowSpec.Bound bound(Integer encoded) {
            if (encoded == Integer.MIN_VALUE) {
                return WindowSpec.Bound.unboundedPreceding();
            } else if (encoded == Integer.MAX_VALUE) {
                return WindowSpec.Bound.unboundedFollowing();
            } else if (encoded == 0) {
                return WindowSpec.Bound.currentRow();
            } else if (encoded < 0) {
                return WindowSpec.Bound.preceding(-encoded);
            }
            return WindowSpec.Bound.following(encoded);
        }

        NamedWindow namedWindow(WindowDefinition window) {
            var spec = windowSpec(window.$windowSpecification());
            if (spec == null) {
                throw new IllegalArgumentException("the window " + window.$name() + " could not be read");
            }
            return new NamedWindow(identifier(window.$name()), spec);
        }

        /**
         * A function jOOQ models with its own type (lower, upper, coalesce, abs...) becomes a plain call when its
         * PostgreSQL rendering is exactly {@code name(arguments)}; anything else is kept raw.
         */
        private Expression functionOrRaw(Field<?> field) {
            if (field instanceof QOM.CurrentTimestamp<?>) {
                // jOOQ reads now() as its SQL-standard CURRENT_TIMESTAMP and writes it back cast to timestamp
                // without time zone, which is not what now() returns: keep the PostgreSQL function.
                return Expression.function("now");
            }
            String sql = render(field);
            var call = FUNCTION_CALL.matcher(sql);
            List<Field<?>> arguments = field instanceof QOM.Function<?> function
                    ? List.copyOf(function.$args())
                    : Reflect.fieldArguments(field);
            if (call.lookingAt() && arguments != null) {
                String name = call.group(1);
                // Only when jOOQ writes exactly name(arguments) is the node a plain call of that function.
                String asCall = render(DSL.function(
                        DSL.unquotedName(name.split("\\.")), Object.class, arguments.toArray(Field<?>[]::new)));
                if (asCall.equals(sql)) {
                    return new Expression.FunctionCall(name, expressions(arguments));
                }
            }
            return rawExpression(field, "expression");
        }

        // ---------------------------------------------------------------- GROUP BY, ORDER BY

        Grouping grouping(GroupField group) {
            return switch (group) {
                case QOM.Rollup rollup -> new Grouping.Rollup(groupFields(rollup.$arg1()));
                case QOM.Cube cube -> new Grouping.Cube(groupFields(cube.$arg1()));
                case QOM.GroupingSets sets ->
                    new Grouping.Sets(
                            sets.$arg1().stream().map(this::groupFields).toList());
                case QOM.EmptyGroupingSet empty -> new Grouping.Sets(List.of(List.of()));
                case Field<?> field -> new Grouping.By(expression(field));
                default -> new Grouping.By(raw(group, "grouping"));
            };
        }

        private List<Expression> groupFields(Collection<? extends QueryPart> fields) {
            return fields.stream()
                    .map(field -> field instanceof Field<?> f ? expression(f) : raw(field, "grouping"))
                    .toList();
        }

        List<SortItem> sortItems(List<? extends SortField<?>> fields) {
            var items = new ArrayList<SortItem>();
            for (var field : fields) {
                var direction = field.$sortOrder() == SortOrder.DESC ? SortItem.Direction.DESC : SortItem.Direction.ASC;
                var nulls = field.$nullOrdering() == null
                        ? SortItem.Nulls.DEFAULT
                        : field.$nullOrdering() == QOM.NullOrdering.NULLS_FIRST
                                ? SortItem.Nulls.FIRST
                                : SortItem.Nulls.LAST;
                items.add(new SortItem(expression(field.$field()), direction, nulls));
            }
            return items;
        }

        // ---------------------------------------------------------------- raw SQL

        private Expression raw(QueryPart part, String what) {
            return rawExpression(part, what);
        }

        private Expression rawExpression(QueryPart part, String what) {
            var sql = render(part);
            warn(what, sql);
            return new Expression.Raw(sql);
        }

        private TableSource rawTable(Table<?> table, String what) {
            var sql = declaration(table);
            warn(what, sql);
            return new TableSource.Raw(sql);
        }

        private void warn(String what, String sql) {
            warnings.add(new ImportResult.Warning("This " + what + " was kept as SQL: " + sql, sql));
        }
    }

    /** A part as PostgreSQL SQL with values inlined, as used in an expression or condition. */
    private String render(QueryPart part) {
        return dsl.renderContext().paramType(ParamType.INLINED).visit(part).render();
    }

    /** A FROM item as declared (with its alias and joins), not as a reference. */
    private String declaration(Table<?> table) {
        return dsl.renderContext()
                .paramType(ParamType.INLINED)
                .declareTables(true)
                .visit(table)
                .render();
    }

    /**
     * The name as PostgreSQL sees it: an unquoted identifier folds to lower case, a quoted one keeps its spelling.
     */
    static String identifier(Name name) {
        String text = name.last();
        return name.quoted() == Name.Quoted.QUOTED ? text : text.toLowerCase(Locale.ROOT);
    }
}
