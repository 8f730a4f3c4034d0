package dev.athanor.app.builder;

import dev.athanor.app.transfer.TableDrag;
import dev.athanor.query.edit.FromClause;
import dev.athanor.query.model.TableSource;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.StrokeLineCap;

/**
 * The builder's canvas: a box per table of the FROM clause, and a curve per joined column pair, kept attached to
 * the column rows as boxes move.
 *
 * <p>Tables dropped from the schema tree arrive as {@link TableDrag} ({@code schema.table}); a column dragged
 * onto a column of another box joins the two.
 */
public final class QueryCanvas extends Pane {
    private final QueryBuilderModel model;
    private final Group lineLayer = new Group();
    private final Group boxLayer = new Group();
    private final Map<String, TableBoxView> boxes = new HashMap<>();
    private TableBoxView.ColumnRow dragSource;
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 420;
    private static final double MARGIN = 40;

    public QueryCanvas(QueryBuilderModel model) {
        this.model = model;
        setId("query-canvas");
        getStyleClass().add("query-canvas");
        getChildren().addAll(lineLayer, boxLayer);
        boxLayer.boundsInParentProperty().addListener((obs, old, now) -> requestLayout());

        model.tables().addListener((ListChangeListener<CanvasTable>) change -> rebuild());
        model.lines().addListener((ListChangeListener<CanvasJoin>) change -> drawLines());
        model.problems().addListener((ListChangeListener<Object>) change -> markProblems());
        model.positions().addListener((javafx.beans.InvalidationListener) change -> place());

        setOnDragOver(event -> {
            if (TableDrag.mayHoldTable(event.getDragboard())) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            String qualified = TableDrag.qualifiedName(event.getDragboard());
            boolean added = false;
            if (qualified != null) {
                int dot = qualified.indexOf('.');
                model.addTable(qualified.substring(0, dot), qualified.substring(dot + 1), event.getX(), event.getY());
                added = true;
            }
            event.setDropCompleted(added);
            event.consume();
        });
        rebuild();
    }

    /** The canvas is at least as large as the boxes on it reach, so that a scroll pane shows every one. */
    @Override
    protected double computeMinWidth(double height) {
        return Math.max(MIN_WIDTH, boxLayer.getBoundsInParent().getMaxX() + MARGIN);
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.max(MIN_HEIGHT, boxLayer.getBoundsInParent().getMaxY() + MARGIN);
    }

    @Override
    protected double computePrefWidth(double height) {
        return computeMinWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    /** The box showing {@code alias}, for tests and page objects. */
    public TableBoxView box(String alias) {
        return boxes.get(alias);
    }

    private void rebuild() {
        boxes.clear();
        boxLayer.getChildren().clear();
        for (var table : model.tables()) {
            var box = new TableBoxView(table, model, this);
            boxes.put(table.alias(), box);
            boxLayer.getChildren().add(box);
            box.boundsInParentProperty().addListener((obs, old, now) -> drawLines());
            box.layoutBoundsProperty()
                    .subscribe(bounds -> model.boxSized(table.alias(), bounds.getWidth(), bounds.getHeight()));
        }
        place();
        drawLines();
        markProblems();
    }

    /** A box whose table is unknown (or whose subquery has problems) gets a red frame and the messages. */
    private void markProblems() {
        var paths = FromClause.boxPaths(model.select());
        var names = FromClause.boxes(model.select()).stream()
                .map(FromClause::nameOf)
                .toList();
        for (int i = 0; i < names.size(); i++) {
            var box = boxes.get(names.get(i));
            if (box != null) {
                box.markProblems(model.problemsAt(paths.get(i)));
            }
        }
    }

    private void place() {
        for (var entry : boxes.entrySet()) {
            var position = model.positions().get(entry.getKey());
            if (position != null) {
                entry.getValue().relocate(position.x(), position.y());
            }
        }
    }

    private void drawLines() {
        lineLayer.getChildren().clear();
        for (var line : model.lines()) {
            var left = boxes.get(line.leftAlias());
            var right = boxes.get(line.rightAlias());
            if (left == null || right == null) {
                continue;
            }
            Bounds a = left.anchorBounds(line.leftColumn());
            Bounds b = right.anchorBounds(line.rightColumn());
            if (a == null || b == null) {
                continue;
            }
            boolean leftFirst = a.getCenterX() <= b.getCenterX();
            var start = new Point2D(leftFirst ? a.getMaxX() : a.getMinX(), a.getCenterY());
            var end = new Point2D(leftFirst ? b.getMinX() : b.getMaxX(), b.getCenterY());
            double pull = Math.max(40, Math.abs(end.getX() - start.getX()) / 2);
            var curve = new CubicCurve(
                    start.getX(),
                    start.getY(),
                    start.getX() + (leftFirst ? pull : -pull),
                    start.getY(),
                    end.getX() + (leftFirst ? -pull : pull),
                    end.getY(),
                    end.getX(),
                    end.getY());
            curve.getStyleClass()
                    .addAll("join-line", "join-" + line.type().name().toLowerCase(java.util.Locale.ROOT));
            curve.setFill(null);
            curve.setStrokeWidth(2.2);
            curve.setStrokeLineCap(StrokeLineCap.ROUND);
            curve.setStroke(javafx.scene.paint.Color.web(
                    switch (line.type()) {
                        case INNER -> "#2f6fb3";
                        case LEFT, RIGHT -> "#2e8b57";
                        case FULL -> "#8a4fbf";
                        case CROSS -> "#999999";
                    }));
            if (line.type() == TableSource.Join.Type.CROSS) {
                curve.getStrokeDashArray().setAll(6.0, 4.0);
            }
            Tooltip.install(curve, new Tooltip(line.type() + " JOIN " + describe(line)));
            curve.setOnContextMenuRequested(event -> {
                var menu = new ContextMenu();
                for (var type : TableSource.Join.Type.values()) {
                    var item = new MenuItem(type + " JOIN");
                    item.setOnAction(e -> model.setJoinType(line.join(), type));
                    menu.getItems().add(item);
                }
                var remove = new MenuItem("Remove join");
                remove.setOnAction(e -> model.removeJoin(line.join()));
                menu.getItems().add(remove);
                menu.show(curve, event.getScreenX(), event.getScreenY());
            });
            lineLayer.getChildren().add(curve);
        }
    }

    private static String describe(CanvasJoin line) {
        return line.leftColumn() == null
                ? line.leftAlias() + " × " + line.rightAlias()
                : line.leftAlias() + "." + line.leftColumn() + " = " + line.rightAlias() + "." + line.rightColumn();
    }

    /** A column row started a join drag. */
    void startJoinDrag(TableBoxView.ColumnRow source) {
        dragSource = source;
    }

    /** A join drag ended on {@code target}; joins the two columns INNER when they belong to different boxes. */
    void finishJoinDrag(TableBoxView.ColumnRow target) {
        var source = dragSource;
        dragSource = null;
        if (source != null && !source.alias().equals(target.alias())) {
            model.join(source.alias(), source.column(), target.alias(), target.column(), TableSource.Join.Type.INNER);
        }
    }

    /** Converts a point of a box's node into canvas coordinates. */
    Bounds toCanvas(javafx.scene.Node node) {
        return sceneToLocal(node.localToScene(node.getBoundsInLocal()));
    }
}
