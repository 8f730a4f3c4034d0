package dev.athanor.app.graph;

import dev.athanor.model.lab.StrategyOutcome;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The strategy lab: the scenario (parents, relationship path, runs), the outcomes of every strategy side by side
 * as a table (statements, rows transferred, duplicated parent rows, time) and as bar charts, the recommendation
 * with its reason, and the statements of the selected strategy.
 */
public final class StrategyLabView extends BorderPane {
    private final StrategyLabModel model;
    private final TableView<StrategyOutcome> table = new TableView<>();
    private final BarChart<String, Number> statements = chart("Statements sent", "lab-chart-statements");
    private final BarChart<String, Number> rows = chart("Rows transferred", "lab-chart-rows");
    private final BarChart<String, Number> time = chart("Median time (ms)", "lab-chart-time");

    public StrategyLabView(StrategyLabModel model) {
        this.model = model;
        getStyleClass().add("strategy-lab");

        var form = new GridPane(8, 6);
        form.setPadding(new Insets(6, 8, 6, 8));
        form.addRow(
                0,
                new Label("Parents: table"),
                field("lab-table", model.tableProperty(), 10),
                new Label("where"),
                field("lab-where", model.whereProperty(), 16),
                new Label("limit"),
                spinner("lab-limit", model.limitProperty(), 0, 100_000, 100));
        form.addRow(
                1,
                new Label("or query (SQL)"),
                field("lab-query", model.parentsQueryProperty(), 10),
                new Label("load path"),
                field("lab-path", model.pathProperty(), 16),
                new Label("runs"),
                spinner("lab-runs", model.runsProperty(), 1, 20, 1));
        var run = new Button("Run every strategy");
        run.setId("lab-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        var progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.runningProperty());
        form.addRow(
                2,
                new Label("contains_eager filter"),
                field("lab-eager-filter", model.eagerFilterProperty(), 16),
                new HBox(6, run, progress));
        GridPane.setColumnSpan(form.getChildren().getLast(), 3);

        var scenario = new Label();
        scenario.setId("lab-scenario");
        scenario.textProperty().bind(model.scenarioProperty());
        var recommendation = new Label();
        recommendation.setId("lab-recommendation");
        recommendation.getStyleClass().add("recommendation");
        recommendation.setWrapText(true);
        recommendation.textProperty().bind(model.recommendationProperty());
        var problem = new Label();
        problem.setId("lab-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty()
                .bind(model.problemProperty()
                        .map(p -> p.title() + ": " + p.message())
                        .orElse(""));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        table.setId("lab-table-results");
        table.setPlaceholder(new Label("Run the scenario to compare the strategies."));
        table.getColumns()
                .setAll(java.util.List.of(
                        column("Strategy", 100, o -> o.strategy().label()),
                        column(
                                "Statements",
                                80,
                                o -> o.applicable() ? String.format(Locale.ROOT, "%,d", o.statementCount()) : "–"),
                        column(
                                "Rows",
                                70,
                                o -> o.applicable() ? String.format(Locale.ROOT, "%,d", o.rowsReceived()) : "–"),
                        column(
                                "Duplicated parents",
                                125,
                                o -> o.applicable() ? String.format(Locale.ROOT, "%,d", o.duplicateParentRows()) : "–"),
                        column(
                                "Time (median)",
                                100,
                                o -> o.applicable() && o.error().isEmpty() ? millis(o) : "–"),
                        column("Outcome", 700, StrategyLabView::outcome)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.outcomes());
        model.outcomes().addListener((ListChangeListener<StrategyOutcome>) change -> showCharts());

        var sql = new TextArea();
        sql.setId("lab-sql");
        sql.setEditable(false);
        sql.setWrapText(true);
        sql.getStyleClass().add("ddl");
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, outcome) -> sql.setText(outcome == null ? "" : statementsOf(outcome)));

        var charts = new HBox(4, statements, rows, time);
        charts.setId("lab-charts");
        for (var chart : java.util.List.of(statements, rows, time)) HBox.setHgrow(chart, Priority.ALWAYS);
        var lower = new SplitPane(charts, sql);
        lower.setDividerPositions(0.68);
        var body = new SplitPane(table, lower);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.42);
        var head = new VBox(2, form, scenario, recommendation, problem);
        head.setPadding(new Insets(0, 8, 4, 8));
        setTop(head);
        setCenter(body);
    }

    private void showCharts() {
        fill(statements, o -> o.statementCount());
        fill(rows, o -> o.rowsReceived());
        fill(time, o -> o.time().toNanos() / 1e6);
    }

    private void fill(BarChart<String, Number> chart, ToDoubleFunction<StrategyOutcome> value) {
        var series = new XYChart.Series<String, Number>();
        for (StrategyOutcome outcome : model.outcomes()) {
            if (!outcome.applicable() || outcome.error().isPresent()) continue;
            series.getData().add(new XYChart.Data<>(outcome.strategy().label(), value.applyAsDouble(outcome)));
        }
        chart.getData().setAll(java.util.List.of(series));
    }

    private static String outcome(StrategyOutcome outcome) {
        if (!outcome.applicable())
            return "not applicable: " + outcome.notApplicable().get();
        if (outcome.error().isPresent()) return "fails: " + outcome.error().get();
        String text = outcome.parents() + " parents";
        if (outcome.duplicateParentRows() > 0) {
            text += String.format(Locale.ROOT, ", each parent row received %.1f times", outcome.parentRepetition());
        }
        if (!outcome.warnings().isEmpty())
            text += " · N+1 warning: " + outcome.warnings().getFirst().lazyLoads() + " lazy loads, use "
                    + outcome.warnings().getFirst().suggested().label();
        return text;
    }

    private static String millis(StrategyOutcome outcome) {
        return String.format(Locale.ROOT, "%.1f ms", outcome.time().toNanos() / 1e6);
    }

    private static String statementsOf(StrategyOutcome outcome) {
        var shown = outcome.statements();
        var text = new StringBuilder("-- " + outcome.summary() + "\n\n");
        int limit = Math.min(shown.size(), 20);
        for (int i = 0; i < limit; i++) {
            var statement = shown.get(i);
            text.append("-- ")
                    .append(i + 1)
                    .append(". ")
                    .append(statement.purpose())
                    .append(", ")
                    .append(statement.rows())
                    .append(" rows\n")
                    .append(statement.sql())
                    .append(";\n\n");
        }
        if (shown.size() > limit)
            text.append("-- … ").append(shown.size() - limit).append(" more statements\n");
        return text.toString();
    }

    private static BarChart<String, Number> chart(String title, String id) {
        var chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setMinWidth(200);
        return chart;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, int columns) {
        var field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Spinner<Integer> spinner(
            String id, javafx.beans.property.IntegerProperty value, int min, int max, int step) {
        var spinner = new Spinner<Integer>(min, max, value.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(100);
        spinner.valueProperty().addListener((obs, old, now) -> value.set(now == null ? min : now));
        return spinner;
    }

    private static TableColumn<StrategyOutcome, String> column(
            String name, double width, Function<StrategyOutcome, String> text) {
        var column = new TableColumn<StrategyOutcome, String>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return column;
    }

    /** The results table, for tests and screenshots. */
    public TableView<StrategyOutcome> table() {
        return table;
    }

    public StrategyLabModel model() {
        return model;
    }
}
