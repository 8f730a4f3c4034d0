package dev.athanor.app.builder;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Where the boxes sit on the canvas: the current scope's positions, which the canvas follows, and those of every
 * other scope visited, so that leaving a CTE or a subquery and coming back finds its boxes where they were. Layout
 * is not part of the query: moving a box is not an edit, and undo does not move boxes back.
 *
 * <p>Across scopes a box is known as a project file stores it: its alias prefixed by the path of nested queries
 * ({@code helper2/helper1/r}; see {@link #prefix(QueryScope)}).
 */
final class BoxPlaces {
    private static final double LEFT = 20;
    private static final double TOP = 20;
    /** Horizontal distance from one box to the next, wide enough for a typical box. */
    private static final double STEP = 240;

    private final ObservableMap<String, BoxPosition> current = FXCollections.observableHashMap();
    private final Map<String, Map<String, BoxPosition>> otherScopes = new HashMap<>();

    /** Where each box of the current scope sits, by alias. */
    ObservableMap<String, BoxPosition> current() {
        return current;
    }

    /** Keeps the positions of scope {@code from} and shows those of scope {@code to}. */
    void switchScope(QueryScope from, QueryScope to) {
        otherScopes.put(prefix(from), Map.copyOf(current));
        current.clear();
        current.putAll(otherScopes.getOrDefault(prefix(to), Map.of()));
    }

    /** Every box of every scope, keyed as a project file stores it, with {@code at} the current scope. */
    Map<String, BoxPosition> all(QueryScope at) {
        otherScopes.put(prefix(at), Map.copyOf(current));
        var all = new TreeMap<String, BoxPosition>();
        otherScopes.forEach((prefix, boxes) -> boxes.forEach((alias, box) -> all.put(prefix + alias, box)));
        return Collections.unmodifiableMap(all);
    }

    /** Forgets every position and takes {@code layout} (keyed as {@link #all} gives it), showing the root's. */
    void restore(Map<String, BoxPosition> layout) {
        otherScopes.clear();
        layout.forEach((key, box) -> {
            int slash = key.lastIndexOf('/');
            otherScopes
                    .computeIfAbsent(key.substring(0, slash + 1), prefix -> new HashMap<>())
                    .put(key.substring(slash + 1), box);
        });
        current.clear();
        current.putAll(otherScopes.getOrDefault("", Map.of()));
    }

    /** Forgets every position (a new statement replaced the old one). */
    void clear() {
        current.clear();
        otherScopes.clear();
    }

    void put(String alias, double x, double y) {
        current.put(alias, new BoxPosition(x, y));
    }

    /** Puts box {@code alias} at the top, right of every box there is. */
    void putNext(String alias) {
        put(alias, nextX(), TOP);
    }

    void remove(String alias) {
        current.remove(alias);
    }

    /** Keeps the place of a box whose alias changed from {@code from} to {@code to}. */
    void rename(String from, String to) {
        var position = current.remove(from);
        if (position != null) {
            current.put(to, position);
        }
    }

    /** The left edge of a new box right of every box there is. */
    double nextX() {
        double x = LEFT;
        for (var box : current.values()) {
            x = Math.max(x, box.x() + STEP);
        }
        return x;
    }

    /** Gives a place to each box of {@code aliases} that has none yet, in a row after the boxes before it. */
    void placeMissing(List<String> aliases) {
        double x = LEFT;
        for (var alias : aliases) {
            if (!current.containsKey(alias)) {
                current.put(alias, new BoxPosition(x, TOP));
            }
            x = Math.max(x, current.get(alias).x() + STEP);
        }
    }

    /** The key prefix of boxes in {@code scope}: each step's name and a slash, empty for the whole statement. */
    static String prefix(QueryScope scope) {
        var prefix = new StringBuilder();
        for (var step : scope.steps()) {
            prefix.append(
                            switch (step) {
                                case QueryScope.Step.Cte cte -> cte.name();
                                case QueryScope.Step.Derived derived -> derived.alias();
                                case QueryScope.Step.Operand operand -> operand.right() ? "#right" : "#left";
                            })
                    .append('/');
        }
        return prefix.toString();
    }
}
