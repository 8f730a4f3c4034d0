package dev.athanor.query.render;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.NamedWindow;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.model.WindowSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.AggregateFunction;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.GroupField;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.WindowDefinition;
import org.jooq.WindowSpecification;
import org.jooq.WindowSpecificationExcludeStep;
import org.jooq.WindowSpecificationOrderByStep;
import org.jooq.WindowSpecificationRowsAndStep;
import org.jooq.WindowSpecificationRowsStep;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;

/**
 * The one translator from the query model to jOOQ query parts, rendered for PostgreSQL.
 *
 * <p>Three textual forms come out of one translation: SQL with {@code ?} placeholders and the ordered bind values
 * (what runs), SQL with the values inlined (what a person reads, like SQLAlchemy's {@code literal_binds}), and SQL
 * with named parameters shown as {@code :name} and constants inlined. Every value, literal or parameter, is a
 * bind value in the first form: SQL text is never assembled from values. Only the model's raw-SQL nodes pass
 * through as written, through jOOQ's plain-SQL API.
 *
 * <p>Thread-safe: a renderer holds no state besides its immutable settings.
 */
public final class QueryRenderer {
    static {
        // jOOQ prints a banner and tips on first use unless told not to; they are noise in the product's output.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    private final DSLContext dsl;
    private final DSLContext formattedDsl;

    /** A renderer for PostgreSQL. */
    public QueryRenderer() {
        this.dsl = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderFormatted(false));
        this.formattedDsl = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderFormatted(true));
    }

    /** The (unattached) jOOQ context this renderer renders with. */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * The query as a jOOQ query, ready to attach to a connection and run, or to render.
     *
     * @param query the model query
     * @param parameterValues a value for every named parameter of the query, by name without the colon
     * @throws MissingParameterException if a named parameter has no value in {@code parameterValues}
     */
    public ResultQuery<?> toJooq(Query query, Map<String, ?> parameterValues) {
        return new Translation(parameterValues, true).query(query);
    }

    /** SQL with {@code ?} placeholders and the ordered bind values: what is sent to the server. */
    public RenderedSql render(Query query, Map<String, ?> parameterValues) {
        var jooq = toJooq(query, parameterValues);
        return new RenderedSql(dsl.render(jooq), dsl.extractBindValues(jooq));
    }

    /** SQL with every value inlined as a literal, for display (single line). */
    public String renderInlined(Query query, Map<String, ?> parameterValues) {
        return dsl.renderInlined(toJooq(query, parameterValues));
    }

    /** SQL with every value inlined, formatted over several lines for reading. */
    public String renderInlinedFormatted(Query query, Map<String, ?> parameterValues) {
        return formattedDsl.renderInlined(toJooq(query, parameterValues));
    }

    /**
     * SQL with named parameters shown as {@code :name} and constants inlined, for display; no parameter values
     * are needed.
     */
    public String renderNamed(Query query) {
        return dsl.renderNamedOrInlinedParams(new Translation(Map.of(), false).query(query));
    }

    /** A condition alone as SQL text, constants inlined and named parameters as {@code :name}, to keep as text. */
    public String renderCondition(Predicate predicate) {
        return dsl.renderNamedOrInlinedParams(new Translation(Map.of(), false).condition(predicate));
    }

    /** Thrown when a query runs without a value for one of its named parameters. */
    public static final class MissingParameterException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String parameter;

        MissingParameterException(String parameter) {
            super("The query parameter :" + parameter + " has no value");
            this.parameter = parameter;
        }

        /** The parameter's name, without the colon. */
        public String parameter() {
            return parameter;
        }
    }

    /** One translation: the parameter values and how strictly they are required. */
    private static final class Translation {
        private final Map<String, ?> parameterValues;
        private final boolean valuesRequired;

        /**
         * GROUP BY expressions of the SELECT being translated. PostgreSQL matches a selected expression to a
         * grouped one by its parse tree, and two bind values never match each other ({@code worker_id % $1} is
         * not {@code worker_id % $2}), so the literals inside such an expression are inlined wherever it occurs.
         */
        private java.util.Set<Expression> grouped = java.util.Set.of();

        /** Greater than zero while translating an expression whose literals are inlined. */
        private int inlining;

        Translation(Map<String, ?> parameterValues, boolean valuesRequired) {
            // A null value is a legitimate SQL NULL, so the map may hold nulls: no Map.copyOf here.
            this.parameterValues = new java.util.HashMap<>(parameterValues);
            this.valuesRequired = valuesRequired;
        }

        ResultQuery<?> query(Query query) {
            return switch (query) {
                case Query.Raw raw -> DSL.resultQuery(DSL.raw(raw.sql()));
                case Query.Select select -> select(select);
                case Query.SetOperation operation -> setOperation(operation);
            };
        }

        /** A query where jOOQ needs a {@link Select}: a raw statement is read as a derived table. */
        Select<?> subquery(Query query) {
            return switch (query) {
                case Query.Raw raw ->
                    DSL.select(DSL.asterisk())
                            .from(DSL.table("({0})", DSL.raw(raw.sql())).as(SqlNames.identifier("raw")));
                case Query.Select select -> select(select);
                case Query.SetOperation operation -> setOperation(operation);
            };
        }

        Select<?> select(Query.Select select) {
            var outerGrouped = grouped;
            grouped = groupedExpressions(select.groupBy());
            try {
                return selectInScope(select);
            } finally {
                grouped = outerGrouped;
            }
        }

        private static java.util.Set<Expression> groupedExpressions(List<Grouping> groupBy) {
            var result = new java.util.HashSet<Expression>();
            for (var grouping : groupBy) {
                switch (grouping) {
                    case Grouping.By by -> result.add(by.expression());
                    case Grouping.Rollup rollup -> result.addAll(rollup.expressions());
                    case Grouping.Cube cube -> result.addAll(cube.expressions());
                    case Grouping.Sets sets -> sets.sets().forEach(result::addAll);
                }
            }
            result.removeIf(expression -> !(expression instanceof Expression.Arithmetic
                    || expression instanceof Expression.FunctionCall
                    || expression instanceof Expression.Extract
                    || expression instanceof Expression.DateTrunc
                    || expression instanceof Expression.Case
                    || expression instanceof Expression.Cast));
            return java.util.Set.copyOf(result);
        }

        private Select<?> selectInScope(Query.Select select) {
            var ctes = new ArrayList<CommonTableExpression<?>>();
            boolean recursive = false;
            for (var cte : select.with()) {
                ctes.add(cte(cte));
                recursive |= cte.recursive();
            }
            var items = select.items().isEmpty()
                    ? List.<SelectFieldOrAsterisk>of(DSL.asterisk())
                    : select.items().stream().map(this::selectItem).toList();
            org.jooq.SelectQuery<org.jooq.Record> query = ctes.isEmpty()
                    ? DSL.select(items).getQuery()
                    : (recursive ? DSL.withRecursive(ctes) : DSL.with(ctes))
                            .select(items)
                            .getQuery();
            if (!select.distinctOn().isEmpty()) {
                query.addDistinctOn(fields(select.distinctOn()));
            } else if (select.distinct()) {
                query.setDistinct(true);
            }
            for (var source : select.from()) {
                query.addFrom(table(source));
            }
            if (select.where() != null) {
                query.addConditions(condition(select.where()));
            }
            if (!select.groupBy().isEmpty()) {
                query.addGroupBy(select.groupBy().stream().map(this::grouping).toList());
            }
            if (select.having() != null) {
                query.addHaving(condition(select.having()));
            }
            if (!select.windows().isEmpty()) {
                query.addWindow(select.windows().stream().map(this::namedWindow).toList());
            }
            query.addOrderBy(sortFields(select.orderBy()));
            addLimitAndOffset(query, select.limit(), select.offset());
            return query;
        }

        Select<?> setOperation(Query.SetOperation operation) {
            Select<?> left = subquery(operation.left());
            Select<?> right = subquery(operation.right());
            @SuppressWarnings({"unchecked", "rawtypes"})
            Select<?> combined =
                    switch (operation.operator()) {
                        case UNION -> operation.all() ? left.unionAll((Select) right) : left.union((Select) right);
                        case INTERSECT ->
                            operation.all() ? left.intersectAll((Select) right) : left.intersect((Select) right);
                        case EXCEPT -> operation.all() ? left.exceptAll((Select) right) : left.except((Select) right);
                    };
            if (operation.orderBy().isEmpty() && operation.limit() == null && operation.offset() == null) {
                return combined;
            }
            return combinedWithLimits(combined, operation);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Select<?> combinedWithLimits(Select<?> combined, Query.SetOperation operation) {
            if (combined instanceof org.jooq.SelectQuery<?> query) {
                // jOOQ's SelectQuery applies ORDER BY and LIMIT added after a UNION to the combined result.
                query.addOrderBy(sortFields(operation.orderBy()));
                addLimitAndOffset(query, operation.limit(), operation.offset());
                return query;
            }
            var ordered = ((org.jooq.SelectOrderByStep) combined).orderBy(sortFields(operation.orderBy()));
            Number limit = constant(operation.limit());
            Number offset = constant(operation.offset());
            if (operation.limit() == null) {
                return operation.offset() == null
                        ? ordered
                        : offset != null ? ordered.offset(offset) : ordered.offset(number(operation.offset()));
            }
            var limited = limit != null ? ordered.limit(limit) : ordered.limit(number(operation.limit()));
            if (operation.offset() == null) {
                return limited;
            }
            return offset != null ? limited.offset(offset) : limited.offset(number(operation.offset()));
        }

        /**
         * LIMIT and OFFSET. A constant goes through jOOQ's numeric overloads, which render PostgreSQL's familiar
         * {@code limit ?}; an expression (a parameter) renders as the standard {@code fetch next ? rows only}.
         */
        private void addLimitAndOffset(org.jooq.SelectQuery<?> query, Expression limit, Expression offset) {
            Number constantLimit = constant(limit);
            Number constantOffset = constant(offset);
            if (limit != null && offset != null) {
                if (constantLimit != null && constantOffset != null) {
                    query.addLimit(constantOffset, constantLimit);
                } else {
                    query.addLimit(number(offset), number(limit));
                }
            } else if (limit != null) {
                if (constantLimit != null) {
                    query.addLimit(constantLimit);
                } else {
                    query.addLimit(number(limit));
                }
            } else if (offset != null) {
                if (constantOffset != null) {
                    query.addOffset(constantOffset);
                } else {
                    query.addOffset(number(offset));
                }
            }
        }

        private static Number constant(Expression expression) {
            return expression instanceof Expression.Literal literal
                            && literal.type() == Expression.Literal.Type.NUMBER
                            && literal.value() instanceof Number number
                    ? number
                    : null;
        }

        CommonTableExpression<?> cte(dev.athanor.query.model.CommonTableExpression cte) {
            var name = SqlNames.identifier(cte.name());
            var body = subquery(cte.query());
            if (cte.columns().isEmpty()) {
                return name.as(body);
            }
            return name.fields(cte.columns().stream().map(SqlNames::identifier).toArray(org.jooq.Name[]::new))
                    .as(body);
        }

        SelectFieldOrAsterisk selectItem(SelectItem item) {
            return switch (item) {
                case SelectItem.AllColumns all ->
                    all.table() == null
                            ? DSL.asterisk()
                            : DSL.table(SqlNames.identifier(all.table())).asterisk();
                case SelectItem.Value value ->
                    value.label() == null
                            ? field(value.expression())
                            : field(value.expression()).as(SqlNames.identifier(value.label()));
            };
        }

        Table<?> table(TableSource source) {
            return switch (source) {
                case TableSource.Table table -> {
                    Table<?> named = DSL.table(SqlNames.qualified(table.schema(), table.name()));
                    yield table.alias() == null ? named : named.as(SqlNames.identifier(table.alias()));
                }
                case TableSource.CteReference cte -> {
                    Table<?> named = DSL.table(SqlNames.identifier(cte.name()));
                    yield cte.alias() == null ? named : named.as(SqlNames.identifier(cte.alias()));
                }
                case TableSource.Derived derived -> {
                    Table<?> aliased = subquery(derived.query()).asTable(SqlNames.identifier(derived.alias()));
                    yield derived.lateral() ? DSL.lateral(aliased) : aliased;
                }
                case TableSource.Raw raw -> DSL.table(DSL.raw(raw.sql()));
                case TableSource.Join join -> {
                    Table<?> left = table(join.left());
                    Table<?> right = table(join.right());
                    yield switch (join.type()) {
                        case INNER -> left.join(right).on(condition(join.on()));
                        case LEFT -> left.leftJoin(right).on(condition(join.on()));
                        case RIGHT -> left.rightJoin(right).on(condition(join.on()));
                        case FULL -> left.fullJoin(right).on(condition(join.on()));
                        case CROSS -> left.crossJoin(right);
                    };
                }
            };
        }

        Condition condition(Predicate predicate) {
            return switch (predicate) {
                case Predicate.And and ->
                    DSL.and(and.operands().stream().map(this::condition).toList());
                case Predicate.Or or ->
                    DSL.or(or.operands().stream().map(this::condition).toList());
                case Predicate.Not not -> DSL.not(condition(not.operand()));
                case Predicate.Comparison comparison -> {
                    Field<Object> left = field(comparison.left());
                    Field<Object> right = field(comparison.right());
                    yield switch (comparison.operator()) {
                        case EQ -> left.eq(right);
                        case NE -> left.ne(right);
                        case LT -> left.lt(right);
                        case LE -> left.le(right);
                        case GT -> left.gt(right);
                        case GE -> left.ge(right);
                    };
                }
                case Predicate.Like like -> {
                    Field<String> value = text(field(like.value()));
                    Field<String> pattern = text(field(like.pattern()));
                    if (like.ignoreCase()) {
                        yield like.negated() ? value.notLikeIgnoreCase(pattern) : value.likeIgnoreCase(pattern);
                    }
                    yield like.negated() ? value.notLike(pattern) : value.like(pattern);
                }
                case Predicate.TextMatch match -> {
                    Field<String> value = text(field(match.value()));
                    if (match.part() instanceof Expression.Literal literal
                            && literal.type() == Expression.Literal.Type.STRING) {
                        // A typed text becomes one readable pattern with its wildcards escaped.
                        yield value.like(text(
                                literal(Expression.string(LikePatterns.pattern(literal.text(), match.position())))));
                    }
                    Field<String> part = text(field(match.part()));
                    yield switch (match.position()) {
                        case CONTAINS -> value.contains(part);
                        case STARTS_WITH -> value.startsWith(part);
                        case ENDS_WITH -> value.endsWith(part);
                    };
                }
                case Predicate.InList in -> {
                    var values = fields(in.values());
                    yield in.negated()
                            ? field(in.value()).notIn(values)
                            : field(in.value()).in(values);
                }
                case Predicate.InSubquery in -> {
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    Select<org.jooq.Record1<Object>> subquery = (Select) subquery(in.query());
                    yield in.negated()
                            ? field(in.value()).notIn(subquery)
                            : field(in.value()).in(subquery);
                }
                case Predicate.Exists exists ->
                    exists.negated() ? DSL.notExists(subquery(exists.query())) : DSL.exists(subquery(exists.query()));
                case Predicate.Between between -> {
                    Field<Object> value = field(between.value());
                    yield between.negated()
                            ? value.notBetween(field(between.low()), field(between.high()))
                            : value.between(field(between.low()), field(between.high()));
                }
                case Predicate.IsNull isNull ->
                    isNull.negated()
                            ? field(isNull.value()).isNotNull()
                            : field(isNull.value()).isNull();
                case Predicate.Raw raw -> DSL.condition(DSL.raw(raw.sql()));
            };
        }

        Field<Object> field(Expression expression) {
            if (!grouped.contains(expression)) {
                return translate(expression);
            }
            inlining++;
            try {
                return translate(expression);
            } finally {
                inlining--;
            }
        }

        private Field<Object> translate(Expression expression) {
            return switch (expression) {
                case Expression.Column column -> DSL.field(SqlNames.qualified(column.table(), column.column()));
                case Expression.Literal literal -> literal(literal);
                case Expression.Parameter parameter -> parameter(parameter);
                case Expression.Arithmetic arithmetic -> arithmetic(arithmetic);
                case Expression.FunctionCall call
                when isKeywordFunction(call) -> DSL.field("{0}", Object.class, DSL.keyword(call.name()));
                case Expression.FunctionCall call ->
                    DSL.function(SqlNames.function(call.name()), Object.class, fieldArray(call.arguments()));
                case Expression.Extract extract ->
                    DSL.field(
                            "extract({0} from {1})",
                            Object.class, DSL.keyword(extract.field().sql()), field(extract.source()));
                // The unit is inlined: date_trunc(?, x) in a select list would not match it in GROUP BY.
                case Expression.DateTrunc trunc ->
                    DSL.function(
                            DSL.unquotedName("date_trunc"),
                            Object.class,
                            DSL.inline(trunc.unit().sql()),
                            field(trunc.source()));
                case Expression.Aggregate aggregate -> aggregate(aggregate);
                case Expression.WindowFunction window -> windowFunction(window);
                case Expression.Case caseExpression -> caseExpression(caseExpression);
                case Expression.Cast cast -> DSL.cast(field(cast.expression()), dataType(cast.type()));
                case Expression.ScalarSubquery scalar -> {
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    Select<org.jooq.Record1<Object>> subquery = (Select) subquery(scalar.query());
                    yield DSL.field(subquery);
                }
                case Expression.Raw raw -> DSL.field(DSL.raw(raw.sql()));
            };
        }

        Field<Object> literal(Expression.Literal literal) {
            if (literal.type().temporal()) {
                return new TemporalLiteral(literal, inlining > 0);
            }
            if (inlining > 0) {
                return literal.type() == Expression.Literal.Type.STRING
                        ? untyped(DSL.inline(literal.text(), UntypedText.TYPE))
                        : DSL.inline(literal.value());
            }
            return switch (literal.type()) {
                // NULL is a keyword, not a value: nothing to bind.
                case NULL -> DSL.inline((Object) null);
                case STRING -> untyped(DSL.val(literal.text(), UntypedText.TYPE));
                default -> DSL.val(literal.value());
            };
        }

        Field<Object> parameter(Expression.Parameter parameter) {
            if (valuesRequired && !parameterValues.containsKey(parameter.name())) {
                throw new MissingParameterException(parameter.name());
            }
            Object value = parameterValues.get(parameter.name());
            Field<Object> param = value instanceof String text
                    ? untyped(DSL.param(parameter.name(), UntypedText.TYPE).$value(text))
                    : DSL.param(parameter.name(), value);
            return parameter.typeHint() == null ? param : DSL.cast(param, dataType(parameter.typeHint()));
        }

        Field<Object> arithmetic(Expression.Arithmetic arithmetic) {
            Field<Object> left = field(arithmetic.left());
            Field<Object> right = field(arithmetic.right());
            return switch (arithmetic.operator()) {
                case ADD -> left.plus(right);
                case SUBTRACT -> left.minus(right);
                case MULTIPLY -> left.times(number(arithmetic.right()));
                case DIVIDE -> left.divide(number(arithmetic.right()));
                case MODULO -> left.modulo(number(arithmetic.right()));
                case CONCAT -> untyped(DSL.concat(text(left), text(right)));
            };
        }

        Field<Object> aggregate(Expression.Aggregate aggregate) {
            var function = aggregateFunction(aggregate);
            return aggregate.filter() == null ? function : function.filterWhere(condition(aggregate.filter()));
        }

        AggregateFunction<Object> aggregateFunction(Expression.Aggregate aggregate) {
            var arguments = fieldArray(aggregate.arguments());
            if (aggregate.function().equalsIgnoreCase("count") && arguments.length == 0) {
                return untypedAggregate(DSL.count());
            }
            if (aggregate.function().equalsIgnoreCase("count") && aggregate.distinct()) {
                return untypedAggregate(DSL.countDistinct(arguments));
            }
            var name = SqlNames.function(aggregate.function());
            return aggregate.distinct()
                    ? DSL.aggregateDistinct(name, Object.class, arguments)
                    : DSL.aggregate(name, Object.class, arguments);
        }

        Field<Object> windowFunction(Expression.WindowFunction window) {
            AggregateFunction<Object> function =
                    switch (window.function()) {
                        case Expression.Aggregate aggregate -> aggregateFunction(aggregate);
                        // row_number(), rank(), lag(x) ...: jOOQ's generic aggregate renders name(args) and takes OVER.
                        case Expression.FunctionCall call ->
                            DSL.aggregate(SqlNames.function(call.name()), Object.class, fieldArray(call.arguments()));
                        default -> throw new IllegalArgumentException("Not a window function: " + window.function());
                    };
            org.jooq.WindowBeforeOverStep<Object> overStep =
                    window.function() instanceof Expression.Aggregate aggregate && aggregate.filter() != null
                            ? function.filterWhere(condition(aggregate.filter()))
                            : function;
            var spec = window.window();
            if (spec.name() != null) {
                return overStep.over(SqlNames.identifier(spec.name()));
            }
            return overStep.over(windowSpecification(spec));
        }

        WindowSpecification windowSpecification(WindowSpec spec) {
            WindowSpecificationOrderByStep partitioned =
                    DSL.partitionBy(spec.partitionBy().stream().map(this::field).toArray(GroupField[]::new));
            WindowSpecificationRowsStep ordered =
                    spec.orderBy().isEmpty() ? partitioned : partitioned.orderBy(sortFields(spec.orderBy()));
            var frame = spec.frame();
            if (frame == null) {
                return ordered;
            }
            if (frame.end() == null) {
                return frameStart(ordered, frame.unit(), frame.start());
            }
            return frameEnd(frameBetween(ordered, frame.unit(), frame.start()), frame.end());
        }

        WindowDefinition namedWindow(NamedWindow window) {
            return SqlNames.identifier(window.name()).as(windowSpecification(window.window()));
        }

        GroupField grouping(Grouping grouping) {
            return switch (grouping) {
                case Grouping.By by -> positionOrField(by.expression());
                case Grouping.Rollup rollup -> DSL.rollup(fieldArray(rollup.expressions()));
                case Grouping.Cube cube -> DSL.cube(fieldArray(cube.expressions()));
                case Grouping.Sets sets -> {
                    @SuppressWarnings("unchecked")
                    Collection<? extends Field<?>>[] groups =
                            sets.sets().stream().map(this::fields).toArray(Collection[]::new);
                    yield DSL.groupingSets(groups);
                }
            };
        }

        Field<Object> caseExpression(Expression.Case caseExpression) {
            var branches = caseExpression.branches();
            var first = branches.getFirst();
            var chain = DSL.when(condition(first.condition()), field(first.result()));
            for (var branch : branches.subList(1, branches.size())) {
                chain = chain.when(condition(branch.condition()), field(branch.result()));
            }
            return caseExpression.otherwise() == null ? chain : chain.otherwise(field(caseExpression.otherwise()));
        }

        List<SortField<?>> sortFields(List<SortItem> items) {
            var result = new ArrayList<SortField<?>>();
            for (var item : items) {
                Field<Object> field = positionOrField(item.expression());
                SortField<Object> sorted = item.direction() == SortItem.Direction.DESC ? field.desc() : field.asc();
                result.add(
                        switch (item.nulls()) {
                            case DEFAULT -> sorted;
                            case FIRST -> sorted.nullsFirst();
                            case LAST -> sorted.nullsLast();
                        });
            }
            return result;
        }

        /**
         * An ORDER BY or GROUP BY item. A whole number there is a position in the select list ({@code ORDER BY 2}),
         * which only holds as a literal: bound, it would be a constant and sort nothing.
         */
        Field<Object> positionOrField(Expression expression) {
            if (expression instanceof Expression.Literal literal
                    && literal.type() == Expression.Literal.Type.NUMBER
                    && literal.value() instanceof Integer position) {
                return untyped(DSL.inline(position));
            }
            return field(expression);
        }

        /** A LIMIT or OFFSET: jOOQ wants a numeric field. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Field<? extends Number> number(Expression expression) {
            return (Field) field(expression);
        }

        List<Field<Object>> fields(List<Expression> expressions) {
            return expressions.stream().map(this::field).toList();
        }

        Field<?>[] fieldArray(List<Expression> expressions) {
            return expressions.stream().map(this::field).toArray(Field<?>[]::new);
        }

        /** The field seen as text by jOOQ, without a cast in the SQL (LIKE needs text operands). */
        private static Field<String> text(Field<Object> field) {
            return field.coerce(String.class);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Field<Object> untyped(Field<?> field) {
            return (Field) field;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static AggregateFunction<Object> untypedAggregate(AggregateFunction<?> function) {
            return (AggregateFunction) function;
        }
    }

    /**
     * Whether {@code call} is one of SQL's functions written without parentheses ({@code current_date},
     * {@code current_timestamp}, {@code localtime}...).
     */
    public static boolean isKeywordFunction(Expression.FunctionCall call) {
        return call.arguments().isEmpty()
                && KEYWORD_FUNCTIONS.contains(call.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> KEYWORD_FUNCTIONS =
            java.util.Set.of("current_date", "current_time", "current_timestamp", "localtime", "localtimestamp");

    /**
     * A PostgreSQL type by name. The model has checked the name's shape, and jOOQ renders it as written, so
     * user-defined types ({@code workload_enum}) work like built-in ones.
     */
    static DataType<Object> dataType(String typeName) {
        return DefaultDataType.getDefaultDataType(SQLDialect.POSTGRES, typeName.strip());
    }

    private static WindowSpecificationExcludeStep frameStart(
            WindowSpecificationRowsStep step, WindowSpec.Frame.Unit unit, WindowSpec.Bound start) {
        return switch (unit) {
            case ROWS ->
                switch (start.kind()) {
                    case UNBOUNDED_PRECEDING -> step.rowsUnboundedPreceding();
                    case PRECEDING -> step.rowsPreceding(start.offset());
                    case CURRENT_ROW -> step.rowsCurrentRow();
                    case FOLLOWING -> step.rowsFollowing(start.offset());
                    case UNBOUNDED_FOLLOWING -> step.rowsUnboundedFollowing();
                };
            case RANGE ->
                switch (start.kind()) {
                    case UNBOUNDED_PRECEDING -> step.rangeUnboundedPreceding();
                    case PRECEDING -> step.rangePreceding(start.offset());
                    case CURRENT_ROW -> step.rangeCurrentRow();
                    case FOLLOWING -> step.rangeFollowing(start.offset());
                    case UNBOUNDED_FOLLOWING -> step.rangeUnboundedFollowing();
                };
            case GROUPS ->
                switch (start.kind()) {
                    case UNBOUNDED_PRECEDING -> step.groupsUnboundedPreceding();
                    case PRECEDING -> step.groupsPreceding(start.offset());
                    case CURRENT_ROW -> step.groupsCurrentRow();
                    case FOLLOWING -> step.groupsFollowing(start.offset());
                    case UNBOUNDED_FOLLOWING -> step.groupsUnboundedFollowing();
                };
        };
    }

    private static WindowSpecificationRowsAndStep frameBetween(
            WindowSpecificationRowsStep step, WindowSpec.Frame.Unit unit, WindowSpec.Bound start) {
        return switch (unit) {
            case ROWS ->
                switch (start.kind()) {
                    case UNBOUNDED_PRECEDING -> step.rowsBetweenUnboundedPreceding();
                    case PRECEDING -> step.rowsBetweenPreceding(start.offset());
                    case CURRENT_ROW -> step.rowsBetweenCurrentRow();
                    case FOLLOWING -> step.rowsBetweenFollowing(start.offset());
                    case UNBOUNDED_FOLLOWING -> step.rowsBetweenUnboundedFollowing();
                };
            case RANGE ->
                switch (start.kind()) {
                    case UNBOUNDED_PRECEDING -> step.rangeBetweenUnboundedPreceding();
                    case PRECEDING -> step.rangeBetweenPreceding(start.offset());
                    case CURRENT_ROW -> step.rangeBetweenCurrentRow();
                    case FOLLOWING -> step.rangeBetweenFollowing(start.offset());
                    case UNBOUNDED_FOLLOWING -> step.rangeBetweenUnboundedFollowing();
                };
            case GROUPS ->
                switch (start.kind()) {
                    case UNBOUNDED_PRECEDING -> step.groupsBetweenUnboundedPreceding();
                    case PRECEDING -> step.groupsBetweenPreceding(start.offset());
                    case CURRENT_ROW -> step.groupsBetweenCurrentRow();
                    case FOLLOWING -> step.groupsBetweenFollowing(start.offset());
                    case UNBOUNDED_FOLLOWING -> step.groupsBetweenUnboundedFollowing();
                };
        };
    }

    private static WindowSpecificationExcludeStep frameEnd(WindowSpecificationRowsAndStep step, WindowSpec.Bound end) {
        return switch (end.kind()) {
            case UNBOUNDED_PRECEDING -> step.andUnboundedPreceding();
            case PRECEDING -> step.andPreceding(end.offset());
            case CURRENT_ROW -> step.andCurrentRow();
            case FOLLOWING -> step.andFollowing(end.offset());
            case UNBOUNDED_FOLLOWING -> step.andUnboundedFollowing();
        };
    }
}
