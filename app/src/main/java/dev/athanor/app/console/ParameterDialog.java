package dev.athanor.app.console;

import dev.athanor.query.project.ParameterType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Asks for the values of {@code :name} parameters: one row per name with a type and the value as text. The OK
 * button stays disabled while a value does not fit its type; the reason shows under the rows.
 */
final class ParameterDialog implements ParameterPrompt {
    private final Node owner;

    ParameterDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Map<String, ParameterValue>> ask(List<String> names, Map<String, ParameterValue> remembered) {
        var dialog = new Dialog<Map<String, ParameterValue>>();
        dialog.setTitle("Parameters");
        dialog.setHeaderText(names.size() == 1 ? "Value for :" + names.getFirst() : "Values for the parameters");
        if (owner.getScene() != null) dialog.initOwner(owner.getScene().getWindow());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("parameter-dialog");

        var grid = new GridPane(8, 6);
        grid.setPadding(new Insets(8));
        var note = new Label("Values travel apart from the SQL text (bound), so quotes in them need no escaping.");
        note.getStyleClass().add("parameter-note");
        note.setWrapText(true);
        grid.add(note, 0, 0, 3, 1);
        grid.addRow(1, new Label("Parameter"), new Label("Type"), new Label("Value"));
        var types = new LinkedHashMap<String, ComboBox<ParameterType>>();
        var texts = new LinkedHashMap<String, TextField>();
        int row = 2;
        for (String name : names) {
            var known = remembered.getOrDefault(name, new ParameterValue(ParameterType.TEXT, ""));
            var type = new ComboBox<ParameterType>();
            type.getItems().setAll(ParameterType.values());
            type.setValue(known.type());
            type.setId("type-" + name);
            var text = new TextField(known.text());
            text.setId("value-" + name);
            text.setPrefColumnCount(24);
            text.disableProperty().bind(type.valueProperty().isEqualTo(ParameterType.NULL));
            grid.addRow(row++, new Label(":" + name), type, text);
            types.put(name, type);
            texts.put(name, text);
        }
        var problem = new Label();
        problem.getStyleClass().add("parameter-problem");
        problem.setWrapText(true);
        grid.add(problem, 0, row, 3, 1);
        dialog.getDialogPane().setContent(grid);

        Runnable validate = () -> problem.setText(firstProblem(names, types, texts));
        types.values().forEach(t -> t.valueProperty().addListener((o, a, b) -> validate.run()));
        texts.values().forEach(t -> t.textProperty().addListener((o, a, b) -> validate.run()));
        validate.run();
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(Bindings.isNotEmpty(problem.textProperty()));
        if (!names.isEmpty()) dialog.setOnShown(e -> texts.get(names.getFirst()).requestFocus());

        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) return null;
            var values = new LinkedHashMap<String, ParameterValue>();
            for (String name : names) {
                values.put(
                        name,
                        new ParameterValue(
                                types.get(name).getValue(), texts.get(name).getText()));
            }
            return Map.copyOf(values);
        });
        return dialog.showAndWait();
    }

    private static String firstProblem(
            List<String> names, Map<String, ComboBox<ParameterType>> types, Map<String, TextField> texts) {
        for (String name : names) {
            try {
                new ParameterValue(types.get(name).getValue(), texts.get(name).getText()).value();
            } catch (IllegalArgumentException e) {
                return ":" + name + ": " + e.getMessage();
            }
        }
        return "";
    }
}
