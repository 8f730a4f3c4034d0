package dev.athanor.app.builder;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.Relation;
import dev.athanor.query.edit.FromClause;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.TableSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the canvas shows for one SELECT: its boxes with their columns (from the catalog, or from the output of a
 * CTE or subquery), the join lines, and the joins the foreign keys suggest.
 */
final class CanvasState {
    private static final String DEFAULT_SCHEMA = "public";

    private final Catalog catalog;
    private final Map<String, Query> ctes;

    /**
     * @param catalog the database's catalog, or {@code null} while it loads (boxes then show no columns)
     * @param ctes the CTEs visible from the SELECT, by name
     */
    CanvasState(Catalog catalog, Map<String, Query> ctes) {
        this.catalog = catalog;
        this.ctes = Map.copyOf(ctes);
    }

    /** The boxes of {@code select}. */
    List<CanvasTable> tables(Query.Select select) {
        var result = new ArrayList<CanvasTable>();
        for (var box : FromClause.boxes(select)) {
            String alias = FromClause.nameOf(box);
            result.add(
                    switch (box) {
                        case TableSource.Table table -> {
                            var columns = new ArrayList<CanvasTable.CanvasColumn>();
                            relation(table).ifPresent(relation -> {
                                var keyColumns = relation.primaryKey()
                                        .map(pk -> pk.columns())
                                        .orElse(List.of());
                                var fkColumns = relation.foreignKeys().stream()
                                        .flatMap(fk -> fk.columns().stream())
                                        .toList();
                                for (var column : relation.columns()) {
                                    columns.add(new CanvasTable.CanvasColumn(
                                            column.name(),
                                            column.type(),
                                            selected(select, alias, column.name()),
                                            keyColumns.contains(column.name()),
                                            fkColumns.contains(column.name())));
                                }
                            });
                            String schema = table.schema() == null ? DEFAULT_SCHEMA : table.schema();
                            yield new CanvasTable(alias, schema + "." + table.name(), CanvasTable.Kind.TABLE, columns);
                        }
                        case TableSource.CteReference cte ->
                            new CanvasTable(
                                    alias,
                                    "CTE " + cte.name(),
                                    CanvasTable.Kind.CTE,
                                    outputColumns(ctes.get(cte.name()), select, alias));
                        case TableSource.Derived derived ->
                            new CanvasTable(
                                    alias,
                                    "subquery",
                                    CanvasTable.Kind.SUBQUERY,
                                    outputColumns(derived.query(), select, alias));
                        default -> new CanvasTable(alias, "SQL", CanvasTable.Kind.RAW, List.of());
                    });
        }
        return List.copyOf(result);
    }

    /** The lines between boxes, one per column pair of each join condition. */
    static List<CanvasJoin> lines(Query.Select select) {
        var result = new ArrayList<CanvasJoin>();
        var joins = FromClause.joins(select);
        for (int i = 0; i < joins.size(); i++) {
            var join = joins.get(i);
            var pairs = new ArrayList<Predicate.Comparison>();
            collectPairs(join.on(), pairs);
            var leftNames = FromClause.leftNames(join);
            var rightNames = FromClause.rightNames(join);
            int before = result.size();
            for (var pair : pairs) {
                var a = (Expression.Column) pair.left();
                var b = (Expression.Column) pair.right();
                if (rightNames.contains(a.table()) && leftNames.contains(b.table())) {
                    var swap = a;
                    a = b;
                    b = swap;
                }
                result.add(new CanvasJoin(i, a.table(), a.column(), b.table(), b.column(), join.type()));
            }
            if (result.size() == before && !leftNames.isEmpty() && !rightNames.isEmpty()) {
                result.add(new CanvasJoin(i, leftNames.getLast(), null, rightNames.getFirst(), null, join.type()));
            }
        }
        return List.copyOf(result);
    }

