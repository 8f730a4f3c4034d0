package dev.athanor.query.validate;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * FROM items listed side by side with no condition between them, in WHERE or in a join: PostgreSQL pairs every row
 * of one with every row of the other. A table just added to the canvas is such an item until a join is accepted,
 * and the preview then reads a cross join; an explicit CROSS JOIN is a choice and is not reported.
 */
final class CrossJoinCheck {
    private CrossJoinCheck() {}

    static void check(Query.Select select, String path, SchemaLookup lookup, Findings findings) {
        if (select.from().size() < 2
                || select.from().stream()
                        .anyMatch(item -> item instanceof TableSource.Raw
                                || item instanceof TableSource.Derived derived && derived.lateral())) {
            return; // raw SQL or a LATERAL subquery may well relate the items: say nothing rather than guess
        }
        // Each FROM item starts as its own group; a WHERE condition naming two groups' tables merges them.
        var groups = new ArrayList<Group>();
        for (var item : select.from()) {
            var names = new HashSet<String>();
            names(item, names);
            groups.add(new Group(names, estimate(item, lookup), label(item)));
        }
        for (var linked : linkedNames(select.where())) {
            var touched = groups.stream()
                    .filter(g -> g.names.stream().anyMatch(linked::contains))
                    .toList();
            if (touched.size() > 1) {
                var merged = touched.getFirst();
                for (var other : touched.subList(1, touched.size())) {
                    merged.names.addAll(other.names);
                    groups.remove(other);
                }
                merged.rows = OptionalLong.empty();
            }
        }
        if (groups.size() < 2) {
            return;
        }
        var labels = groups.stream().map(g -> g.label).toList();
        String rows;
        if (groups.stream().allMatch(g -> g.rows.isPresent())) {
            var format = NumberFormat.getIntegerInstance(Locale.ROOT);
            double product = 1;
            for (var group : groups) {
                product *= group.rows.getAsLong();
            }
            rows = " ("
                    + String.join(
                            " × ",
                            groups.stream()
                                    .map(g -> format.format(g.rows.getAsLong()))
                                    .toList())
                    + " = about " + format.format(product) + " rows)";
        } else {
            rows = " (every row of " + String.join(" with every row of ", labels) + ")";
        }
        findings.add(
                Kind.CROSS_JOIN,
                path.isEmpty() ? "from" : path + ".from",
                String.join(", ", labels) + " are not joined: the query is a cross join" + rows
                        + ". Accept a suggested join or drag a column onto another.");
    }

    private static final class Group {
        final Set<String> names;
        OptionalLong rows;
        final String label;

        Group(Set<String> names, OptionalLong rows, String label) {
            this.names = names;
            this.rows = rows;
            this.label = label;
        }
    }

    /** For each WHERE conjunct comparing columns, the tables it names. */
    private static List<Set<String>> linkedNames(Predicate where) {
        var result = new ArrayList<Set<String>>();
        if (where == null) {
            return result;
        }
        if (where instanceof Predicate.And and) {
            and.operands().forEach(operand -> result.addAll(linkedNames(operand)));
            return result;
        }
        var tables = new HashSet<String>();
        dev.athanor.query.model.ExpressionWalker.walk(where, "", (p, node) -> {
            if (node instanceof Expression.Column column && column.table() != null) {
                tables.add(column.table());
            }
            return true;
        });
        if (tables.size() > 1) {
            result.add(tables);
        }
        return result;
    }

    private static void names(TableSource item, Set<String> into) {
        switch (item) {
            case TableSource.Table table -> into.add(table.alias() != null ? table.alias() : table.name());
            case TableSource.CteReference cte -> into.add(cte.alias() != null ? cte.alias() : cte.name());
            case TableSource.Derived derived -> into.add(derived.alias());
            case TableSource.Join join -> {
                names(join.left(), into);
                names(join.right(), into);
            }
            case TableSource.Raw raw -> {}
        }
    }

    private static String label(TableSource item) {
        var names = new ArrayList<String>();
        var set = new java.util.LinkedHashSet<String>();
        names(item, set);
        names.addAll(set);
        return names.isEmpty() ? "a FROM item" : String.join(" ⋈ ", names);
    }

    private static OptionalLong estimate(TableSource item, SchemaLookup lookup) {
        if (item instanceof TableSource.Table table) {
            return lookup.relation(table.schema(), table.name())
                    .map(SchemaLookup.RelationInfo::estimatedRows)
                    .orElse(OptionalLong.empty());
        }
        return OptionalLong.empty();
    }
}
