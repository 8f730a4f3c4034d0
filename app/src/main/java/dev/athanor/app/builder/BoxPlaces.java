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
    /** Where boxes are placed up to, before the next row: about the width of the canvas on show. */
    private static final double RIGHT_EDGE = 900;
    /** The step of the spots tried for a new box. */
    private static final double GRID = 20;
    /** Free space kept around a box. */
    private static final double GAP = 24;
    /** The size assumed for a box not drawn yet: its width, its title and one row per column. */
    private static final double WIDTH = 210;

    private static final double HEADER = 36;
    private static final double ROW = 22;

    private final ObservableMap<String, BoxPosition> current = FXCollections.observableHashMap();
    private final Map<String, Map<String, BoxPosition>> otherScopes = new HashMap<>();
    private final Map<String, double[]> sizes = new HashMap<>();

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

    void remove(String alias) {
        current.remove(alias);
        sizes.remove(alias);
    }

    /** Keeps the place of a box whose alias changed from {@code from} to {@code to}. */
    void rename(String from, String to) {
        var position = current.remove(from);
        if (position != null) {
            current.put(to, position);
        }
    }

    /** Records the size a box is drawn at, so that boxes placed later keep clear of it. */
    void sized(String alias, double width, double height) {
        sizes.put(alias, new double[] {width, height});
    }

    /**
     * Gives a place to each box of {@code tables} that has none yet: the first free spot, reading the canvas
     * from the top left, that overlaps no box on the canvas and no join line between them. Positions of boxes no
     * longer on the canvas are not in the way.
     */
    void placeMissing(List<CanvasTable> tables, List<CanvasJoin> lines) {
        var placed = new HashMap<String, double[]>();
        for (var table : tables) {
            var at = current.get(table.alias());
            if (at != null) {
                var size = size(table);
                placed.put(table.alias(), new double[] {at.x(), at.y(), size[0], size[1]});
            }
        }
        for (var table : tables) {
            if (placed.containsKey(table.alias())) {
                continue;
            }
            var size = size(table);
            var spot = freeSpot(size[0], size[1], placed, lines);
            current.put(table.alias(), new BoxPosition(spot[0], spot[1]));
            placed.put(table.alias(), new double[] {spot[0], spot[1], size[0], size[1]});
        }
    }

    private double[] size(CanvasTable table) {
        var known = sizes.get(table.alias());
        return known != null
                ? known
                : new double[] {WIDTH, HEADER + ROW * table.columns().size()};
    }

    private static double[] freeSpot(
            double width, double height, Map<String, double[]> placed, List<CanvasJoin> lines) {
        for (double y = TOP; ; y += GRID) {
            for (double x = LEFT; x + width <= RIGHT_EDGE || x == LEFT; x += GRID) {
                if (free(x, y, width, height, placed, lines)) {
                    return new double[] {x, y};
                }
            }
        }
    }

    private static boolean free(
            double x, double y, double width, double height, Map<String, double[]> placed, List<CanvasJoin> lines) {
        double minX = x - GAP;
        double minY = y - GAP;
        double maxX = x + width + GAP;
        double maxY = y + height + GAP;
        for (var box : placed.values()) {
            if (box[0] < maxX && box[0] + box[2] > minX && box[1] < maxY && box[1] + box[3] > minY) {
                return false;
            }
        }
        for (var line : lines) {
            var a = placed.get(line.leftAlias());
            var b = placed.get(line.rightAlias());
            if (a != null
                    && b != null
                    && crosses(
                            a[0] + a[2] / 2,
                            a[1] + a[3] / 2,
                            b[0] + b[2] / 2,
                            b[1] + b[3] / 2,
                            minX,
                            minY,
                            maxX,
                            maxY)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the segment from (x1, y1) to (x2, y2) passes through the rectangle (Liang–Barsky clipping). */
    static boolean crosses(
            double x1, double y1, double x2, double y2, double minX, double minY, double maxX, double maxY) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - minX, maxX - x1, y1 - minY, maxY - y1};
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, t);
                } else {
                    leave = Math.min(leave, t);
                }
            }
        }
        return enter <= leave;
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