    /** Joins the foreign keys suggest between box {@code alias} and the other table boxes of {@code select}. */
    List<JoinSuggestion> suggestions(Query.Select select, String alias) {
        if (catalog == null) {
            return List.of();
        }
        var added = FromClause.box(select, alias)
                .filter(TableSource.Table.class::isInstance)
                .map(TableSource.Table.class::cast)
                .flatMap(this::relation);
        if (added.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<JoinSuggestion>();
        for (var other : FromClause.boxes(select)) {
            String otherAlias = FromClause.nameOf(other);
            if (otherAlias.equals(alias) || !(other instanceof TableSource.Table table)) {
                continue;
            }
            var otherRelation = relation(table);
            if (otherRelation.isEmpty()) {
                continue;
            }
            for (ForeignKey fk : added.get().foreignKeys()) {
                if (fk.referencedTableOid() == otherRelation.get().oid()) {
                    result.add(new JoinSuggestion(fk.name(), alias, fk.columns(), otherAlias, fk.referencedColumns()));
                }
            }
            for (ForeignKey fk : otherRelation.get().foreignKeys()) {
                if (fk.referencedTableOid() == added.get().oid() && !fk.selfReferencing()) {
                    result.add(new JoinSuggestion(fk.name(), otherAlias, fk.columns(), alias, fk.referencedColumns()));
                }
            }
        }
        return List.copyOf(result);
    }

    Optional<Relation> relation(TableSource.Table table) {
        if (catalog == null) {
            return Optional.empty();
        }
        return catalog.relation(table.schema() == null ? DEFAULT_SCHEMA : table.schema(), table.name());
    }

    /** The output column names of {@code query}, as PostgreSQL names them. */
    List<String> outputNames(Query query) {
        return switch (query) {
            case Query.Select select -> {
                var names = new ArrayList<String>();
                var boxes = tables(select);
                for (var item : select.items()) {
                    switch (item) {
                        case SelectItem.Value value ->
                            names.add(value.label() != null ? value.label() : defaultName(value.expression()));
                        case SelectItem.AllColumns all -> {
                            for (var box : boxes) {
                                if (all.table() == null || all.table().equals(box.alias())) {
                                    box.columns().forEach(c -> names.add(c.name()));
                                }
                            }
                        }
                    }
                }
                yield List.copyOf(new LinkedHashSet<>(names));
            }
            case Query.SetOperation set -> outputNames(set.left());
            case Query.Raw raw -> List.of();
        };
    }

    private List<CanvasTable.CanvasColumn> outputColumns(Query query, Query.Select select, String alias) {
        if (query == null) {
            return List.of();
        }
        return outputNames(query).stream()
                .map(name -> new CanvasTable.CanvasColumn(name, "", selected(select, alias, name), false, false))
                .toList();
    }

    private static String defaultName(Expression expression) {
        return switch (expression) {
            case Expression.Column column -> column.column();
            case Expression.Aggregate aggregate -> aggregate.function();
            case Expression.FunctionCall call -> call.name();
            case Expression.WindowFunction window -> defaultName(window.function());
            case Expression.Cast cast -> cast.expression() instanceof Expression.Column c ? c.column() : cast.type();
            case Expression.Extract extract -> "extract";
            case Expression.DateTrunc trunc -> "date_trunc";
            default -> "?column?";
        };
    }

    private static boolean selected(Query.Select select, String alias, String column) {
        var wanted = new Expression.Column(alias, column);
        return select.items().stream()
                .anyMatch(item -> item instanceof SelectItem.Value value
                        && value.expression().equals(wanted));
    }

    private static void collectPairs(Predicate on, List<Predicate.Comparison> into) {
        if (on instanceof Predicate.And and) {
            and.operands().forEach(operand -> collectPairs(operand, into));
        } else if (on instanceof Predicate.Comparison comparison
                && comparison.operator() == Predicate.Comparison.Operator.EQ
                && comparison.left() instanceof Expression.Column left
                && comparison.right() instanceof Expression.Column right
                && left.table() != null
                && right.table() != null) {
            into.add(comparison);
        }
    }
}
