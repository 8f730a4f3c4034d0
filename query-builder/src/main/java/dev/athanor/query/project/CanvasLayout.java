package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The builder canvas of one query as the user left it.
 *
 * @param zoom the scale factor, 1.0 for 100 %
 * @param tables table boxes by the alias (or name) of their FROM item, sorted so saved files diff cleanly
 */
@JsonPropertyOrder({"zoom", "tables"})
public record CanvasLayout(double zoom, SortedMap<String, TableBox> tables) {
    public CanvasLayout {
        if (!(zoom > 0) || !Double.isFinite(zoom)) {
            throw new IllegalArgumentException("The zoom must be a positive number, not " + zoom);
        }
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables == null ? Map.of() : tables));
    }

    /** No boxes placed yet, at 100 %. */
    public static CanvasLayout empty() {
        return new CanvasLayout(1.0, new TreeMap<>());
    }

    public CanvasLayout withZoom(double newZoom) {
        return new CanvasLayout(newZoom, tables);
    }

    /** A copy with the box of {@code alias} placed at {@code box}. */
    public CanvasLayout withTable(String alias, TableBox box) {
        var copy = new TreeMap<>(tables);
        copy.put(alias, box);
        return new CanvasLayout(zoom, copy);
    }
}
