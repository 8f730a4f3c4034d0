package dev.athanor.app.builder;

import dev.athanor.query.edit.FromClause;
import dev.athanor.query.model.TableSource;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The joins of the current query: type and condition of each, editable. */
final class JoinsPanel extends VBox {
    private final QueryBuilderModel model;
    private final VBox rows = new VBox(6);

    JoinsPanel(QueryBuilderModel model) {
        super(8);
        this.model = model;
        setPadding(new Insets(8));
        getChildren().addAll(ConditionGroupView.caption("Joins"), rows);
        model.scopeQueryProperty().addListener((obs, old, now) -> rebuild());
        model.problems().addListener((javafx.collections.ListChangeListener<Object>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        rows.getChildren().clear();
        var joins = model.joins();
        for (int i = 0; i < joins.size(); i++) {
            int index = i;
            var join = joins.get(i);
            var type = new ComboBox<TableSource.Join.Type>();
            type.setId("join-type-" + i);
            type.getItems().setAll(TableSource.Join.Type.values());
            type.getSelectionModel().select(join.type());
            type.setOnAction(e -> {
                if (type.getValue() != join.type()) {
                    model.setJoinType(index, type.getValue());
                }
            });
            var condition = new TextField(join.on() == null ? "" : ExpressionText.formatPredicate(join.on()));
            condition.setId("join-condition-" + i);
            condition.setDisable(join.type() == TableSource.Join.Type.CROSS);
            condition.setOnAction(e -> model.setJoinCondition(index, condition.getText()));
            HBox.setHgrow(condition, Priority.ALWAYS);
            var remove = new Button("−");
            remove.setId("join-remove-" + i);
            remove.setOnAction(e -> model.removeJoin(index));
            String sides = String.join(", ", FromClause.leftNames(join)) + " ⋈ "
                    + String.join(", ", FromClause.rightNames(join));
            var row = new HBox(6, new Label(sides), type, new Label("ON"), condition, remove);
            row.setId("join-" + i);
            ProblemMarks.mark(
                    row, model.problemsAt(FromClause.joinPaths(model.select()).get(i) + ".on"));
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
        if (joins.isEmpty()) {
            rows.getChildren()
                    .add(new Label("Drag a column onto a column of another table, or accept a suggested join."));
        }
    }
}
