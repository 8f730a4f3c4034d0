package dev.athanor.app.builder;

/**
 * Where a box sits on the canvas, in canvas units.
 *
 * @param x left edge
 * @param y top edge
 */
public record BoxPosition(double x, double y) {
    public BoxPosition {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("A box position must be a finite number");
        }
    }
}
