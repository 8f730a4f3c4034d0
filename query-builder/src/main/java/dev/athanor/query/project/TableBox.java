package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where one table box sits on the builder canvas, in canvas units (before zoom), and whether it is folded to its
 * title.
 */
@JsonPropertyOrder({"x", "y", "collapsed"})
public record TableBox(double x, double y, boolean collapsed) {
    public TableBox {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("A table box position must be a finite number");
        }
    }

    public TableBox withX(double newX) {
        return new TableBox(newX, y, collapsed);
    }

    public TableBox withY(double newY) {
        return new TableBox(x, newY, collapsed);
    }

    public TableBox withCollapsed(boolean newCollapsed) {
        return new TableBox(x, y, newCollapsed);
    }
}
