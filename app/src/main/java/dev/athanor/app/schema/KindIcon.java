package dev.athanor.app.schema;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Small vector icons for the schema tree: a letter in a coloured badge, one colour per kind, so that a
 * table, a view and a function are told apart at a glance without image files.
 */
public enum KindIcon {
    CONNECTION("⛁", "#37474f", Shape.SQUARE),
    SCHEMA("S", "#546e7a", Shape.SQUARE),
    FOLDER("▸", "#90a4ae", Shape.SQUARE),
    TABLE("T", "#1e6fd9", Shape.CIRCLE),
    PARTITIONED_TABLE("P", "#0d3c8c", Shape.SQUARE),
    PARTITION("p", "#6fa8f0", Shape.CIRCLE),
    VIEW("V", "#2e9d4f", Shape.CIRCLE),
    MATERIALIZED_VIEW("M", "#00897b", Shape.CIRCLE),
    SEQUENCE("#", "#ef6c00", Shape.CIRCLE),
    ENUM("E", "#8e24aa", Shape.CIRCLE),
    DOMAIN("D", "#795548", Shape.CIRCLE),
    FUNCTION("ƒ", "#d32f2f", Shape.CIRCLE),
    COLUMN("c", "#78909c", Shape.CIRCLE),
    KEY_COLUMN("k", "#f9a825", Shape.CIRCLE);

    private enum Shape {
        CIRCLE,
        SQUARE
    }

    private final String glyph;
    private final Color colour;
    private final Shape shape;

    KindIcon(String glyph, String colour, Shape shape) {
        this.glyph = glyph;
        this.colour = Color.web(colour);
        this.shape = shape;
    }

    /** A new 14-pixel node showing this icon (nodes cannot be shared between tree cells). */
    public Node node() {
        Node badge;
        if (shape == Shape.CIRCLE) {
            badge = new Circle(7, colour);
        } else {
            var square = new Rectangle(14, 14, colour);
            square.setArcWidth(4);
            square.setArcHeight(4);
            badge = square;
        }
        var letter = new Text(glyph);
        letter.setFill(Color.WHITE);
        letter.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 9.5));
        var icon = new StackPane(badge, letter);
        icon.setMinSize(14, 14);
        icon.setPrefSize(14, 14);
        icon.setMaxSize(14, 14);
        icon.getStyleClass()
                .addAll(
                        "kind-icon",
                        "kind-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return icon;
    }
}
