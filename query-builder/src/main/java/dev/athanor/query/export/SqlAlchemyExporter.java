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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query as SQLAlchemy 2.0 Core code: tables reflected from the database, {@code aliased(...)} for aliases,
 * {@code .subquery(...)} / {@code .cte(...)} / {@code .lateral(...)} assigned to variables before the statement,
 * and one {@code select(...)} chain (or {@code union(...)} ...) assigned to {@code query}.
 *
 * <p>SQLAlchemy has no WINDOW clause, so a named window is written out in each {@code .over(...)} that uses it;
 * raw-SQL nodes become {@code literal_column(...)} / {@code text(...)}.
 */
public final class SqlAlchemyExporter {
    private static final Pattern PYTHON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "await",
            "break",
            "class",
            "continue",
            "def",
            "del",
            "elif",
            "else",
            "except",
            "finally",
            "for",
            "from",
            "global",
            "if",
            "import",
            "in",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise",
            "return",
            "try",
            "while",
            "with",
            "yield",
            "query",
            "metadata",
            "engine",
            "select",
            "func",
            "text",
            "cast",
            "case",
            "column",
            "literal",
            "literal_column",
            "bindparam",
            "aliased",
            "union",
            "intersect",
            "distinct",
            "true");

    /** Python code that builds the query; it expects an {@code engine} to reflect the tables from. */
    public String export(Query query) {
        var writer = new Writer();
        String statement = writer.query(query, Map.of());
        var code = new StringBuilder();
        if (writer.usesDatetime) {
            code.append("import datetime\n\n");
        }
        code.append("from sqlalchemy import ")
                .append(String.join(", ", writer.imports))
                .append('\n');
        if (writer.usesAliased) {
            code.append("from sqlalchemy.orm import aliased\n");
        }
        if (writer.usesUserType) {
            code.append("from sqlalchemy.types import UserDefinedType\n");
        }
        code.append("\nmetadata = MetaData()\n");
        for (var table : writer.tables.entrySet()) {
            // SQLAlchemy reflects a table by its name; the schema is an argument of its own, not part of the name.
            code.append(table.getValue())
                    .append(" = Table(")
                    .append(python(table.getKey().name()))
                    .append(", metadata, ")
                    .append(
                            table.getKey().schema() == null
                                    ? ""
                                    : "schema=" + python(table.getKey().schema()) + ", ")
                    .append("autoload_with=engine)\n");
        }
        if (writer.usesUserType) {
            code.append("""

                    def pg_type(name):
                        class PgType(UserDefinedType):
                            cache_ok = True

                            def get_col_spec(self, **kw):
                                return name

                        return PgType()
                    """);
        }
        code.append('\n');
        writer.definitions.forEach(line -> code.append(line).append('\n'));
        code.append("query = ").append(statement).append('\n');
        return code.toString();
    }

    /** One export: the variables defined so far and what must be imported. */
    private static final class Writer {
        final Set<String> imports = new LinkedHashSet<>(List.of("MetaData", "Table", "select"));
        /** Whether a date or time constant is written with Python's {@code datetime}. */
        boolean usesDatetime;
        /** Each table the query reads to its variable. */
        final Map<TableName, String> tables = new LinkedHashMap<>();

        final List<String> definitions = new ArrayList<>();
        final Set<String> usedNames = new java.util.HashSet<>();
        boolean usesAliased;
        boolean usesUserType;
        /** The name of the recursive CTE whose recursive part is being written, or null. */
        String recursiveCte;

        /**
         * Variables by the name a query uses for a FROM item (alias, table or CTE name), per scope. CTE names
         * stay visible in nested queries, aliases of an enclosing query too (correlation).
         */
        String query(Query query, Map<String, String> outerScope) {
            return switch (query) {
                case Query.Raw raw -> use("text") + "(" + python(raw.sql()) + ")";
                case Query.Select select -> select(select, outerScope);
                case Query.SetOperation operation -> setOperation(operation, outerScope);
            };
        }

        String setOperation(Query.SetOperation operation, Map<String, String> scope) {
            String function =
                    switch (operation.operator()) {
                                case UNION -> "union";
                                case INTERSECT -> "intersect";
                                case EXCEPT -> "except_";
                            }
                            + (operation.all()
                                    ? (operation.operator() == Query.SetOperation.Operator.EXCEPT ? "all" : "_all")
                                    : "");
            var code = new StringBuilder(use(function))
                    .append('(')
                    .append(query(operation.left(), scope))
                    .append(", ")
                    .append(query(operation.right(), scope))
                    .append(')');
            var outer = new Scope(scope, List.of());
            appendOrderAndLimit(code, operation.orderBy(), operation.limit(), operation.offset(), outer, Set.of());
            return code.toString();
        }

        String select(Query.Select select, Map<String, String> outerScope) {
            var names = new HashMap<>(outerScope);
            for (var cte : select.with()) {
                names.put(cte.name(), cte(cte, names));
            }
            var sources = new ArrayList<String>();
            var fromCode = new ArrayList<String>();
            for (var source : select.from()) {
                fromCode.add(tableSource(source, names, sources));
            }
            var scope = new Scope(names, sources);
            var windows = new HashMap<String, WindowSpec>();
            for (NamedWindow window : select.windows()) {
                windows.put(window.name(), window.window());
            }
            scope.windows.putAll(windows);

            var labels = new java.util.HashSet<String>();
            for (var item : select.items()) {
                if (item instanceof SelectItem.Value value && value.label() != null) {
                    labels.add(value.label());
                }
            }
            var code = new StringBuilder("select(");
            code.append(
                    select.items().isEmpty()
                            ? allColumns(null, scope)
                            : select.items().stream()
                                    .map(item -> selectItem(item, scope))
                                    .collect(Collectors.joining(", ")));
            code.append(')');
            if (!fromCode.isEmpty()) {
                code.append(".select_from(").append(String.join(", ", fromCode)).append(')');
            }
            if (!select.distinctOn().isEmpty()) {
                code.append(".distinct(")
                        .append(select.distinctOn().stream()
                                .map(e -> expression(e, scope))
                                .collect(Collectors.joining(", ")))
                        .append(')');
            } else if (select.distinct()) {
                code.append(".distinct()");
            }
            if (select.where() != null) {
                code.append(".where(").append(predicate(select.where(), scope)).append(')');
            }
            if (!select.groupBy().isEmpty()) {
                code.append(".group_by(")
                        .append(select.groupBy().stream()
                                .map(g -> grouping(g, scope, labels))
                                .collect(Collectors.joining(", ")))
                        .append(')');
            }
            if (select.having() != null) {
                code.append(".having(")
                        .append(predicate(select.having(), scope))
                        .append(')');
            }
            appendOrderAndLimit(code, select.orderBy(), select.limit(), select.offset(), scope, labels);
            return code.toString();
        }

        void appendOrderAndLimit(
                StringBuilder code,
                List<SortItem> orderBy,
                Expression limit,
                Expression offset,
                Scope scope,
                Set<String> labels) {
            if (!orderBy.isEmpty()) {
                code.append(".order_by(")
                        .append(orderBy.stream()
                                .map(item -> sortItem(item, outputOrExpression(item.expression(), scope, labels)))
                                .collect(Collectors.joining(", ")))
                        .append(')');
            }
            if (limit != null) {
                code.append(".limit(").append(expression(limit, scope)).append(')');
            }
            if (offset != null) {
                code.append(".offset(").append(expression(offset, scope)).append(')');
            }
        }

        String cte(CommonTableExpression cte, Map<String, String> names) {
            String variable = variable(cte.name());
            if (cte.recursive()
                    && cte.query() instanceof Query.SetOperation recursive
                    && recursive.operator() == Query.SetOperation.Operator.UNION) {
                // SQLAlchemy's recursive CTE: the base part becomes the CTE, then the recursive part is unioned in.
                var base = labelled(recursive.left(), cte.columns());
                definitions.add(
                        variable + " = " + query(base, names) + ".cte(" + python(cte.name()) + ", recursive=True)");
                var inner = new HashMap<>(names);
                inner.put(cte.name(), variable);
                String outerRecursive = recursiveCte;
                recursiveCte = cte.name();
                try {
                    definitions.add(variable + " = " + variable + (recursive.all() ? ".union_all(" : ".union(")
                            + query(recursive.right(), inner) + ")");
                } finally {
                    recursiveCte = outerRecursive;
                }
                return variable;
            }
            var inner = new HashMap<>(names);
            definitions.add(variable + " = " + query(labelled(cte.query(), cte.columns()), inner) + ".cte("
                    + python(cte.name()) + (cte.recursive() ? ", recursive=True" : "") + ")");
            return variable;
        }

        /** A CTE column list as labels of its SELECT, which is how SQLAlchemy names CTE columns. */
        private static Query labelled(Query query, List<String> columns) {
            if (columns.isEmpty()
                    || !(query instanceof Query.Select select)
                    || select.items().size() != columns.size()) {
                return query;
            }
            var items = new ArrayList<SelectItem>();
            for (int i = 0; i < columns.size(); i++) {
                if (!(select.items().get(i) instanceof SelectItem.Value value)) {
                    return query;
                }
                items.add(value.withLabel(columns.get(i)));
            }
            return select.withItems(items);
        }

        String tableSource(TableSource source, Map<String, String> names, List<String> sources) {
            return switch (source) {
                case TableSource.Table table -> {
                    String tableVariable = tables.computeIfAbsent(
                            new TableName(table.schema(), table.name()), k -> variable(table.name()));
                    if (table.alias() == null) {
                        names.put(table.name(), tableVariable);
                        sources.add(tableVariable);
                        yield tableVariable;
                    }
                    usesAliased = true;
                    String alias = variable(table.alias());
                    definitions.add(alias + " = aliased(" + tableVariable + ", name=" + python(table.alias()) + ")");
                    names.put(table.alias(), alias);
                    sources.add(alias);
                    yield alias;
                }
                case TableSource.CteReference reference -> {
                    String cte = names.getOrDefault(reference.name(), variable(reference.name()));
                    if (reference.name().equals(recursiveCte) && reference.alias() != null) {
                        // The recursive part reads its CTE once, so the CTE's own name can stand for the alias.
                        // Aliased, SQLAlchemy would see two unrelated CTEs under one name when the main query
                        // uses the same alias for the finished CTE.
                        names.put(reference.alias(), cte);
                        sources.add(cte);
                        yield cte;
                    }
                    if (reference.alias() == null) {
                        sources.add(cte);
                        yield cte;
                    }
                    usesAliased = true;
                    String alias = variable(reference.alias());
                    definitions.add(alias + " = aliased(" + cte + ", name=" + python(reference.alias()) + ")");
                    names.put(reference.alias(), alias);
                    sources.add(alias);
                    yield alias;
                }
                case TableSource.Derived derived -> {
                    String variable = variable(derived.alias());
                    // A LATERAL subquery sees the FROM items before it: pass the names known so far.
                    definitions.add(variable + " = " + query(derived.query(), new HashMap<>(names))
                            + (derived.lateral() ? ".lateral(" : ".subquery(") + python(derived.alias()) + ")");
                    names.put(derived.alias(), variable);
                    sources.add(variable);
                    yield variable;
                }
                case TableSource.Raw raw -> use("text") + "(" + python(raw.sql()) + ")";
                case TableSource.Join join -> {
                    String left = tableSource(join.left(), names, sources);
                    String right = tableSource(join.right(), names, sources);
                    var scope = new Scope(names, sources);
                    yield switch (join.type()) {
                        case INNER -> left + ".join(" + right + ", " + predicate(join.on(), scope) + ")";
                        case LEFT -> left + ".join(" + right + ", " + predicate(join.on(), scope) + ", isouter=True)";
                        // SQLAlchemy spells only LEFT outer joins: a RIGHT join is the LEFT join with sides swapped.
                        case RIGHT -> right + ".join(" + left + ", " + predicate(join.on(), scope) + ", isouter=True)";
                        case FULL -> left + ".join(" + right + ", " + predicate(join.on(), scope) + ", full=True)";
                        case CROSS -> left + ".join(" + right + ", " + use("true") + "())";
                    };
                }
            };
        }

        String selectItem(SelectItem item, Scope scope) {
            return switch (item) {
                case SelectItem.AllColumns all -> allColumns(all.table(), scope);
                case SelectItem.Value value -> {
                    String code = expression(value.expression(), scope);
                    if (isPythonValue(value.expression()) && value.label() == null) {
                        yield use("literal") + "(" + code + ")";
                    }
                    yield value.label() == null
                            ? code
                            : wrapLiteral(value.expression(), code) + ".label(" + python(value.label()) + ")";
                }
            };
        }

        private String wrapLiteral(Expression expression, String code) {
            return isPythonValue(expression) ? use("literal") + "(" + code + ")" : code;
        }

        private String allColumns(String table, Scope scope) {
            if (table != null) {
                return scope.variable(table);
            }
            if (scope.sources.size() == 1) {
                return scope.sources.getFirst();
            }
            return use("literal_column") + "(\"*\")";
        }

        String grouping(Grouping grouping, Scope scope, Set<String> labels) {
            return switch (grouping) {
                case Grouping.By by -> outputOrExpression(by.expression(), scope, labels);
                case Grouping.Rollup rollup ->
                    use("func") + ".rollup(" + groupingList(rollup.expressions(), scope, labels) + ")";
                case Grouping.Cube cube ->
                    use("func") + ".cube(" + groupingList(cube.expressions(), scope, labels) + ")";
                case Grouping.Sets sets ->
                    use("func") + ".grouping_sets("
                            + sets.sets().stream()
                                    .map(set -> use("tuple_") + "(" + groupingList(set, scope, labels) + ")")
                                    .collect(Collectors.joining(", "))
                            + ")";
            };
        }

        private String groupingList(List<Expression> expressions, Scope scope, Set<String> labels) {
            return expressions.stream()
                    .map(e -> outputOrExpression(e, scope, labels))
                    .collect(Collectors.joining(", "));
        }

        /**
         * A bare name in GROUP BY or ORDER BY that is also an output label stays a bare name, as the SQL has it: the
         * server resolves it (to the label, or in GROUP BY to an input column of that name first), where
         * {@code table.c.name} would ask for a column the table may not have. A whole number there is an output
         * column's position, which must reach the SQL as written rather than as a bound value.
         */
        private String outputOrExpression(Expression expression, Scope scope, Set<String> labels) {
            if (expression instanceof Expression.Column column
                    && column.table() == null
                    && labels.contains(column.column())) {
                return use("column") + "(" + python(column.column()) + ")";
            }
            if (isPosition(expression)) {
                return use("literal_column") + "(" + python(((Expression.Literal) expression).text()) + ")";
            }
            return expression(expression, scope);
        }

        String sortItem(SortItem item, Scope scope) {
            return sortItem(item, expression(item.expression(), scope));
        }

        private static String sortItem(SortItem item, String expression) {
            var code = new StringBuilder(expression);
            code.append(item.direction() == SortItem.Direction.DESC ? ".desc()" : ".asc()");
            switch (item.nulls()) {
                case FIRST -> code.append(".nulls_first()");
                case LAST -> code.append(".nulls_last()");
                case DEFAULT -> {}
            }
            return code.toString();
        }

        String predicate(Predicate predicate, Scope scope) {
            return switch (predicate) {
                case Predicate.And and ->
                    use("and_") + "("
                            + and.operands().stream()
                                    .map(p -> predicate(p, scope))
                                    .collect(Collectors.joining(", ")) + ")";
                case Predicate.Or or ->
                    use("or_") + "("
                            + or.operands().stream()
                                    .map(p -> predicate(p, scope))
                                    .collect(Collectors.joining(", ")) + ")";
                case Predicate.Not not -> use("not_") + "(" + predicate(not.operand(), scope) + ")";
                case Predicate.Comparison comparison ->
                    operand(comparison.left(), scope) + " "
                            + (comparison.operator() == Predicate.Comparison.Operator.EQ
                                    ? "=="
                                    : comparison.operator() == Predicate.Comparison.Operator.NE
                                            ? "!="
                                            : comparison.operator().sql())
                            + " " + expression(comparison.right(), scope);
                case Predicate.Like like ->
                    operand(like.value(), scope) + "." + (like.negated() ? "not_" : "")
                            + (like.ignoreCase() ? "ilike" : "like") + "(" + expression(like.pattern(), scope) + ")";
                case Predicate.TextMatch match ->
                    operand(match.value(), scope) + "."
                            + switch (match.position()) {
                                case CONTAINS -> "contains";
                                case STARTS_WITH -> "startswith";
                                case ENDS_WITH -> "endswith";
                            }
                            + "(" + expression(match.part(), scope)
                            // autoescape makes % and _ in a Python string match literally, as the model means
                            + (match.part() instanceof Expression.Literal literal
                                            && literal.type() == Expression.Literal.Type.STRING
                                    ? ", autoescape=True"
                                    : "")
                            + ")";
                case Predicate.InList in ->
                    operand(in.value(), scope) + (in.negated() ? ".not_in([" : ".in_([") + list(in.values(), scope)
                            + "])";
                case Predicate.InSubquery in ->
                    operand(in.value(), scope) + (in.negated() ? ".not_in(" : ".in_(") + query(in.query(), scope.names)
                            + ")";
                case Predicate.Exists exists ->
                    (exists.negated() ? "~" : "") + "(" + query(exists.query(), scope.names) + ").exists()";
                case Predicate.Between between ->
                    (between.negated() ? "~" : "") + operand(between.value(), scope) + ".between("
                            + expression(between.low(), scope) + ", " + expression(between.high(), scope) + ")";
                case Predicate.IsNull isNull ->
                    operand(isNull.value(), scope) + (isNull.negated() ? ".is_not(None)" : ".is_(None)");
                case Predicate.Raw raw -> use("text") + "(" + python(raw.sql()) + ")";
            };
        }

        /** The left side of an operator must be a SQL expression, not a Python value. */
        private String operand(Expression expression, Scope scope) {
            String code = expression(expression, scope);
            return isPythonValue(expression) ? use("literal") + "(" + code + ")" : code;
        }

        String expression(Expression expression, Scope scope) {
            return switch (expression) {
                case Expression.Column column -> column(column, scope);
                case Expression.Literal literal ->
                    switch (literal.type()) {
                        case NULL -> "None";
                        case BOOLEAN -> Boolean.parseBoolean(literal.text()) ? "True" : "False";
                        case NUMBER -> literal.text();
                        case STRING -> python(literal.text());
                        case DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> temporal(literal);
                    };
                case Expression.Parameter parameter -> use("bindparam") + "(" + python(parameter.name()) + ")";
                case Expression.Arithmetic arithmetic ->
                    arithmetic.operator() == Expression.Arithmetic.Operator.CONCAT
                            ? operand(arithmetic.left(), scope) + ".concat(" + expression(arithmetic.right(), scope)
                                    + ")"
                            : "(" + operand(arithmetic.left(), scope) + " "
                                    + arithmetic.operator().sql() + " " + expression(arithmetic.right(), scope) + ")";
                case Expression.FunctionCall call ->
                    use("func") + "." + call.name() + "(" + list(call.arguments(), scope) + ")";
                case Expression.Aggregate aggregate -> aggregate(aggregate, scope);
                case Expression.WindowFunction window ->
                    expression(window.function(), scope) + ".over(" + over(window.window(), scope) + ")";
                case Expression.Case caseExpression -> {
                    var code = new StringBuilder(use("case")).append('(');
                    code.append(caseExpression.branches().stream()
                            .map(when -> "(" + predicate(when.condition(), scope) + ", "
                                    + expression(when.result(), scope) + ")")
                            .collect(Collectors.joining(", ")));
                    if (caseExpression.otherwise() != null) {
                        code.append(", else_=").append(expression(caseExpression.otherwise(), scope));
                    }
                    yield code.append(')').toString();
                }
                case Expression.Cast cast ->
                    use("cast") + "(" + expression(cast.expression(), scope) + ", " + type(cast.type()) + ")";
                case Expression.Extract extract ->
                    use("extract") + "(" + python(extract.field().sql()) + ", " + expression(extract.source(), scope)
                            + ")";
                // The unit stays in the SQL: a bound unit in a select list would not match it in GROUP BY.
                case Expression.DateTrunc trunc ->
                    use("func") + ".date_trunc(" + use("literal_column") + "("
                            + python("'" + trunc.unit().sql() + "'") + "), " + expression(trunc.source(), scope) + ")";
                case Expression.ScalarSubquery scalar -> query(scalar.query(), scope.names) + ".scalar_subquery()";
                case Expression.Raw raw -> use("literal_column") + "(" + python(raw.sql()) + ")";
            };
        }

        /**
         * A date, time or timestamp as the {@code datetime} value SQLAlchemy binds; an interval (which may hold
         * months, beyond {@code timedelta}) and a timestamp with time zone as PostgreSQL's own typed literal.
         */
        private String temporal(Expression.Literal literal) {
            return switch (literal.type()) {
                case DATE -> {
                    usesDatetime = true;
                    var date = java.time.LocalDate.parse(literal.text().strip());
                    yield "datetime.date(" + date.getYear() + ", " + date.getMonthValue() + ", " + date.getDayOfMonth()
                            + ")";
                }
                case TIMESTAMP -> {
                    usesDatetime = true;
                    var value = DateTimeText.localDateTime(literal.text());
                    yield "datetime.datetime(" + value.getYear() + ", " + value.getMonthValue() + ", "
                            + value.getDayOfMonth() + ", " + timeArguments(value.toLocalTime()) + ")";
                }
                case TIME -> {
                    usesDatetime = true;
                    yield "datetime.time("
                            + timeArguments(
                                    java.time.LocalTime.parse(literal.text().strip())) + ")";
                }
                case TIMESTAMPTZ ->
                    use("literal_column") + "(" + python("TIMESTAMP WITH TIME ZONE '" + literal.text() + "'") + ", "
                            + use("DateTime") + "(timezone=True))";
                default ->
                    use("literal_column") + "("
                            + python("INTERVAL '" + literal.text().replace("'", "''") + "'") + ", " + use("Interval")
                            + "())";
            };
        }

        private static String timeArguments(java.time.LocalTime time) {
            return time.getHour() + ", " + time.getMinute() + ", " + time.getSecond()
                    + (time.getNano() == 0 ? "" : ", " + time.getNano() / 1000);
        }

        private String aggregate(Expression.Aggregate aggregate, Scope scope) {
            String arguments = aggregate.arguments().isEmpty()
                    ? ""
                    : aggregate.distinct()
                            ? use("distinct") + "(" + list(aggregate.arguments(), scope) + ")"
                            : list(aggregate.arguments(), scope);
            String code = use("func") + "." + aggregate.function() + "(" + arguments + ")";
            return aggregate.filter() == null ? code : code + ".filter(" + predicate(aggregate.filter(), scope) + ")";
        }

        private String over(WindowSpec window, Scope scope) {
            var spec = window.name() != null ? scope.windows.getOrDefault(window.name(), window) : window;
            var parts = new ArrayList<String>();
            if (!spec.partitionBy().isEmpty()) {
                parts.add("partition_by=[" + list(spec.partitionBy(), scope) + "]");
            }
            if (!spec.orderBy().isEmpty()) {
                parts.add("order_by=["
                        + spec.orderBy().stream().map(s -> sortItem(s, scope)).collect(Collectors.joining(", ")) + "]");
            }
            if (spec.frame() != null) {
                var frame = spec.frame();
                String keyword =
                        switch (frame.unit()) {
                            case ROWS -> "rows";
                            case RANGE -> "range_";
                            case GROUPS -> "groups";
                        };
                // SQLAlchemy frames: None is unbounded, negative numbers precede, 0 is the current row.
                var end = frame.end() == null ? WindowSpec.Bound.currentRow() : frame.end();
                parts.add(keyword + "=(" + bound(frame.start()) + ", " + bound(end) + ")");
            }
            return String.join(", ", parts);
        }

        private static String bound(WindowSpec.Bound bound) {
            return switch (bound.kind()) {
                case UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING -> "None";
                case PRECEDING -> "-" + bound.offset();
                case CURRENT_ROW -> "0";
                case FOLLOWING -> String.valueOf(bound.offset());
            };
        }

        private String column(Expression.Column column, Scope scope) {
            String owner = column.table() != null
                    ? scope.variable(column.table())
                    : scope.sources.size() == 1 ? scope.sources.getFirst() : null;
            if (owner == null) {
                return use("literal_column") + "(" + python(column.column()) + ")";
            }
            return PYTHON_NAME.matcher(column.column()).matches() && !PYTHON_KEYWORDS.contains(column.column())
                    ? owner + ".c." + column.column()
                    : owner + ".c[" + python(column.column()) + "]";
        }

        private String type(String type) {
            String lower = type.toLowerCase(Locale.ROOT).strip();
            var sized = Pattern.compile("(character varying|varchar|numeric|decimal)\\s*\\((\\d+)(\\s*,\\s*(\\d+))?\\)")
                    .matcher(lower);
            if (sized.matches()) {
                return sized.group(1).startsWith("n") || sized.group(1).startsWith("d")
                        ? use("Numeric") + "(" + sized.group(2) + (sized.group(4) == null ? "" : ", " + sized.group(4))
                                + ")"
                        : use("String") + "(" + sized.group(2) + ")";
            }
            String known =
                    switch (lower) {
                        case "integer", "int", "int4" -> "Integer";
                        case "bigint", "int8" -> "BigInteger";
                        case "smallint", "int2" -> "SmallInteger";
                        case "text" -> "Text";
                        case "varchar", "character varying" -> "String";
                        case "numeric", "decimal" -> "Numeric";
                        case "boolean", "bool" -> "Boolean";
                        case "date" -> "Date";
                        case "timestamp", "timestamp without time zone" -> "DateTime";
                        case "double precision", "float8", "real", "float4" -> "Float";
                        case "interval" -> "Interval";
                        default -> null;
                    };
            if (known != null) {
                return use(known) + "()";
            }
            usesUserType = true;
            return "pg_type(" + python(type) + ")";
        }

        private String list(List<Expression> expressions, Scope scope) {
            return expressions.stream().map(e -> expression(e, scope)).collect(Collectors.joining(", "));
        }

        private String use(String name) {
            imports.add(name);
            return name;
        }

        private String variable(String name) {
            String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
            if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
                base = "t_" + base;
            }
            if (PYTHON_KEYWORDS.contains(base)) {
                base = base + "_";
            }
            String candidate = base;
            for (int n = 2; !usedNames.add(candidate); n++) {
                candidate = base + "_" + n;
            }
            return candidate;
        }
    }

    /** Whether the expression is written as a Python value (which SQLAlchemy binds) rather than SQL. */
    private static boolean isPythonValue(Expression expression) {
        return expression instanceof Expression.Literal literal
                && literal.type() != Expression.Literal.Type.INTERVAL
                && literal.type() != Expression.Literal.Type.TIMESTAMPTZ;
    }

    /** Whether a GROUP BY or ORDER BY item is an output column's position ({@code ORDER BY 1}). */
    static boolean isPosition(Expression expression) {
        return expression instanceof Expression.Literal literal
                && literal.type() == Expression.Literal.Type.NUMBER
                && literal.text().chars().allMatch(Character::isDigit);
    }

    /** A table as SQLAlchemy reflects it: its name and, when the query names one, its schema. */
    private record TableName(String schema, String name) {}

    /** The FROM items one SELECT can name, with the windows of its WINDOW clause. */
    private static final class Scope {
        final Map<String, String> names;
        final List<String> sources;
        final Map<String, WindowSpec> windows = new HashMap<>();

        Scope(Map<String, String> names, List<String> sources) {
            this.names = names;
            this.sources = List.copyOf(sources);
        }

        String variable(String name) {
            String variable = names.get(name);
            return variable != null ? variable : name.replaceAll("[^A-Za-z0-9_]+", "_");
        }
    }

    /** A Python string literal. */
    /** Whether {@code name} can be written as it is as a Python identifier (not a keyword). */
    static boolean isPythonName(String name) {
        return PYTHON_NAME.matcher(name).matches() && !PYTHON_KEYWORDS.contains(name);
    }

    static String python(String text) {
        return QuotedText.of(text);
    }
}
