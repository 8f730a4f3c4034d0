package dev.athanor.app.builder;

import dev.athanor.query.model.SelectItem;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The select list: one editable row per item (expression and label), and a row to add an expression with an
 * aggregate and a CAST, e.g. {@code avg(compensation)::int AS avg_compensation}.
 */
final class ColumnsPanel extends VBox {
    private final QueryBuilderModel model;
    private final VBox items = new VBox(4);

    ColumnsPanel(QueryBuilderModel model) {
        super(8);
        this.model = model;
        setPadding(new Insets(8));

        var expression = new TextField();
        expression.setId("new-column-expression");
        expression.setPromptText("r.compensation, a - b, lower(name), *");
        HBox.setHgrow(expression, Priority.ALWAYS);
        var aggregate = new ComboBox<String>();
        aggregate.setId("new-column-aggregate");
        aggregate.getItems().setAll("", "count", "sum", "avg", "min", "max", "count distinct");
        aggregate.setPromptText("aggregate");
        var cast = new TextField();
        cast.setId("new-column-cast");
        cast.setPromptText("CAST to");
        cast.setPrefColumnCount(6);
        var label = new TextField();
        label.setId("new-column-label");
        label.setPromptText("label");
        label.setPrefColumnCount(10);
        var add = new Button("Add column");
        add.setId("add-column");
        add.setOnAction(e -> {
            String text = expression.getText().strip();
            String function = aggregate.getValue() == null ? "" : aggregate.getValue();
            if (text.isEmpty() && !function.startsWith("count")) {
                return;
            }
            if (!function.isEmpty()) {
                text = function.equals("count distinct")
                        ? "count(DISTINCT " + text + ")"
                        : function + "(" + (text.isEmpty() ? "*" : text) + ")";
            }
            if (!cast.getText().isBlank()) {
                text = "CAST(" + text + " AS " + cast.getText().strip() + ")";
            }
            model.addColumn(text, label.getText());
            expression.clear();
            cast.clear();
            label.clear();
            aggregate.getSelectionModel().clearSelection();
        });
        var adder = new HBox(4, expression, aggregate, cast, new Label("AS"), label, add);
        adder.setAlignment(Pos.CENTER_LEFT);

        getChildren()
                .addAll(ConditionGroupView.caption("Select list"), items, ConditionGroupView.caption("Add"), adder);
        model.scopeQueryProperty().addListener((obs, old, now) -> rebuild());
        model.problems().addListener((javafx.collections.ListChangeListener<Object>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        items.getChildren().clear();
        var list = model.select().items();
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            var item = list.get(i);
            var expression = new TextField(
                    switch (item) {
                        case SelectItem.Value value -> ExpressionText.format(value.expression());
                        case SelectItem.AllColumns all -> all.table() == null ? "*" : all.table() + ".*";
                    });
            expression.setId("column-expression-" + i);
            HBox.setHgrow(expression, Priority.ALWAYS);
            var label =
                    new TextField(item instanceof SelectItem.Value value && value.label() != null ? value.label() : "");
            label.setId("column-label-" + i);
            label.setPrefColumnCount(10);
            label.setDisable(item instanceof SelectItem.AllColumns);
            String shownExpression = expression.getText();
            String shownLabel = label.getText();
            Runnable commit = () -> {
                // Only typed changes are read back: text shown for a node the cell cannot spell (a CASE, a
                // subquery) must not replace the node itself.
                boolean changed = !expression.getText().equals(shownExpression)
                        || !label.getText().equals(shownLabel);
                if (changed && !expression.getText().isBlank()) {
                    model.setColumn(index, expression.getText(), label.getText());
                }
            };
            expression.setOnAction(e -> commit.run());
            label.setOnAction(e -> commit.run());
            expression.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) commit.run();
            });
            label.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) commit.run();
            });
            var up = new Button("↑");
            up.setOnAction(e -> model.moveColumn(index, -1));
            var down = new Button("↓");
            down.setOnAction(e -> model.moveColumn(index, 1));
            var remove = new Button("−");
            remove.setId("column-remove-" + i);
            remove.setTooltip(new Tooltip("Remove from the select list"));
            remove.setOnAction(e -> model.removeColumn(index));
            var row = new HBox(4, expression, new Label("AS"), label, up, down, remove);
            row.setId("column-row-" + i);
            ProblemMarks.mark(row, model.problemsAt("items[" + i + "]"));
            row.setAlignment(Pos.CENTER_LEFT);
            items.getChildren().add(row);
        }
        if (list.isEmpty()) {
            items.getChildren().add(new Label("Tick columns in the boxes, or add expressions below."));
        }
    }
}
