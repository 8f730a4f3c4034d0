package dev.athanor.app.builder;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Adds a window function column: function, argument, PARTITION BY, ORDER BY, frame, CAST and label. */
final class WindowsPanel extends VBox {

    WindowsPanel(QueryBuilderModel model) {
        super(8);
        setPadding(new Insets(8));
        var function = new ComboBox<String>();
        function.setId("window-function");
        function.setEditable(true);
        function.getItems()
                .setAll(
                        "avg",
                        "sum",
                        "count",
                        "min",
                        "max",
                        "row_number",
                        "rank",
                        "dense_rank",
                        "percent_rank",
                        "ntile",
                        "lag",
                        "lead",
                        "first_value",
                        "last_value");
        function.getSelectionModel().select("avg");
        var argument = field("window-argument", "r.compensation");
        var partition = field("window-partition", "r.workload");
        var order = field("window-order", "r.created_at DESC");
        var frame = new ComboBox<String>();
        frame.setId("window-frame");
        frame.setEditable(true);
        frame.getItems()
                .setAll(
                        "",
                        "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
                        "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW",
                        "RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING");
        frame.setPrefWidth(360);
        var cast = field("window-cast", "int");
        var label = field("window-label", "avg_workload_compensation");
        var add = new Button("Add window column");
        add.setId("add-window-column");
        var problem = new Label();
        problem.setStyle("-fx-text-fill: #b00020;");
        add.setOnAction(e -> {
            try {
                model.addWindowColumn(
                        function.getEditor().getText(),
                        argument.getText(),
                        partition.getText(),
                        order.getText(),
                        frame.getEditor().getText(),
                        cast.getText(),
                        label.getText());
                problem.setText("");
                argument.clear();
                partition.clear();
                order.clear();
                cast.clear();
                label.clear();
            } catch (IllegalArgumentException wrong) {
                problem.setText(wrong.getMessage());
            }
        });
        var grid = new GridPane(6, 4);
        int row = 0;
        grid.addRow(row++, new Label("Function"), function);
        grid.addRow(row++, new Label("Argument"), argument);
        grid.addRow(row++, new Label("PARTITION BY"), partition);
        grid.addRow(row++, new Label("ORDER BY"), order);
        grid.addRow(row++, new Label("Frame"), frame);
        grid.addRow(row++, new Label("CAST to"), cast);
        grid.addRow(row, new Label("Label"), label);
        getChildren().addAll(ConditionGroupView.caption("Window function"), grid, add, problem);
    }

    private static TextField field(String id, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }
}
