package dev.athanor.query.validate;

import static dev.athanor.query.model.ExpressionWalker.join;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.ExpressionWalker;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.validate.SchemaLookup.ColumnInfo;
import dev.athanor.query.validate.Scope.Source;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a query against the catalog before it runs, with messages located at the element they concern:
 * unknown tables and columns, columns neither grouped nor aggregated, aggregates and window functions where
 * PostgreSQL forbids them, and comparisons of a column with a constant of the wrong kind.
 *
 * <p>It only reports what it is sure of: where the model holds raw SQL, or a subquery's columns cannot be known,
 * it says nothing rather than guess.
 *
 * <p>This class walks the queries (CTEs, FROM items, subqueries) and builds the scope each SELECT sees; the
 * expressions of each clause are walked by {@link ExpressionWalker} for the checks, one class each:
 * {@link NameCheck} (with {@link TypeCheck}), {@link AggregatePlacementCheck}, {@link GroupingCheck} and
 * {@link DistinctOrderCheck}.
 */
public final class QueryValidator {
    private final SchemaLookup lookup;

    /** A validator reading tables and columns from {@code lookup}. */
    public QueryValidator(SchemaLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The problems of {@code query}, in the order the elements appear; empty when none was found. */
    public List<ValidationProblem> validate(Query query) {
        var walk = new Walk();
        walk.query(query, "", null, Map.of());
        return walk.findings.list();
    }

    private final class Walk {
        final Findings findings = new Findings();

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
                    ExpressionWalker.walk(
                            value.expression(),
                            join(path, "items[" + i + "].expression"),
                            names(scope, ctes, Set.of()));
                } else if (select.items().get(i) instanceof SelectItem.AllColumns all
                        && all.table() != null
                        && scope.find(all.table()) == null
                        && !scope.anyOpaque()) {
                    findings.add(
                            Kind.UNKNOWN_TABLE,
                            join(path, "items[" + i + "]"),
                            "No table in FROM is called " + all.table() + ".");
                }
            }
            for (int i = 0; i < select.distinctOn().size(); i++) {
                ExpressionWalker.walk(
                        select.distinctOn().get(i), join(path, "distinctOn[" + i + "]"), names(scope, ctes, labels));
            }
            if (select.where() != null) {
                ExpressionWalker.walk(select.where(), join(path, "where"), names(scope, ctes, Set.of()));
                AggregatePlacementCheck.check(select.where(), join(path, "where"), "WHERE", true, findings);
            }
            var grouped = new ArrayList<Expression>();
            for (int i = 0; i < select.groupBy().size(); i++) {
                var groupPath = join(path, "groupBy[" + i + "]");
                for (var expression : groupedExpressions(select.groupBy().get(i))) {
                    ExpressionWalker.walk(expression, groupPath, names(scope, ctes, labels));
                    AggregatePlacementCheck.check(expression, groupPath, "GROUP BY", true, findings);
                    grouped.add(expression);
                }
            }
            if (select.having() != null) {
                ExpressionWalker.walk(select.having(), join(path, "having"), names(scope, ctes, Set.of()));
                AggregatePlacementCheck.check(select.having(), join(path, "having"), "HAVING", false, findings);
            }
            for (int i = 0; i < select.windows().size(); i++) {
                var window = select.windows().get(i).window();
                for (var expression : window.partitionBy()) {
                    ExpressionWalker.walk(expression, join(path, "windows[" + i + "]"), names(scope, ctes, Set.of()));
                }
                for (var sort : window.orderBy()) {
                    ExpressionWalker.walk(
                            sort.expression(), join(path, "windows[" + i + "]"), names(scope, ctes, Set.of()));
                }
            }
            for (int i = 0; i < select.orderBy().size(); i++) {
                ExpressionWalker.walk(
                        select.orderBy().get(i).expression(),
                        join(path, "orderBy[" + i + "].expression"),
                        names(scope, ctes, labels));
            }
            GroupingCheck.check(select, path, scope, grouped, labels, findings);
            CrossJoinCheck.check(select, path, lookup, findings);
            DistinctOrderCheck.check(select, path, findings);
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
                        findings.add(
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
                        findings.add(Kind.UNKNOWN_TABLE, path, "No WITH query is called " + reference.name() + ".");
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
                        ExpressionWalker.walk(join.on(), join(path, "on"), names(scope, ctes, Set.of()));
                        AggregatePlacementCheck.check(join.on(), join(path, "on"), "JOIN conditions", true, findings);
                    }
                }
            }
        }

        /** The name check of one clause, handing the subqueries it meets back to this walk. */
        private NameCheck names(Scope scope, Map<String, Map<String, ColumnInfo>> ctes, Set<String> labels) {
            return new NameCheck(scope, labels, (query, path, outer) -> query(query, path, outer, ctes), findings);
        }

        private List<Expression> groupedExpressions(Grouping grouping) {
            return switch (grouping) {
                case Grouping.By by -> List.of(by.expression());
                case Grouping.Rollup rollup -> rollup.expressions();
                case Grouping.Cube cube -> cube.expressions();
                case Grouping.Sets sets ->
                    sets.sets().stream().flatMap(List::stream).toList();
            };
        }

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
                        ColumnInfo type =
                                value.expression() instanceof Expression.Column column ? scope.resolve(column) : null;
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
                case Expression.Extract extract -> "extract";
                case Expression.DateTrunc trunc -> "date_trunc";
                default -> "?column?";
            };
        }
    }
}
