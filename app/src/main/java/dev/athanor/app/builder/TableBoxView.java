package dev.athanor.app.builder;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One box on the canvas: the alias (double-click to rename) and source in the title, a row per column with a
 * checkbox that puts the column in the select list. The title drags the box; a column row drags a join.
 */
public final class TableBoxView extends VBox {
    private final CanvasTable table;
    private final QueryBuilderModel model;
    private final QueryCanvas canvas;
    private final HBox title;
    private final java.util.Map<String, ColumnRow> rows = new java.util.HashMap<>();
    private double dragX;
    private double dragY;

    TableBoxView(CanvasTable table, QueryBuilderModel model, QueryCanvas canvas) {
        this.table = table;
        this.model = model;
        this.canvas = canvas;
        setId("box-" + table.alias());
        getStyleClass().addAll("table-box", "table-box-" + table.kind().name().toLowerCase(java.util.Locale.ROOT));
        setMinWidth(170);
        setMaxWidth(Region.USE_PREF_SIZE);

        var alias = new Label(table.alias());
        alias.setId("alias-" + table.alias());
        alias.setStyle("-fx-font-weight: bold; -fx-text-fill: white;");
        alias.setTooltip(new Tooltip("Double-click to rename the alias"));
        var source = new Label(table.source());
        source.setStyle("-fx-text-fill: #dde6f0; -fx-font-size: 0.9em;");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var remove = new Button("×");
        remove.setId("remove-" + table.alias());
        remove.setStyle("-fx-background-color: transparent; -fx-text-fill: white; -fx-padding: 0 4 0 4;");
        remove.setTooltip(new Tooltip("Remove this table from the query"));
        remove.setOnAction(e -> model.removeTable(table.alias()));
        title = new HBox(6, alias, source, spacer, remove);
        title.setAlignment(Pos.CENTER_LEFT);
        title.setPadding(new Insets(3, 6, 3, 6));
        title.setStyle("-fx-background-color: " + titleColour(table.kind()) + "; -fx-background-radius: 4 4 0 0;");
        getChildren().add(title);

        alias.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                editAlias(alias);
            }
        });
        title.setOnMousePressed(event -> {
            dragX = event.getSceneX() - getLayoutX();
            dragY = event.getSceneY() - getLayoutY();
        });
        title.setOnMouseDragged(event -> {
            double x = Math.max(0, event.getSceneX() - dragX);
            double y = Math.max(0, event.getSceneY() - dragY);
            relocate(x, y);
        });
        title.setOnMouseReleased(event -> model.moveTable(table.alias(), getLayoutX(), getLayoutY()));

        if (table.kind() == CanvasTable.Kind.SUBQUERY) {
            var open = new Button("Edit subquery");
            open.setId("edit-" + table.alias());
            open.setOnAction(e -> model.enterSubquery(table.alias()));
            open.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(open);
        }
        for (var column : table.columns()) {
            var row = new ColumnRow(column);
            rows.put(column.name(), row);
            getChildren().add(row);
        }
        setPadding(new Insets(0, 0, 4, 0));
    }

    private static String titleColour(CanvasTable.Kind kind) {
        return switch (kind) {
            case TABLE -> "#3f5f86";
            case CTE -> "#6a4f8a";
            case SUBQUERY -> "#3f7f6a";
            case RAW -> "#777777";
        };
    }

    private void editAlias(Label alias) {
        var field = new TextField(table.alias());
        field.setId("alias-editor");
        field.setPrefColumnCount(8);
        int index = title.getChildren().indexOf(alias);
        title.getChildren().set(index, field);
        field.requestFocus();
        field.selectAll();
        Runnable commit = () -> model.renameAlias(table.alias(), field.getText());
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
    }

    /** Frames the box in red with the problems' messages as tooltip, or restores the normal frame. */
    void markProblems(java.util.List<dev.athanor.query.validate.ValidationProblem> problems) {
        ProblemMarks.mark(this, title, problems);
    }

    /** Where a line to {@code column} (or to the title, for {@code null}) attaches, in canvas coordinates. */
    Bounds anchorBounds(String column) {
        var node = column == null ? title : rows.get(column);
        if (node == null) {
            node = title;
        }
        var inBox = node.getBoundsInParent();
        return new javafx.geometry.BoundingBox(
                getLayoutX() + inBox.getMinX(),
                getLayoutY() + inBox.getMinY(),
                getWidth() > 0 ? getWidth() : inBox.getWidth(),
                inBox.getHeight());
    }

    /** The checkbox of {@code column}, for tests and page objects. */
    public CheckBox checkbox(String column) {
        var row = rows.get(column);
        return row == null ? null : row.check;
    }

    /** One column of the box: checkbox, name, type. */
    final class ColumnRow extends HBox {
        private final CanvasTable.CanvasColumn column;
        private final CheckBox check = new CheckBox();

        ColumnRow(CanvasTable.CanvasColumn column) {
            super(6);
            this.column = column;
            setId("column-" + table.alias() + "-" + column.name());
            setAlignment(Pos.CENTER_LEFT);
            setPadding(new Insets(1, 8, 1, 6));
            check.setSelected(column.selected());
            check.setId("check-" + table.alias() + "-" + column.name());
            check.setOnAction(e -> model.setColumnSelected(table.alias(), column.name(), check.isSelected()));
            var name = new Label(column.name());
            if (column.key() || column.foreignKey()) {
                var badge = new Label(column.key() ? "PK" : "FK");
                badge.setStyle(
                        "-fx-font-size: 0.75em; -fx-text-fill: white; -fx-padding: 0 3 0 3; -fx-background-radius: 3;"
                                + " -fx-background-color: " + (column.key() ? "#c08a1e" : "#5b7fa8") + ";");
                name.setGraphic(badge);
            }
            var type = new Label(column.type());
            type.setStyle("-fx-text-fill: #7a7a7a; -fx-font-size: 0.9em;");
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            getChildren().addAll(check, name, spacer, type);
            setOnDragDetected(event -> {
                canvas.startJoinDrag(this);
                startFullDrag();
                event.consume();
            });
            setOnMouseDragEntered(event -> setStyle("-fx-background-color: #dbe9ff;"));
            setOnMouseDragExited(event -> setStyle(""));
            setOnMouseDragReleased(event -> {
                setStyle("");
                canvas.finishJoinDrag(this);
                event.consume();
            });
            Tooltip.install(this, new Tooltip("Drag onto a column of another table to join on it"));
        }

        String alias() {
            return table.alias();
        }

        String column() {
            return column.name();
        }
    }
}
