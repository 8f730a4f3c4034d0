package dev.athanor.query.edit;

import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Edits of a SELECT's FROM clause in the terms of the canvas: boxes (tables, CTE references, subqueries) known
 * by their alias, and the joins between them.
 *
 * <p>A box that is not joined yet is a FROM item of its own; joining two boxes of different items nests the
 * second item into a join with the first, so the model always holds the left-deep tree the SQL reads as.
 * Joins are numbered left to right in the order they appear in the SQL.
 */
public final class FromClause {
    private FromClause() {}

    /** The name a box is known by in the query: its alias, else the table or CTE name. */
    public static String nameOf(TableSource leaf) {
        return switch (leaf) {
            case TableSource.Table table -> table.alias() != null ? table.alias() : table.name();
            case TableSource.CteReference cte -> cte.alias() != null ? cte.alias() : cte.name();
            case TableSource.Derived derived -> derived.alias();
            case TableSource.Raw raw -> raw.sql();
            case TableSource.Join join -> throw new IllegalArgumentException("a join is not a box");
        };
    }

    /** Every box of {@code select}, in FROM order. */
    public static List<TableSource> boxes(Query.Select select) {
        var result = new ArrayList<TableSource>();
        select.from().forEach(item -> collectBoxes(item, result));
        return List.copyOf(result);
    }

    /** Every join of {@code select}, in SQL order. */
    public static List<TableSource.Join> joins(Query.Select select) {
        var result = new ArrayList<TableSource.Join>();
        select.from().forEach(item -> collectJoins(item, result));
        return List.copyOf(result);
    }

    /** Where each join of {@link #joins} sits in the model, e.g. {@code from[0]} or {@code from[0].left}. */
    public static List<String> joinPaths(Query.Select select) {
        var result = new ArrayList<String>();
        for (int i = 0; i < select.from().size(); i++) {
            collectJoinPaths(select.from().get(i), "from[" + i + "]", result);
        }
        return List.copyOf(result);
    }

    /** Where each box of {@link #boxes} sits in the model, e.g. {@code from[1]} or {@code from[0].right}. */
    public static List<String> boxPaths(Query.Select select) {
        var result = new ArrayList<String>();
        for (int i = 0; i < select.from().size(); i++) {
            collectBoxPaths(select.from().get(i), "from[" + i + "]", result);
        }
        return List.copyOf(result);
    }

    private static void collectBoxPaths(TableSource source, String path, List<String> into) {
        if (source instanceof TableSource.Join join) {
            collectBoxPaths(join.left(), path + ".left", into);
            collectBoxPaths(join.right(), path + ".right", into);
        } else {
            into.add(path);
        }
    }

    private static void collectJoinPaths(TableSource source, String path, List<String> into) {
        if (source instanceof TableSource.Join join) {
            collectJoinPaths(join.left(), path + ".left", into);
            collectJoinPaths(join.right(), path + ".right", into);
            into.add(path);
        }
    }

    /** The box known as {@code name} (alias, else table or CTE name), if FROM has one. */
    public static Optional<TableSource> box(Query.Select select, String name) {
        return boxes(select).stream().filter(b -> nameOf(b).equals(name)).findFirst();
    }

    /** The names of the boxes on the left of join {@code index} (the side its ON can already refer to). */
    public static List<String> leftNames(TableSource.Join join) {
        var result = new ArrayList<TableSource>();
        collectBoxes(join.left(), result);
        return result.stream().map(FromClause::nameOf).toList();
    }

    /** The names of the boxes on the right of a join (the box or boxes it brings in). */
    public static List<String> rightNames(TableSource.Join join) {
        var result = new ArrayList<TableSource>();
        collectBoxes(join.right(), result);
        return result.stream().map(FromClause::nameOf).toList();
    }

    /** Adds {@code box} as a FROM item of its own (not joined yet). */
    public static Query.Select add(Query.Select select, TableSource box) {
        var from = new ArrayList<>(select.from());
        from.add(box);
        return select.withFrom(from);
    }

    /** {@code select} without the box {@code name}; a join it took part in goes too. */
    public static Query.Select remove(Query.Select select, String name) {
        var from = new ArrayList<TableSource>();
        for (var item : select.from()) {
            without(item, name).ifPresent(from::add);
        }
        return select.withFrom(from);
    }

    /** {@code select} with the box {@code name} replaced by {@code replacement}. */
    public static Query.Select replaceBox(Query.Select select, String name, TableSource replacement) {
        return select.withFrom(select.from().stream()
                .map(item -> replaceBox(item, name, replacement))
                .toList());
    }

