package dev.athanor.query.validate;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.validate.SchemaLookup.ColumnInfo;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a query against the catalog before it runs, with messages located at the element they concern:
 * unknown tables and columns, columns neither grouped nor aggregated, aggregates and window functions where
 * PostgreSQL forbids them, and comparisons of a column with a constant of the wrong kind.
 *
 * <p>It only reports what it is sure of: where the model holds raw SQL, or a subquery's columns cannot be known,
 * it says nothing rather than guess.
 */
public final class QueryValidator {
    private static final Pattern NUMERIC_TYPE =
            Pattern.compile("(smallint|integer|bigint|numeric|decimal|real|double precision)(\\(.*\\))?");
    private static final Pattern TEXT_TYPE =
            Pattern.compile("(text|character varying|varchar|character|char|name|citext)(\\(.*\\))?");

    private final SchemaLookup lookup;

    /** A validator reading tables and columns from {@code lookup}. */
    public QueryValidator(SchemaLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The problems of {@code query}, in the order the elements appear; empty when none was found. */
    public List<ValidationProblem> validate(Query query) {
        var walk = new Walk();
        walk.query(query, "", null, Map.of());
        return List.copyOf(walk.problems);
    }

    /** A FROM item as the query sees it: its columns, or {@code null} when they cannot be known. */
    private record Source(String name, Map<String, ColumnInfo> columns, List<String> primaryKey) {}

    /** The FROM items one SELECT can refer to, inside the scopes of the queries around it. */
    private static final class Scope {
        final Scope outer;
        final Map<String, Source> sources = new LinkedHashMap<>();
        /** A raw FROM item may name anything: unqualified and unknown-alias checks are off. */
        boolean opaque;

        Scope(Scope outer) {
            this.outer = outer;
        }

        Source find(String alias) {
            for (var scope = this; scope != null; scope = scope.outer) {
                var source = scope.sources.get(alias);
                if (source != null) {
                    return source;
                }
            }
            return null;
        }

        boolean anyOpaque() {
            for (var scope = this; scope != null; scope = scope.outer) {
                if (scope.opaque) {
                    return true;
                }
            }
            return false;
        }
    }

    private final class Walk {
        final List<ValidationProblem> problems = new ArrayList<>();

        void problem(Kind kind, String path, String message) {
            problems.add(new ValidationProblem(kind, path, message));
        }

        /** Walks a query; returns its output columns, or {@code null} when they cannot be known. */
        Map<String, ColumnInfo> query(
                Query query, String path, Scope outer, Map<String, Map<String, ColumnInfo>> ctes) {
            return switch (query) {
                case Query.Raw raw -> null;
                case Query.SetOperation operation -> {
                    var left = query(operation.left(), join(path, "left"), outer, ctes);
                    query(operation.right(), join(path, "right"), outer, ctes);
                    yield left;
                }
                case Query.Select select -> select(select, path, outer, ctes);
            };
        }

        Map<String, ColumnInfo> select(
                Query.Select select, String path, Scope outer, Map<String, Map<String, ColumnInfo>> outerCtes) {
            var ctes = new LinkedHashMap<>(outerCtes);
            for (int i = 0; i < select.with().size(); i++) {
                var cte = select.with().get(i);
                if (cte.recursive()) {
                    // The recursive part reads the CTE itself: its columns are those of the base part.
                    ctes.put(cte.name(), cteColumns(cte.columns(), null));
                }
                var columns = query(cte.query(), join(path, "with[" + i + "].query"), outer, ctes);
                ctes.put(cte.name(), cteColumns(cte.columns(), columns));
            }
            var scope = new Scope(outer);
            for (int i = 0; i < select.from().size(); i++) {
                fromItem(select.from().get(i), join(path, "from[" + i + "]"), scope, ctes);
            }
            var labels = new HashSet<String>();
            for (var item : select.items()) {
                if (item instanceof SelectItem.Value value && value.label() != null) {
                    labels.add(value.label());
                }
            }
            for (int i = 0; i < select.items().size(); i++) {
                if (select.items().get(i) instanceof SelectItem.Value value) {
                    expression(value.expression(), join(path, "items[" + i + "].expression"), scope, ctes, Set.of());
                } else if (select.items().get(i) instanceof SelectItem.AllColumns all
                        && all.table() != null
                        && scope.find(all.table()) == null
                        && !scope.anyOpaque()) {
                    problem(
                            Kind.UNKNOWN_TABLE,
                            join(path, "items[" + i + "]"),
                            "No table in FROM is called " + all.table() + ".");
                }
            }
            for (int i = 0; i < select.distinctOn().size(); i++) {
                expression(select.distinctOn().get(i), join(path, "distinctOn[" + i + "]"), scope, ctes, labels);
            }
            if (select.where() != null) {
                predicate(select.where(), join(path, "where"), scope, ctes, Set.of());
                forbidAggregates(select.where(), join(path, "where"), "WHERE", true);
            }
            var grouped = new ArrayList<Expression>();
            for (int i = 0; i < select.groupBy().size(); i++) {
                var groupPath = join(path, "groupBy[" + i + "]");
                for (var expression : groupedExpressions(select.groupBy().get(i))) {
                    expression(expression, groupPath, scope, ctes, labels);
                    forbidAggregatesIn(expression, groupPath, "GROUP BY", true);
                    grouped.add(expression);
                }
            }
            if (select.having() != null) {
                predicate(select.having(), join(path, "having"), scope, ctes, Set.of());
                forbidAggregates(select.having(), join(path, "having"), "HAVING", false);
            }
            for (int i = 0; i < select.windows().size(); i++) {
                var window = select.windows().get(i).window();
                for (var expression : window.partitionBy()) {
                    expression(expression, join(path, "windows[" + i + "]"), scope, ctes, Set.of());
                }
                for (var sort : window.orderBy()) {
                    expression(sort.expression(), join(path, "windows[" + i + "]"), scope, ctes, Set.of());
                }
            }
            for (int i = 0; i < select.orderBy().size(); i++) {
                expression(
                        select.orderBy().get(i).expression(),
                        join(path, "orderBy[" + i + "].expression"),
                        scope,
                        ctes,
                        labels);
            }
            boolean aggregated = !select.groupBy().isEmpty()
                    || select.items().stream()
                            .anyMatch(item ->
                                    item instanceof SelectItem.Value value && containsAggregate(value.expression()))
                    || select.having() != null;
            if (aggregated) {
                checkGrouping(select, path, scope, grouped, labels);
            }
            checkDistinctOrder(select, path);
            return outputColumns(select, scope);
        }

        private Map<String, ColumnInfo> cteColumns(List<String> names, Map<String, ColumnInfo> columns) {
            if (names.isEmpty()) {
                return columns;
            }
            var result = new LinkedHashMap<String, ColumnInfo>();
            var known = columns == null ? null : List.copyOf(columns.values());
            for (int i = 0; i < names.size(); i++) {
                String type = known != null && i < known.size() ? known.get(i).type() : "";
                var labels = known != null && i < known.size() ? known.get(i).enumLabels() : List.<String>of();
                result.put(names.get(i), new ColumnInfo(names.get(i), type, labels));
            }
            return result;
        }

        void fromItem(TableSource source, String path, Scope scope, Map<String, Map<String, ColumnInfo>> ctes) {
            switch (source) {
                case TableSource.Table table -> {
                    var relation = lookup.relation(table.schema(), table.name());
                    String name = table.alias() != null ? table.alias() : table.name();
                    if (relation.isEmpty()) {
                        problem(
                                Kind.UNKNOWN_TABLE,
                                path,
                                "There is no table or view called "
                                        + (table.schema() == null ? table.name() : table.schema() + "." + table.name())
                                        + ".");
                        scope.sources.put(name, new Source(name, null, List.of()));
                    } else {
                        var columns = new LinkedHashMap<String, ColumnInfo>();
                        relation.get().columns().forEach(column -> columns.put(column.name(), column));
                        scope.sources.put(
                                name, new Source(name, columns, relation.get().primaryKey()));
                    }
                }
                case TableSource.CteReference reference -> {
                    String name = reference.alias() != null ? reference.alias() : reference.name();
                    if (!ctes.containsKey(reference.name())) {
                        problem(Kind.UNKNOWN_TABLE, path, "No WITH query is called " + reference.name() + ".");
                    }
                    scope.sources.put(name, new Source(name, ctes.get(reference.name()), List.of()));
                }
                case TableSource.Derived derived -> {
                    // A LATERAL subquery sees the FROM items before it; a plain one sees only the enclosing query's.
                    var columns =
                            query(derived.query(), join(path, "query"), derived.lateral() ? scope : scope.outer, ctes);
                    scope.sources.put(derived.alias(), new Source(derived.alias(), columns, List.of()));
                }
                case TableSource.Raw raw -> scope.opaque = true;
                case TableSource.Join join -> {
                    fromItem(join.left(), join(path, "left"), scope, ctes);
                    fromItem(join.right(), join(path, "right"), scope, ctes);
                    if (join.on() != null) {
                        predicate(join.on(), join(path, "on"), scope, ctes, Set.of());
                        forbidAggregates(join.on(), join(path, "on"), "JOIN conditions", true);
                    }
                }
            }
        }

        // ------------------------------------------------------------ names and types

        void predicate(
                Predicate predicate,
                String path,
                Scope scope,
                Map<String, Map<String, ColumnInfo>> ctes,
                Set<String> labels) {
            switch (predicate) {
                case Predicate.And and -> {
                    for (int i = 0; i < and.operands().size(); i++) {
                        predicate(and.operands().get(i), join(path, "operands[" + i + "]"), scope, ctes, labels);
                    }
                }
                case Predicate.Or or -> {
                    for (int i = 0; i < or.operands().size(); i++) {
                        predicate(or.operands().get(i), join(path, "operands[" + i + "]"), scope, ctes, labels);
                    }
                }
                case Predicate.Not not -> predicate(not.operand(), join(path, "operand"), scope, ctes, labels);
                case Predicate.Comparison comparison -> {
                    expression(comparison.left(), join(path, "left"), scope, ctes, labels);
                    expression(comparison.right(), join(path, "right"), scope, ctes, labels);
                    compareTypes(comparison.left(), comparison.right(), join(path, "right"), scope);
                    compareTypes(comparison.right(), comparison.left(), join(path, "left"), scope);
                }
                case Predicate.Like like -> {
                    expression(like.value(), join(path, "value"), scope, ctes, labels);
                    expression(like.pattern(), join(path, "pattern"), scope, ctes, labels);
                }
                case Predicate.InList in -> {
                    expression(in.value(), join(path, "value"), scope, ctes, labels);
                    for (int i = 0; i < in.values().size(); i++) {
                        expression(in.values().get(i), join(path, "values[" + i + "]"), scope, ctes, labels);
                        compareTypes(in.value(), in.values().get(i), join(path, "values[" + i + "]"), scope);
                    }
                }
                case Predicate.InSubquery in -> {
                    expression(in.value(), join(path, "value"), scope, ctes, labels);
                    query(in.query(), join(path, "query"), scope, ctes);
                }
                case Predicate.Exists exists -> query(exists.query(), join(path, "query"), scope, ctes);
                case Predicate.Between between -> {
                    expression(between.value(), join(path, "value"), scope, ctes, labels);
                    expression(between.low(), join(path, "low"), scope, ctes, labels);
                    expression(between.high(), join(path, "high"), scope, ctes, labels);
                    compareTypes(between.value(), between.low(), join(path, "low"), scope);
                    compareTypes(between.value(), between.high(), join(path, "high"), scope);
                }
                case Predicate.IsNull isNull -> expression(isNull.value(), join(path, "value"), scope, ctes, labels);
                case Predicate.Raw raw -> {}
            }
        }

        void expression(
                Expression expression,
                String path,
                Scope scope,
                Map<String, Map<String, ColumnInfo>> ctes,
                Set<String> labels) {
            switch (expression) {
                case Expression.Column column -> resolve(column, path, scope, labels, true);
                case Expression.Arithmetic arithmetic -> {
                    expression(arithmetic.left(), join(path, "left"), scope, ctes, labels);
                    expression(arithmetic.right(), join(path, "right"), scope, ctes, labels);
                }
                case Expression.FunctionCall call -> {
                    for (int i = 0; i < call.arguments().size(); i++) {
                        expression(call.arguments().get(i), join(path, "arguments[" + i + "]"), scope, ctes, labels);
                    }
                }
                case Expression.Aggregate aggregate -> {
                    for (int i = 0; i < aggregate.arguments().size(); i++) {
                        expression(
                                aggregate.arguments().get(i), join(path, "arguments[" + i + "]"), scope, ctes, labels);
                    }
                    if (aggregate.filter() != null) {
                        predicate(aggregate.filter(), join(path, "filter"), scope, ctes, labels);
                    }
                }
                case Expression.WindowFunction window -> {
                    expression(window.function(), join(path, "function"), scope, ctes, labels);
                    for (int i = 0; i < window.window().partitionBy().size(); i++) {
                        expression(
                                window.window().partitionBy().get(i),
                                join(path, "window.partitionBy[" + i + "]"),
                                scope,
                                ctes,
                                labels);
                    }
                    for (int i = 0; i < window.window().orderBy().size(); i++) {
                        expression(
                                window.window().orderBy().get(i).expression(),
                                join(path, "window.orderBy[" + i + "].expression"),
                                scope,
                                ctes,
                                labels);
                    }
                }
                case Expression.Case caseExpression -> {
                    for (int i = 0; i < caseExpression.branches().size(); i++) {
                        var branch = caseExpression.branches().get(i);
                        predicate(branch.condition(), join(path, "branches[" + i + "].condition"), scope, ctes, labels);
                        expression(branch.result(), join(path, "branches[" + i + "].result"), scope, ctes, labels);
                    }
                    if (caseExpression.otherwise() != null) {
                        expression(caseExpression.otherwise(), join(path, "otherwise"), scope, ctes, labels);
                    }
                }
                case Expression.Cast cast ->
                    expression(cast.expression(), join(path, "expression"), scope, ctes, labels);
                case Expression.ScalarSubquery scalar -> query(scalar.query(), join(path, "query"), scope, ctes);
                case Expression.Literal literal -> {}
                case Expression.Parameter parameter -> {}
                case Expression.Raw raw -> {}
            }
        }

        /** The column a reference means, reporting it when it names nothing; {@code null} when unknown. */
        ColumnInfo resolve(Expression.Column column, String path, Scope scope, Set<String> labels, boolean report) {
            if (column.table() != null) {
                var source = scope.find(column.table());
                if (source == null) {
                    if (report && !scope.anyOpaque()) {
                        problem(Kind.UNKNOWN_TABLE, path, "No table in FROM is called " + column.table() + ".");
                    }
                    return null;
                }
                if (source.columns() == null) {
                    return null;
                }
                var found = source.columns().get(column.column());
                if (found == null && report) {
                    problem(Kind.UNKNOWN_COLUMN, path, source.name() + " has no column " + column.column() + ".");
                }
                return found;
            }
            if (labels.contains(column.column())) {
                return null;
            }
            boolean unknownSources = false;
            for (var current = scope; current != null; current = current.outer) {
                ColumnInfo found = null;
                int matches = 0;
                for (var source : current.sources.values()) {
                    if (source.columns() == null) {
                        unknownSources = true;
                    } else if (source.columns().containsKey(column.column())) {
                        found = source.columns().get(column.column());
                        matches++;
                    }
                }
                if (matches > 0) {
                    return matches == 1 ? found : null;
                }
            }
            if (report && !unknownSources && !scope.anyOpaque()) {
                problem(Kind.UNKNOWN_COLUMN, path, "No table in FROM has a column called " + column.column() + ".");
            }
            return null;
        }

        /** A column compared with a constant it can never equal: PostgreSQL rejects the query or the value. */
        void compareTypes(Expression columnSide, Expression valueSide, String path, Scope scope) {
            if (!(columnSide instanceof Expression.Column column)
                    || !(valueSide instanceof Expression.Literal literal)) {
                return;
            }
            var info = resolve(column, path, scope, Set.of(), false);
            if (info == null || info.type().isEmpty()) {
                return;
            }
            String type = info.type().toLowerCase(Locale.ROOT);
            String name = column.column();
            if (!info.enumLabels().isEmpty()
                    && literal.type() == Expression.Literal.Type.STRING
                    && !info.enumLabels().contains(literal.text())) {
                problem(
                        Kind.TYPE_MISMATCH,
                        path,
                        name + " is a " + info.type() + "; '" + literal.text() + "' is not one of its values ("
                                + String.join(", ", info.enumLabels()) + ").");
            } else if (!info.enumLabels().isEmpty() && literal.type() == Expression.Literal.Type.NUMBER) {
                problem(
                        Kind.TYPE_MISMATCH,
                        path,
                        name + " is a " + info.type() + "; compare it with one of its values ("
                                + String.join(", ", info.enumLabels()) + "), not a number.");
            } else if (NUMERIC_TYPE.matcher(type).matches()
                    && literal.type() == Expression.Literal.Type.STRING
                    && !isNumber(literal.text())) {
                problem(
                        Kind.TYPE_MISMATCH,
                        path,
                        name + " holds numbers (" + info.type() + "); '" + literal.text() + "' is not a number.");
            } else if (TEXT_TYPE.matcher(type).matches() && literal.type() == Expression.Literal.Type.NUMBER) {
                problem(
                        Kind.TYPE_MISMATCH,
                        path,
                        name + " holds text (" + info.type() + "); write the number as text in quotes: '"
                                + literal.text() + "'.");
            }
        }

        private static boolean isNumber(String text) {
            try {
                new BigDecimal(text.strip());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        // ------------------------------------------------------------ grouping

        private List<Expression> groupedExpressions(Grouping grouping) {
            return switch (grouping) {
                case Grouping.By by -> List.of(by.expression());
                case Grouping.Rollup rollup -> rollup.expressions();
                case Grouping.Cube cube -> cube.expressions();
                case Grouping.Sets sets ->
                    sets.sets().stream().flatMap(List::stream).toList();
            };
        }

        void checkGrouping(
                Query.Select select, String path, Scope scope, List<Expression> grouped, Set<String> labels) {
            var groupedColumns = new HashSet<String>();
            for (var expression : grouped) {
                if (expression instanceof Expression.Column column) {
                    String owner = owner(column, scope);
                    if (owner != null) {
                        groupedColumns.add(owner + "." + column.column());
                    }
                }
            }
            var check = new GroupingCheck(scope, grouped, groupedColumns, labels);
            for (int i = 0; i < select.items().size(); i++) {
                if (select.items().get(i) instanceof SelectItem.Value value) {
                    check.expression(value.expression(), join(path, "items[" + i + "].expression"));
                }
            }
            if (select.having() != null) {
                check.predicate(select.having(), join(path, "having"));
            }
            for (int i = 0; i < select.orderBy().size(); i++) {
                SortItem sort = select.orderBy().get(i);
                check.expression(sort.expression(), join(path, "orderBy[" + i + "].expression"));
            }
        }

        /** The name of the FROM item a column belongs to in this scope, or {@code null} if not known. */
        String owner(Expression.Column column, Scope scope) {
            if (column.table() != null) {
                return scope.sources.containsKey(column.table()) ? column.table() : null;
            }
            String owner = null;
            for (var source : scope.sources.values()) {
                if (source.columns() != null && source.columns().containsKey(column.column())) {
                    if (owner != null) {
                        return null;
                    }
                    owner = source.name();
                }
            }
            return owner;
        }

        private final class GroupingCheck {
            final Scope scope;
            final List<Expression> grouped;
            final Set<String> groupedColumns;
            final Set<String> labels;

            GroupingCheck(Scope scope, List<Expression> grouped, Set<String> groupedColumns, Set<String> labels) {
                this.scope = scope;
                this.grouped = grouped;
                this.groupedColumns = groupedColumns;
                this.labels = labels;
            }

            void expression(Expression expression, String path) {
                if (grouped.contains(expression)) {
                    return;
                }
                switch (expression) {
                    case Expression.Column column -> column(column, path);
                    case Expression.Aggregate aggregate -> {}
                    case Expression.WindowFunction window -> {
                        // The window's own aggregate runs after grouping: what it reads must be grouped or aggregated.
                        if (window.function() instanceof Expression.Aggregate aggregate) {
                            for (int i = 0; i < aggregate.arguments().size(); i++) {
                                expression(aggregate.arguments().get(i), join(path, "function.arguments[" + i + "]"));
                            }
                        } else {
                            expression(window.function(), join(path, "function"));
                        }
                        for (int i = 0; i < window.window().partitionBy().size(); i++) {
                            expression(
                                    window.window().partitionBy().get(i), join(path, "window.partitionBy[" + i + "]"));
                        }
                        for (int i = 0; i < window.window().orderBy().size(); i++) {
                            expression(
                                    window.window().orderBy().get(i).expression(),
                                    join(path, "window.orderBy[" + i + "].expression"));
                        }
                    }
                    case Expression.Arithmetic arithmetic -> {
                        expression(arithmetic.left(), join(path, "left"));
                        expression(arithmetic.right(), join(path, "right"));
                    }
                    case Expression.FunctionCall call -> {
                        for (int i = 0; i < call.arguments().size(); i++) {
                            expression(call.arguments().get(i), join(path, "arguments[" + i + "]"));
                        }
                    }
                    case Expression.Case caseExpression -> {
                        for (int i = 0; i < caseExpression.branches().size(); i++) {
                            predicate(
                                    caseExpression.branches().get(i).condition(),
                                    join(path, "branches[" + i + "].condition"));
                            expression(
                                    caseExpression.branches().get(i).result(),
                                    join(path, "branches[" + i + "].result"));
                        }
                        if (caseExpression.otherwise() != null) {
                            expression(caseExpression.otherwise(), join(path, "otherwise"));
                        }
                    }
                    case Expression.Cast cast -> expression(cast.expression(), join(path, "expression"));
                    case Expression.Literal literal -> {}
                    case Expression.Parameter parameter -> {}
                    case Expression.ScalarSubquery scalar -> {}
                    case Expression.Raw raw -> {}
                }
            }

            void predicate(Predicate predicate, String path) {
                switch (predicate) {
                    case Predicate.And and -> {
                        for (int i = 0; i < and.operands().size(); i++) {
                            predicate(and.operands().get(i), join(path, "operands[" + i + "]"));
                        }
                    }
                    case Predicate.Or or -> {
                        for (int i = 0; i < or.operands().size(); i++) {
                            predicate(or.operands().get(i), join(path, "operands[" + i + "]"));
                        }
                    }
                    case Predicate.Not not -> predicate(not.operand(), join(path, "operand"));
                    case Predicate.Comparison comparison -> {
                        expression(comparison.left(), join(path, "left"));
                        expression(comparison.right(), join(path, "right"));
                    }
                    case Predicate.Like like -> {
                        expression(like.value(), join(path, "value"));
                        expression(like.pattern(), join(path, "pattern"));
                    }
                    case Predicate.InList in -> {
                        expression(in.value(), join(path, "value"));
                        for (int i = 0; i < in.values().size(); i++) {
                            expression(in.values().get(i), join(path, "values[" + i + "]"));
                        }
                    }
                    case Predicate.InSubquery in -> expression(in.value(), join(path, "value"));
                    case Predicate.Between between -> {
                        expression(between.value(), join(path, "value"));
                        expression(between.low(), join(path, "low"));
                        expression(between.high(), join(path, "high"));
                    }
                    case Predicate.IsNull isNull -> expression(isNull.value(), join(path, "value"));
                    case Predicate.Exists exists -> {}
                    case Predicate.Raw raw -> {}
                }
            }

            private void column(Expression.Column column, String path) {
                if (column.table() == null && labels.contains(column.column())) {
                    return; // an output label (ORDER BY total): checked where it is defined
                }
                String owner = owner(column, scope);
                if (owner == null) {
                    return; // an outer reference or an unknown column: reported elsewhere if wrong
                }
                if (groupedColumns.contains(owner + "." + column.column())) {
                    return;
                }
                // PostgreSQL accepts any column of a table whose primary key is grouped (functional dependency).
                var source = scope.sources.get(owner);
                if (source != null
                        && !source.primaryKey().isEmpty()
                        && source.primaryKey().stream().allMatch(key -> groupedColumns.contains(owner + "." + key))) {
                    return;
                }
                String shown = column.table() == null ? column.column() : column.table() + "." + column.column();
                problem(
                        Kind.NOT_GROUPED,
                        path,
                        shown + " must be in GROUP BY or inside an aggregate such as max(" + shown
                                + "), because the query groups rows.");
            }
        }

        // ------------------------------------------------------------ aggregates and windows out of place

        void forbidAggregates(Predicate predicate, String path, String clause, boolean aggregatesForbidden) {
            switch (predicate) {
                case Predicate.And and -> {
                    for (int i = 0; i < and.operands().size(); i++) {
                        forbidAggregates(
                                and.operands().get(i), join(path, "operands[" + i + "]"), clause, aggregatesForbidden);
                    }
                }
                case Predicate.Or or -> {
                    for (int i = 0; i < or.operands().size(); i++) {
                        forbidAggregates(
                                or.operands().get(i), join(path, "operands[" + i + "]"), clause, aggregatesForbidden);
                    }
                }
                case Predicate.Not not ->
                    forbidAggregates(not.operand(), join(path, "operand"), clause, aggregatesForbidden);
                case Predicate.Comparison comparison -> {
                    forbidAggregatesIn(comparison.left(), join(path, "left"), clause, aggregatesForbidden);
                    forbidAggregatesIn(comparison.right(), join(path, "right"), clause, aggregatesForbidden);
                }
                case Predicate.Like like -> {
                    forbidAggregatesIn(like.value(), join(path, "value"), clause, aggregatesForbidden);
                    forbidAggregatesIn(like.pattern(), join(path, "pattern"), clause, aggregatesForbidden);
                }
                case Predicate.InList in -> {
                    forbidAggregatesIn(in.value(), join(path, "value"), clause, aggregatesForbidden);
                    for (int i = 0; i < in.values().size(); i++) {
                        forbidAggregatesIn(
                                in.values().get(i), join(path, "values[" + i + "]"), clause, aggregatesForbidden);
                    }
                }
                case Predicate.InSubquery in ->
                    forbidAggregatesIn(in.value(), join(path, "value"), clause, aggregatesForbidden);
                case Predicate.Between between -> {
                    forbidAggregatesIn(between.value(), join(path, "value"), clause, aggregatesForbidden);
                    forbidAggregatesIn(between.low(), join(path, "low"), clause, aggregatesForbidden);
                    forbidAggregatesIn(between.high(), join(path, "high"), clause, aggregatesForbidden);
                }
                case Predicate.IsNull isNull ->
                    forbidAggregatesIn(isNull.value(), join(path, "value"), clause, aggregatesForbidden);
                case Predicate.Exists exists -> {}
                case Predicate.Raw raw -> {}
            }
        }

        void forbidAggregatesIn(Expression expression, String path, String clause, boolean aggregatesForbidden) {
            switch (expression) {
                case Expression.WindowFunction window ->
                    problem(
                            Kind.WINDOW_NOT_ALLOWED,
                            path,
                            "Window functions are not allowed in " + clause
                                    + "; compute it in a subquery or CTE and filter on its result.");
                case Expression.Aggregate aggregate -> {
                    if (aggregatesForbidden) {
                        problem(
                                Kind.AGGREGATE_NOT_ALLOWED,
                                path,
                                "Aggregate functions are not allowed in " + clause
                                        + (clause.equals("WHERE") ? "; use HAVING to filter groups." : "."));
                    }
                }
                case Expression.Arithmetic arithmetic -> {
                    forbidAggregatesIn(arithmetic.left(), join(path, "left"), clause, aggregatesForbidden);
                    forbidAggregatesIn(arithmetic.right(), join(path, "right"), clause, aggregatesForbidden);
                }
                case Expression.FunctionCall call -> {
                    for (int i = 0; i < call.arguments().size(); i++) {
                        forbidAggregatesIn(
                                call.arguments().get(i),
                                join(path, "arguments[" + i + "]"),
                                clause,
                                aggregatesForbidden);
                    }
                }
                case Expression.Case caseExpression -> {
                    for (int i = 0; i < caseExpression.branches().size(); i++) {
                        forbidAggregates(
                                caseExpression.branches().get(i).condition(),
                                join(path, "branches[" + i + "].condition"),
                                clause,
                                aggregatesForbidden);
                        forbidAggregatesIn(
                                caseExpression.branches().get(i).result(),
                                join(path, "branches[" + i + "].result"),
                                clause,
                                aggregatesForbidden);
                    }
                    if (caseExpression.otherwise() != null) {
                        forbidAggregatesIn(
                                caseExpression.otherwise(), join(path, "otherwise"), clause, aggregatesForbidden);
                    }
                }
                case Expression.Cast cast ->
                    forbidAggregatesIn(cast.expression(), join(path, "expression"), clause, aggregatesForbidden);
                case Expression.Column column -> {}
                case Expression.Literal literal -> {}
                case Expression.Parameter parameter -> {}
                case Expression.ScalarSubquery scalar -> {}
                case Expression.Raw raw -> {}
            }
        }

        /**
         * PostgreSQL sorts before it removes duplicates: DISTINCT ON needs its expressions first in ORDER BY, and
         * SELECT DISTINCT can only sort by what it selects.
         */
        void checkDistinctOrder(Query.Select select, String path) {
            var order = select.orderBy().stream().map(SortItem::expression).toList();
            if (!select.distinctOn().isEmpty() && !order.isEmpty()) {
                int leading = Math.min(select.distinctOn().size(), order.size());
                var distinctOn = new HashSet<>(select.distinctOn());
                for (int i = 0; i < leading; i++) {
                    if (!distinctOn.contains(order.get(i))) {
                        problem(
                                Kind.DISTINCT_ORDER,
                                join(path, "orderBy[" + i + "].expression"),
                                "With DISTINCT ON, ORDER BY must start with the DISTINCT ON expressions ("
                                        + select.distinctOn().size() + " of them), in any order.");
                        return;
                    }
                }
            } else if (select.distinct()
                    && select.items().stream().noneMatch(SelectItem.AllColumns.class::isInstance)) {
                var selected = new HashSet<Expression>();
                var labels = new HashSet<String>();
                for (var item : select.items()) {
                    if (item instanceof SelectItem.Value value) {
                        selected.add(value.expression());
                        if (value.label() != null) {
                            labels.add(value.label());
                        }
                    }
                }
                for (int i = 0; i < order.size(); i++) {
                    var expression = order.get(i);
                    boolean isLabel = expression instanceof Expression.Column column
                            && column.table() == null
                            && labels.contains(column.column());
                    boolean isPosition = expression instanceof Expression.Literal literal
                            && literal.type() == Expression.Literal.Type.NUMBER;
                    if (!selected.contains(expression) && !isLabel && !isPosition) {
                        problem(
                                Kind.DISTINCT_ORDER,
                                join(path, "orderBy[" + i + "].expression"),
                                "With SELECT DISTINCT, ORDER BY can only use selected columns; add it to the select"
                                        + " list or sort by a selected one.");
                    }
                }
            }
        }

        /** Whether an aggregate of this query level appears (not one inside a window or a subquery). */
        private static boolean containsAggregate(Expression expression) {
            return switch (expression) {
                case Expression.Aggregate aggregate -> true;
                case Expression.Arithmetic arithmetic ->
                    containsAggregate(arithmetic.left()) || containsAggregate(arithmetic.right());
                case Expression.FunctionCall call -> call.arguments().stream().anyMatch(Walk::containsAggregate);
                case Expression.WindowFunction window ->
                    window.function() instanceof Expression.Aggregate aggregate
                            ? aggregate.arguments().stream().anyMatch(Walk::containsAggregate)
                            : containsAggregate(window.function());
                case Expression.Case caseExpression ->
                    caseExpression.branches().stream().anyMatch(branch -> containsAggregate(branch.result()))
                            || caseExpression.otherwise() != null && containsAggregate(caseExpression.otherwise());
                case Expression.Cast cast -> containsAggregate(cast.expression());
                default -> false;
            };
        }

        // ------------------------------------------------------------ output columns

        Map<String, ColumnInfo> outputColumns(Query.Select select, Scope scope) {
            var columns = new LinkedHashMap<String, ColumnInfo>();
            for (var item : select.items()) {
                switch (item) {
                    case SelectItem.AllColumns all -> {
                        var sources = all.table() == null
                                ? List.copyOf(scope.sources.values())
                                : scope.sources.containsKey(all.table())
                                        ? List.of(scope.sources.get(all.table()))
                                        : List.<Source>of();
                        if (scope.opaque || sources.isEmpty()) {
                            return null;
                        }
                        for (var source : sources) {
                            if (source.columns() == null) {
                                return null;
                            }
                            columns.putAll(source.columns());
                        }
                    }
                    case SelectItem.Value value -> {
                        String name = value.label() != null ? value.label() : outputName(value.expression());
                        ColumnInfo type = value.expression() instanceof Expression.Column column
                                ? resolve(column, "", scope, Set.of(), false)
                                : null;
                        columns.put(
                                name,
                                type != null
                                        ? new ColumnInfo(name, type.type(), type.enumLabels())
                                        : new ColumnInfo(name, "", List.of()));
                    }
                }
            }
            return columns;
        }

        /** The name PostgreSQL gives an unlabelled output column. */
        private static String outputName(Expression expression) {
            return switch (expression) {
                case Expression.Column column -> column.column();
                case Expression.FunctionCall call -> call.name();
                case Expression.Aggregate aggregate -> aggregate.function();
                case Expression.WindowFunction window -> outputName(window.function());
                case Expression.Cast cast -> outputName(cast.expression());
                case Expression.Case caseExpression -> "case";
                default -> "?column?";
            };
        }
    }

    private static String join(String path, String component) {
        return path.isEmpty() ? component : path + "." + component;
    }
}
