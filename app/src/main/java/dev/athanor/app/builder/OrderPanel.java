package dev.athanor.app.builder;

import dev.athanor.query.model.SortItem;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** ORDER BY keys, DISTINCT, LIMIT and OFFSET. */
final class OrderPanel extends VBox {
    private final QueryBuilderModel model;
    private final VBox keys = new VBox(4);
    private final CheckBox distinct = new CheckBox("DISTINCT");
    private final TextField limit = new TextField();
    private final TextField offset = new TextField();
    private final ComboBox<String> expression = new ComboBox<>();

    OrderPanel(QueryBuilderModel model) {
        super(8);
        this.model = model;
        setPadding(new Insets(8));
        expression.setId("order-expression");
        expression.setEditable(true);
        expression.setPromptText("column, label or expression");
        expression.setPrefWidth(240);
        Completion.attach(expression.getEditor(), model::expressionChoices);
        var direction = new ComboBox<SortItem.Direction>();
        direction.setId("order-direction");
        direction.getItems().setAll(SortItem.Direction.values());
        direction.getSelectionModel().selectFirst();
        var add = new Button("Add to ORDER BY");
        add.setId("add-order-by");
        add.setOnAction(e -> {
            String text = expression.getEditor().getText();
            if (text != null && !text.isBlank()) {
                model.addOrderBy(text, direction.getValue());
                expression.getEditor().clear();
            }
        });
        distinct.setId("distinct");
        distinct.setOnAction(e -> model.setDistinct(distinct.isSelected()));
        limit.setId("limit");
        limit.setPromptText("LIMIT");
        limit.setPrefColumnCount(6);
        limit.setOnAction(e -> model.setLimit(limit.getText()));
        limit.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) model.setLimit(limit.getText());
        });
        offset.setId("offset");
        offset.setPromptText("OFFSET");
        offset.setPrefColumnCount(6);
        offset.setOnAction(e -> model.setOffset(offset.getText()));
        offset.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) model.setOffset(offset.getText());
        });
        getChildren()
                .addAll(
                        ConditionGroupView.caption("ORDER BY"),
                        keys,
                        row(expression, direction, add),
                        ConditionGroupView.caption("Rows"),
                        row(distinct, new Label("LIMIT"), limit, new Label("OFFSET"), offset));
        model.scopeQueryProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        keys.getChildren().clear();
        var select = model.select();
        var orderBy = select.orderBy();
        for (int i = 0; i < orderBy.size(); i++) {
            int index = i;
            var remove = new Button("−");
            remove.setId("order-remove-" + i);
            remove.setOnAction(e -> model.removeOrderBy(index));
            var row = row(new Label(ExpressionText.formatSort(orderBy.get(i))), remove);
            row.setId("order-" + i);
            ProblemMarks.mark(row, model.problemsAt("orderBy[" + i + "]"));
            keys.getChildren().add(row);
        }
        distinct.setSelected(select.distinct());
        limit.setText(select.limit() == null ? "" : ExpressionText.format(select.limit()));
        offset.setText(select.offset() == null ? "" : ExpressionText.format(select.offset()));
        expression.getItems().setAll(model.expressionChoices());
    }

    private static HBox row(javafx.scene.Node... nodes) {
        var row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