    /**
     * Joins box {@code right} to box {@code left} on {@code on}. Boxes already joined get the condition added to
     * the join between them with AND.
     */
    public static Query.Select join(
            Query.Select select, String left, String right, TableSource.Join.Type type, Predicate on) {
        int leftItem = itemOf(select, left);
        int rightItem = itemOf(select, right);
        var from = new ArrayList<>(select.from());
        if (leftItem != rightItem) {
            int first = Math.min(leftItem, rightItem);
            int second = Math.max(leftItem, rightItem);
            from.set(first, new TableSource.Join(from.get(first), type, from.get(second), on));
            from.remove(second);
            return select.withFrom(from);
        }
        var joins = joins(select);
        for (int i = joins.size() - 1; i >= 0; i--) {
            var join = joins.get(i);
            var leftNames = leftNames(join);
            var rightNames = rightNames(join);
            if (leftNames.contains(left) && rightNames.contains(right)
                    || leftNames.contains(right) && rightNames.contains(left)) {
                return changeJoin(select, i, existing -> {
                    if (existing.type() == TableSource.Join.Type.CROSS) {
                        return new TableSource.Join(existing.left(), type, existing.right(), on);
                    }
                    return existing.withOn(and(existing.on(), on));
                });
            }
        }
        throw new IllegalStateException(left + " and " + right + " are not in the same FROM item");
    }

    /** {@code select} with join {@code index} changed by {@code change}. */
    public static Query.Select changeJoin(Query.Select select, int index, UnaryOperator<TableSource.Join> change) {
        var counter = new int[] {0};
        var from = new ArrayList<TableSource>();
        for (var item : select.from()) {
            from.add(changeJoin(item, index, change, counter));
        }
        return select.withFrom(from);
    }

    /** {@code select} without join {@code index}: its right side becomes a FROM item of its own. */
    public static Query.Select unjoin(Query.Select select, int index) {
        var detached = new ArrayList<TableSource>();
        var changed = changeJoin(select, index, join -> {
            detached.add(join.right());
            return join; // replaced below: the counter walk needs the node in place
        });
        var counter = new int[] {0};
        var from = new ArrayList<TableSource>();
        for (var item : changed.from()) {
            from.add(collapse(item, index, counter));
        }
        from.addAll(detached);
        return select.withFrom(from);
    }

    private static Predicate and(Predicate existing, Predicate added) {
        if (existing == null) {
            return added;
        }
        var operands = new ArrayList<Predicate>();
        if (existing instanceof Predicate.And and) {
            operands.addAll(and.operands());
        } else {
            operands.add(existing);
        }
        operands.add(added);
        return new Predicate.And(operands);
    }

    private static TableSource collapse(TableSource source, int index, int[] counter) {
        if (source instanceof TableSource.Join join) {
            var left = collapse(join.left(), index, counter);
            var right = collapse(join.right(), index, counter);
            int mine = counter[0]++;
            if (mine == index) {
                return left;
            }
            return new TableSource.Join(left, join.type(), right, join.on());
        }
        return source;
    }

    private static TableSource changeJoin(
            TableSource source, int index, UnaryOperator<TableSource.Join> change, int[] counter) {
        if (source instanceof TableSource.Join join) {
            var left = changeJoin(join.left(), index, change, counter);
            var right = changeJoin(join.right(), index, change, counter);
            var rebuilt = new TableSource.Join(left, join.type(), right, join.on());
            return counter[0]++ == index ? change.apply(rebuilt) : rebuilt;
        }
        return source;
    }

    private static int itemOf(Query.Select select, String name) {
        for (int i = 0; i < select.from().size(); i++) {
            var names = new ArrayList<TableSource>();
            collectBoxes(select.from().get(i), names);
            if (names.stream().anyMatch(b -> nameOf(b).equals(name))) {
                return i;
            }
        }
        throw new IllegalArgumentException("No table " + name + " in the query");
    }

    private static Optional<TableSource> without(TableSource source, String name) {
        if (source instanceof TableSource.Join join) {
            var left = without(join.left(), name);
            var right = without(join.right(), name);
            if (left.isEmpty()) {
                return right;
            }
            if (right.isEmpty()) {
                return left;
            }
            return Optional.of(new TableSource.Join(left.get(), join.type(), right.get(), join.on()));
        }
        return nameOf(source).equals(name) ? Optional.empty() : Optional.of(source);
    }

    private static TableSource replaceBox(TableSource source, String name, TableSource replacement) {
        if (source instanceof TableSource.Join join) {
            return new TableSource.Join(
                    replaceBox(join.left(), name, replacement),
                    join.type(),
                    replaceBox(join.right(), name, replacement),
                    join.on());
        }
        return nameOf(source).equals(name) ? replacement : source;
    }

    private static void collectBoxes(TableSource source, List<TableSource> into) {
        if (source instanceof TableSource.Join join) {
            collectBoxes(join.left(), into);
            collectBoxes(join.right(), into);
        } else {
            into.add(source);
        }
    }

    private static void collectJoins(TableSource source, List<TableSource.Join> into) {
        if (source instanceof TableSource.Join join) {
            collectJoins(join.left(), into);
            collectJoins(join.right(), into);
            into.add(join);
        }
    }
}
