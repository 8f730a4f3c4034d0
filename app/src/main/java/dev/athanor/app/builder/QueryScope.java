package dev.athanor.app.builder;

import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which query of a statement the canvas edits: the statement itself, one of its CTEs, a subquery in FROM, or an
 * operand of a UNION / INTERSECT / EXCEPT, to any depth. Each part is edited with the same canvas and panels.
 *
 * @param steps the way down from the statement; empty for the statement itself
 */
public record QueryScope(List<Step> steps) {

    /** One step down into a nested query. */
    public sealed interface Step {
        /** Into the CTE of this name. */
        record Cte(String name) implements Step {}

        /** Into the subquery in FROM with this alias. */
        record Derived(String alias) implements Step {}

        /** Into the left ({@code right == false}) or right operand of a set operation. */
        record Operand(boolean right) implements Step {}
    }

    public QueryScope {
        steps = List.copyOf(steps);
    }

    /** The statement itself. */
    public static QueryScope root() {
        return new QueryScope(List.of());
    }

    /** This scope extended by one step. */
    public QueryScope then(Step step) {
        var longer = new ArrayList<>(steps);
        longer.add(step);
        return new QueryScope(longer);
    }

    /** The enclosing scope, or this one for the statement itself. */
    public QueryScope parent() {
        return steps.isEmpty() ? this : new QueryScope(steps.subList(0, steps.size() - 1));
    }

    /** A short name for breadcrumbs and layout keys, such as {@code query / helper2 / helper1}. */
    public String label() {
        var parts = new ArrayList<String>();
        parts.add("query");
        for (var step : steps) {
            parts.add(
                    switch (step) {
                        case Step.Cte cte -> cte.name();
                        case Step.Derived derived -> derived.alias();
                        case Step.Operand operand -> operand.right() ? "right operand" : "left operand";
                    });
        }
        return String.join(" / ", parts);
    }

    /** The query this scope points at in {@code statement}, if it is still there. */
    public Optional<Query> find(Query statement) {
        Query current = statement;
        for (var step : steps) {
            var next = child(current, step);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** {@code statement} with the query at this scope replaced by {@code replacement}. */
    public Query replace(Query statement, Query replacement) {
        return replace(statement, 0, replacement);
    }

    private Query replace(Query current, int depth, Query replacement) {
        if (depth == steps.size()) {
            return replacement;
        }
        var step = steps.get(depth);
        Query child = child(current, step).orElseThrow(() -> new IllegalStateException("no " + label()));
        Query newChild = replace(child, depth + 1, replacement);
        return switch (step) {
            case Step.Cte cte -> {
                var select = (Query.Select) current;
                var with = new ArrayList<CommonTableExpression>();
                for (var existing : select.with()) {
                    with.add(existing.name().equals(cte.name()) ? existing.withQuery(newChild) : existing);
                }
                yield select.withWith(with);
            }
            case Step.Derived derived -> {
                var select = (Query.Select) current;
                var from = new ArrayList<TableSource>();
                for (var item : select.from()) {
                    from.add(replaceDerived(item, derived.alias(), newChild));
                }
                yield select.withFrom(from);
            }
            case Step.Operand operand -> {
                var set = (Query.SetOperation) current;
                yield operand.right() ? set.withRight(newChild) : set.withLeft(newChild);
            }
        };
    }

    private static Optional<Query> child(Query current, Step step) {
        return switch (step) {
            case Step.Cte cte ->
                current instanceof Query.Select select
                        ? select.with().stream()
                                .filter(c -> c.name().equals(cte.name()))
                                .map(CommonTableExpression::query)
                                .findFirst()
                        : Optional.empty();
            case Step.Derived derived ->
                current instanceof Query.Select select
                        ? select.from().stream()
                                .map(item -> findDerived(item, derived.alias()))
                                .flatMap(Optional::stream)
                                .findFirst()
                        : Optional.empty();
            case Step.Operand operand ->
                current instanceof Query.SetOperation set
                        ? Optional.of(operand.right() ? set.right() : set.left())
                        : Optional.empty();
        };
    }

    private static Optional<Query> findDerived(TableSource source, String alias) {
        return switch (source) {
            case TableSource.Derived derived when derived.alias().equals(alias) -> Optional.of(derived.query());
            case TableSource.Join join -> findDerived(join.left(), alias).or(() -> findDerived(join.right(), alias));
            default -> Optional.empty();
        };
    }

    private static TableSource replaceDerived(TableSource source, String alias, Query query) {
        return switch (source) {
            case TableSource.Derived derived when derived.alias().equals(alias) -> derived.withQuery(query);
            case TableSource.Join join ->
                join.withLeft(replaceDerived(join.left(), alias, query))
                        .withRight(replaceDerived(join.right(), alias, query));
            default -> source;
        };
    }

    /**
     * Where this scope's query sits in {@code statement}, in the validator's path notation ({@code
     * with[0].query.from[1].query.}), ending with a dot; empty for the statement itself.
     */
    public String modelPath(Query statement) {
        var path = new StringBuilder();
        Query current = statement;
        for (var step : steps) {
            switch (step) {
                case QueryScope.Step.Cte cte -> {
                    var select = (Query.Select) current;
                    for (int i = 0; i < select.with().size(); i++) {
                        if (select.with().get(i).name().equals(cte.name())) {
                            path.append("with[").append(i).append("].query.");
                            current = select.with().get(i).query();
                        }
                    }
                }
                case QueryScope.Step.Derived derived -> {
                    var select = (Query.Select) current;
                    for (int i = 0; i < select.from().size(); i++) {
                        var found = derivedPath(select.from().get(i), derived.alias(), "from[" + i + "]");
                        if (found != null) {
                            path.append(found).append(".query.");
                            current =
                                    new QueryScope(List.of(step)).find(current).orElse(current);
                            break;
                        }
                    }
                }
                case QueryScope.Step.Operand operand -> {
                    var set = (Query.SetOperation) current;
                    path.append(operand.right() ? "right." : "left.");
                    current = operand.right() ? set.right() : set.left();
                }
            }
        }
        return path.toString();
    }

    private static String derivedPath(TableSource source, String alias, String path) {
        return switch (source) {
            case TableSource.Derived derived when derived.alias().equals(alias) -> path;
            case TableSource.Join join -> {
                String left = derivedPath(join.left(), alias, path + ".left");
                yield left != null ? left : derivedPath(join.right(), alias, path + ".right");
            }
            default -> null;
        };
    }

    /** The CTEs visible in this scope of {@code statement}: those of every enclosing SELECT on the way down. */
    public java.util.Map<String, Query> visibleCtes(Query statement) {
        var visible = new java.util.LinkedHashMap<String, Query>();
        Query current = statement;
        for (int i = 0; ; i++) {
            if (current instanceof Query.Select select) {
                select.with().forEach(cte -> visible.put(cte.name(), cte.query()));
            }
            if (i == steps.size()) {
                return visible;
            }
            var next = new QueryScope(steps.subList(0, i + 1)).find(statement);
            if (next.isEmpty()) {
                return visible;
            }
            current = next.get();
        }
    }
}
