package dev.athanor.app.builder;

import dev.athanor.query.edit.FromClause;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.TableSource;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * CTEs, subqueries in FROM and set operations: each nested query is edited with the same canvas and panels,
 * so these controls add one and switch the canvas to it.
 */
final class NestedQueriesPanel extends VBox {
    private final QueryBuilderModel model;
    private final VBox ctes = new VBox(4);
    private final VBox subqueries = new VBox(4);
    private final VBox operands = new VBox(4);

    NestedQueriesPanel(QueryBuilderModel model) {
        super(8);
        this.model = model;
        setPadding(new Insets(8));

        var cteName = new TextField();
        cteName.setId("new-cte-name");
        cteName.setPromptText("CTE name, e.g. helper2");
        var addCte = new Button("Add CTE");
        addCte.setId("add-cte");
        addCte.setOnAction(e -> {
            if (!cteName.getText().isBlank()) {
                model.addCte(cteName.getText());
                cteName.clear();
            }
        });

        var subqueryAlias = new TextField();
        subqueryAlias.setId("new-subquery-alias");
        subqueryAlias.setPromptText("alias, e.g. helper1");
        var addSubquery = new Button("Add subquery in FROM");
        addSubquery.setId("add-subquery");
        addSubquery.setOnAction(e -> {
            String alias = subqueryAlias.getText().strip();
            if (!alias.isEmpty()) {
                model.addSubquery(alias);
                subqueryAlias.clear();
            }
        });

        var operator = new ComboBox<Query.SetOperation.Operator>();
        operator.setId("set-operator");
        operator.getItems().setAll(Query.SetOperation.Operator.values());
        operator.getSelectionModel().selectFirst();
        var all = new CheckBox("ALL");
        all.setId("set-all");
        var combine = new Button("Combine with a new query");
        combine.setId("combine");
        combine.setOnAction(e -> model.combine(operator.getValue(), all.isSelected()));

        getChildren()
                .addAll(
                        ConditionGroupView.caption("CTEs (WITH)"),
                        ctes,
                        row(cteName, addCte),
                        ConditionGroupView.caption("Subqueries in FROM"),
                        subqueries,
                        row(subqueryAlias, addSubquery),
                        ConditionGroupView.caption("Set operation"),
                        operands,
                        row(operator, all, combine));
        model.scopeQueryProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        ctes.getChildren().clear();
        for (var name : model.cteNames()) {
            var edit = new Button("Edit");
            edit.setId("edit-cte-" + name);
            edit.setOnAction(e -> model.enterCte(name));
            var use = new Button("Use in FROM");
            use.setId("use-cte-" + name);
            use.setOnAction(e -> model.addCteReference(name));
            var recursive = new CheckBox("RECURSIVE");
            recursive.setId("recursive-cte-" + name);
            recursive.setSelected(model.cteRecursive(name));
            recursive.setOnAction(e -> model.setCteRecursive(name, recursive.isSelected()));
            var remove = new Button("−");
            remove.setOnAction(e -> model.removeCte(name));
            ctes.getChildren().add(row(new Label(name), edit, use, recursive, remove));
        }
        for (var name : model.ctesVisible().keySet()) {
            if (!model.cteNames().contains(name)) {
                var use = new Button("Use " + name + " in FROM");
                use.setId("use-cte-" + name);
                use.setOnAction(e -> model.addCteReference(name));
                ctes.getChildren().add(row(new Label(name + " (enclosing query)"), use));
            }
        }
        subqueries.getChildren().clear();
        for (var box : FromClause.boxes(model.select())) {
            if (box instanceof TableSource.Derived derived) {
                var edit = new Button("Edit");
                edit.setId("edit-subquery-" + derived.alias());
                edit.setOnAction(e -> model.enterSubquery(derived.alias()));
                subqueries.getChildren().add(row(new Label(derived.alias()), edit));
            }
        }
        operands.getChildren().clear();
        if (model.scopeQueryProperty().get() instanceof Query.SetOperation set) {
            var left = new Button("Edit left query");
            left.setId("edit-left-operand");
            left.setOnAction(e -> model.enterOperand(false));
            var right = new Button("Edit right query");
            right.setId("edit-right-operand");
            right.setOnAction(e -> model.enterOperand(true));
            operands.getChildren().add(row(new Label(set.operator() + (set.all() ? " ALL" : "")), left, right));
        }
    }

    private static HBox row(javafx.scene.Node... nodes) {
        var row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
