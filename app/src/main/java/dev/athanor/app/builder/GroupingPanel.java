package dev.athanor.app.builder;

import dev.athanor.query.model.Grouping;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** GROUP BY expressions and the HAVING condition. */
final class GroupingPanel extends VBox {
    private final QueryBuilderModel model;
    private final VBox keys = new VBox(4);
    private final ComboBox<String> choice = new ComboBox<>();

    GroupingPanel(QueryBuilderModel model) {
        super(8);
        this.model = model;
        setPadding(new Insets(8));
        choice.setId("group-by-expression");
        choice.setEditable(true);
        choice.setPromptText("column or expression");
        choice.setPrefWidth(260);
        Completion.attach(choice.getEditor(), model::expressionChoices);
        var add = new Button("Add to GROUP BY");
        add.setId("add-group-by");
        add.setOnAction(e -> {
            String text = choice.getEditor().getText();
            if (text != null && !text.isBlank()) {
                model.addGroupBy(text);
                choice.getEditor().clear();
            }
        });
        var adder = new HBox(4, choice, add);
        adder.setAlignment(Pos.CENTER_LEFT);
        var having =
                new FiltersPanel(model, "having", "HAVING", () -> model.select().having(), model::setHaving);
        having.setPadding(Insets.EMPTY);
        getChildren().addAll(ConditionGroupView.caption("GROUP BY"), keys, adder, having);
        model.scopeQueryProperty().addListener((obs, old, now) -> rebuild());
        model.problems().addListener((javafx.collections.ListChangeListener<Object>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        keys.getChildren().clear();
        var groupBy = model.select().groupBy();
        for (int i = 0; i < groupBy.size(); i++) {
            int index = i;
            String text = groupBy.get(i) instanceof Grouping.By by
                    ? ExpressionText.format(by.expression())
                    : groupBy.get(i).toString();
            var remove = new Button("−");
            remove.setId("group-by-remove-" + i);
            remove.setOnAction(e -> model.removeGroupBy(index));
            var row = new HBox(6, new Label(text), remove);
            row.setId("group-by-" + i);
            ProblemMarks.mark(row, model.problemsAt("groupBy[" + i + "]"));
            row.setAlignment(Pos.CENTER_LEFT);
            keys.getChildren().add(row);
        }
        choice.getItems()
                .setAll(model.tables().stream()
                        .flatMap(t -> t.columns().stream().map(c -> t.alias() + "." + c.name()))
                        .toList());
    }
}
