package dev.athanor.app.builder;

import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Values for the {@code :name} parameters the query uses, for the preview and for runs. */
final class ParametersPanel extends VBox {
    private final QueryBuilderModel model;
    private final VBox values = new VBox(4);

    ParametersPanel(QueryBuilderModel model) {
        super(6);
        this.model = model;
        setPadding(new Insets(8));
        var name = new TextField();
        name.setId("parameter-name");
        name.setPromptText("name (without :)");
        name.setPrefColumnCount(10);
        var value = new TextField();
        value.setId("parameter-value");
        value.setPromptText("value");
        var set = new Button("Set value");
        set.setId("set-parameter");
        set.setOnAction(e -> {
            String key = name.getText().strip().replaceFirst("^:", "");
            if (!key.isEmpty()) {
                model.parameterValues().put(key, value.getText());
                name.clear();
                value.clear();
            }
        });
        var row = new HBox(6, new Label(":"), name, new Label("="), value, set);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(ConditionGroupView.caption("Parameters"), values, row);
        model.parameterValues().addListener((MapChangeListener<String, String>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        values.getChildren().clear();
        model.parameterValues().forEach((name, value) -> {
            var remove = new Button("−");
            remove.setOnAction(e -> model.parameterValues().remove(name));
            var row = new HBox(6, new Label(":" + name + " = " + value), remove);
            row.setAlignment(Pos.CENTER_LEFT);
            values.getChildren().add(row);
        });
    }
}
