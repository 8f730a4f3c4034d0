package dev.athanor.app.builder;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * A chart of the last result, when it has a category column and a numeric column (a GROUP BY result, typically):
 * bar, line or pie, with the category and value columns chosen by the user.
 */
final class ResultChart extends BorderPane {
    /** Chart kinds offered. */
    enum Kind {
        BAR,
        LINE,
        PIE
    }

    private final ComboBox<Kind> kind = new ComboBox<>();
    private final ComboBox<String> category = new ComboBox<>();
    private final ComboBox<String> value = new ComboBox<>();
    private ResultTable shown;

    ResultChart(QueryBuilderModel model) {
        setId("result-chart");
        kind.setId("chart-kind");
        kind.getItems().setAll(Kind.values());
        kind.getSelectionModel().selectFirst();
        category.setId("chart-category");
        value.setId("chart-value");
        kind.setOnAction(e -> draw());
        category.setOnAction(e -> draw());
        value.setOnAction(e -> draw());
        var controls =
                new HBox(6, new Label("Chart"), kind, new Label("Category"), category, new Label("Value"), value);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4));
        setTop(controls);
        model.resultProperty().addListener((obs, old, result) -> show(result));
        show(model.resultProperty().get());
    }

    /** The chart on show, or {@code null} when the result cannot be charted. */
    Chart chart() {
        return getCenter() instanceof Chart chart ? chart : null;
    }

    private void show(ResultTable result) {
        shown = result;
        if (result == null || !result.chartable()) {
            category.getItems().clear();
            value.getItems().clear();
            setCenter(new Label(
                    result == null
                            ? "Run the query to chart its rows."
                            : "A chart needs a text column and a numeric column (a GROUP BY result, for example)."));
            return;
        }
        var categories = FXCollections.<String>observableArrayList();
        var values = FXCollections.<String>observableArrayList();
        for (int i = 0; i < result.columns().size(); i++) {
            (result.numeric().get(i) ? values : categories).add(result.columns().get(i));
        }
        category.setItems(categories);
        value.setItems(values);
        category.getSelectionModel().select(result.columns().get(result.categoryColumn()));
        value.getSelectionModel().select(result.columns().get(result.valueColumn()));
        draw();
    }

    private void draw() {
        if (shown == null || !shown.chartable() || category.getValue() == null || value.getValue() == null) {
            return;
        }
        int c = shown.columns().indexOf(category.getValue());
        int v = shown.columns().indexOf(value.getValue());
        Chart chart =
                switch (kind.getValue()) {
                    case PIE -> {
                        var pie = new PieChart();
                        for (var row : shown.rows()) {
                            pie.getData().add(new PieChart.Data(String.valueOf(row.get(c)), number(row.get(v))));
                        }
                        yield pie;
                    }
                    case BAR, LINE -> {
                        var x = new CategoryAxis();
                        x.setLabel(category.getValue());
                        var y = new NumberAxis();
                        y.setLabel(value.getValue());
                        var series = new XYChart.Series<String, Number>();
                        series.setName(value.getValue());
                        for (var row : shown.rows()) {
                            series.getData().add(new XYChart.Data<>(String.valueOf(row.get(c)), number(row.get(v))));
                        }
                        XYChart<String, Number> xy;
                        if (kind.getValue() == Kind.BAR) {
                            var bars = new BarChart<>(x, y);
                            int categories = Math.max(1, shown.rows().size());
                            // Bars take at most about half of their category's width, however few there are.
                            bars.widthProperty()
                                    .addListener((obs, was, width) ->
                                            bars.setCategoryGap(Math.max(4, width.doubleValue() / categories * 0.5)));
                            xy = bars;
                        } else {
                            xy = new LineChart<>(x, y);
                        }
                        xy.getData().add(series);
                        xy.setLegendVisible(false);
                        yield xy;
                    }
                };
        chart.setAnimated(false);
        chart.setTitle(value.getValue() + " by " + category.getValue());
        chart.setId("chart");
        setCenter(chart);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
