package dev.athanor.app.window;

import dev.athanor.app.builder.QueryBuilderView;
import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.connect.PasswordPrompt;
import dev.athanor.app.console.SqlConsole;
import dev.athanor.app.echo.EchoLogView;
import dev.athanor.app.graph.ObjectGraphModel;
import dev.athanor.app.graph.ObjectGraphView;
import dev.athanor.app.graph.StrategyLabModel;
import dev.athanor.app.graph.StrategyLabView;
import dev.athanor.app.problem.ProblemView;
import dev.athanor.app.results.ResultColumn;
import dev.athanor.app.results.ResultRow;
import dev.athanor.app.results.ResultsGrid;
import dev.athanor.app.results.ResultsModel;
import dev.athanor.app.schema.CatalogSnapshot;
import dev.athanor.app.schema.ObjectDetailsView;
import dev.athanor.app.schema.SchemaTreeView;
import dev.athanor.app.session.SessionPanel;
import dev.athanor.app.session.TableEditTab;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.lab.StrategyLab;
import dev.athanor.model.relationship.Relationships;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The main window's layout: toolbar with the connection selector, the work area (schema explorer and SQL
 * console tabs), the echo log and the status bar. It only binds to {@link MainModel} and forwards actions.
 */
public final class MainWindow extends BorderPane {
    /** Where the echo log says the Data tab's statements come from. */
    public static final String TABLE_DATA_ORIGIN = "table data";

    private final MainModel model;
    private ResultsModel tableData;
    private SqlConsole console;
    private final StackPane workArea = new StackPane();
    private final TabPane mainTabs = new TabPane();
    private final Tab schemaTab = new Tab("Schema");
    private final Tab consoleTab = new Tab("SQL console");
    private final Tab builderTab = new Tab("Query builder");
    private final Tab sessionTab = new Tab("Session");
    private final Tab graphTab = new Tab("Object graph");
    private ObjectGraphView graphView;
    private final Tab labTab = new Tab("Strategy lab");
    private StrategyLabView labView;
    private TableEditTab editTab;
    private QueryBuilderView builder;
    private java.nio.file.Path recentProjects;
    private final ComboBox<ConnectionChoice> selector = new ComboBox<>();
    private final EchoLogView echoView;
    private final SplitPane workAndEcho;
    private SchemaTreeView treeView;
    private ObjectDetailsView detailsView;
    private boolean showingChoice;
    private LeaveDialog leaveDialog;

    /** @param openConnections opens the connection dialog */
    public MainWindow(MainModel model, Runnable openConnections) {
        this.model = model;
        getStyleClass().add("main-window");

        selector.setId("connection-selector");
        selector.setItems(model.choices());
        selector.setCellFactory(list -> new ChoiceCell());
        selector.setButtonCell(new ChoiceCell());
        selector.setPrefWidth(220);
        selector.valueProperty().addListener((obs, old, choice) -> {
            if (!showingChoice
                    && choice != null
                    && !choice.equals(model.currentProperty().get())) {
                model.connect(choice);
            }
        });
        model.currentProperty().addListener((obs, old, choice) -> showChoice(choice));
        model.choices().addListener((javafx.collections.ListChangeListener<ConnectionChoice>)
                change -> showChoice(model.currentProperty().get()));

        var connections = new Button("Connections…");
        connections.setId("open-connections");
        connections.setTooltip(new Tooltip("Create, edit, test and delete connection profiles"));
        connections.setOnAction(e -> openConnections.run());

        var toolbar = new ToolBar(new Label("Connection:"), selector, connections);
        setTop(toolbar);

        schemaTab.setClosable(false);
        schemaTab.setId("tab-schema");
        consoleTab.setClosable(false);
        consoleTab.setId("tab-console");
        builderTab.setClosable(false);
        builderTab.setId("tab-builder");
        sessionTab.setClosable(false);
        sessionTab.setId("tab-session");
        graphTab.setClosable(false);
        graphTab.setId("tab-graph");
        labTab.setClosable(false);
        labTab.setId("tab-lab");
        mainTabs.getTabs().setAll(schemaTab, consoleTab, builderTab, sessionTab, graphTab, labTab);
        mainTabs.setId("main-tabs");
        mainTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (detailsView != null) {
                detailsView.setInSight(tab == schemaTab);
            }
        });

        echoView = new EchoLogView(model.echo());
        workAndEcho = new SplitPane(workArea, echoView);
        workAndEcho.setOrientation(Orientation.VERTICAL);
        workAndEcho.setDividerPositions(0.70);
        SplitPane.setResizableWithParent(echoView, false);
        setCenter(workAndEcho);
        setBottom(new StatusBar(model.status()));

        model.stateProperty().addListener((obs, old, state) -> show(state));
        show(model.stateProperty().get());
        model.leaveQuestionProperty().addListener((obs, old, question) -> ask(question));

        var poll = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.pollPool()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private void show(WindowState state) {
        closeTableData();
        if (editTab != null) {
            editTab.close();
            editTab = null;
        }
        if (!(state instanceof WindowState.Connected)) {
            console = null;
            consoleTab.setContent(null);
            sessionTab.setContent(null);
            graphTab.setContent(null);
            graphView = null;
            labTab.setContent(null);
            labView = null;
            closeBuilder();
        }
        switch (state) {
            case null -> workArea.getChildren().setAll(progress("Starting…"));
            case WindowState.Connecting connecting -> workArea.getChildren().setAll(progress(connecting.step()));
            case WindowState.AskingPassword asking ->
                workArea.getChildren().setAll(centred(new PasswordPrompt(asking.target(), model::submitPassword)));
            case WindowState.Failed failed ->
                workArea.getChildren().setAll(centred(new ProblemView(failed.problem(), model::retry)));
            case WindowState.Connected connected -> {
                treeView = new SchemaTreeView(connected.tree());
                detailsView = new ObjectDetailsView(
                        connected.details(), sql -> tableData(connected, sql), this::closeTableData);
                editTab = new TableEditTab(connected.session());
                detailsView.tabs().getTabs().add(editTab);
                var edited = editTab;
                connected.details().detailsProperty().addListener((obs, old, shown) -> {
                    boolean rows = shown != null && shown.object().kind().hasColumns();
                    edited.show(
                            rows ? shown.object().schema() : null,
                            rows ? shown.object().name() : null);
                });
                sessionTab.setContent(new SessionPanel(connected.session()));
                graphView = new ObjectGraphView(new ObjectGraphModel(connected.session()::run));
                graphTab.setContent(graphView);
                labView = new StrategyLabView(new StrategyLabModel(model.activity(), () -> {
                    if (!(connected.tree().snapshotProperty().get() instanceof CatalogSnapshot loaded)) {
                        throw new IllegalStateException("The catalog is still loading; try again in a moment.");
                    }
                    return new StrategyLab(
                            connected.database().engine(), loaded.catalog(), Relationships.infer(loaded.catalog()));
                }));
                labTab.setContent(labView);
                editTab.setOnOpenGraph(row -> {
                    var mapping = row.mapping();
                    row.key().ifPresent(key -> {
                        graphView.model().openRow(mapping.name(), mapping.primaryKey(), key.values());
                        mainTabs.getSelectionModel().select(graphTab);
                    });
                });
                console = new SqlConsole(connected.console());
                consoleTab.setContent(console);
                closeBuilder();
                builder = QueryBuilderView.forWindow(
                        connected.builder(),
                        model.activity(),
                        console.editor()::getText,
                        sql -> {
                            console.editor().replaceText(sql);
                            mainTabs.getSelectionModel().select(consoleTab);
                        },
                        recentProjects,
                        connected
                                .tree()
                                .snapshotProperty()
                                .map(snapshot -> snapshot instanceof CatalogSnapshot loaded ? loaded.catalog() : null));
                builderTab.setContent(builder);
                var explorer = new SplitPane(treeView, detailsView);
                explorer.setDividerPositions(0.28);
                SplitPane.setResizableWithParent(treeView, false);
                var treeProblem = new StackPane(explorer);
                connected.tree().problemProperty().addListener((obs, old, problem) -> {
                    treeProblem
                            .getChildren()
                            .setAll(
                                    problem == null
                                            ? explorer
                                            : centred(new ProblemView(problem, connected.tree()::refresh)));
                });
                schemaTab.setContent(treeProblem);
                workArea.getChildren().setAll(mainTabs);
            }
        }
    }

    /**
     * Asks whether to commit or roll back before leaving, or to stay; the dialog does not block, it answers the
     * model when closed. No question (answered, or withdrawn) puts the selector back on the current connection.
     */
    private void ask(LeaveQuestion question) {
        if (question == null) {
            if (leaveDialog != null) leaveDialog.close();
            showChoice(model.currentProperty().get());
            return;
        }
        var dialog = new LeaveDialog(question);
        leaveDialog = dialog;
        if (getScene() != null) dialog.initOwner(getScene().getWindow());
        dialog.setOnHidden(e -> {
            leaveDialog = null;
            var answer = dialog.getResult();
            if (answer == LeaveDialog.COMMIT) model.commitAndLeave();
            else if (answer == LeaveDialog.ROLL_BACK) model.rollBackAndLeave();
            else model.stay();
        });
        dialog.show();
    }

    /** The leave question showing, or null. */
    public LeaveDialog leaveDialog() {
        return leaveDialog;
    }

    /** A results grid streaming {@code sql} through a server-side cursor; the previous one is closed. */
    private Node tableData(WindowState.Connected connected, String sql) {
        closeTableData();
        tableData =
                new ResultsModel(model.activity(), () -> connected.database().connection(TABLE_DATA_ORIGIN));
        tableData.showQuery(sql, List.of());
        var grid = new ResultsGrid(tableData);
        var shown = connected.details().detailsProperty().get();
        if (shown != null
                && connected.tree().snapshotProperty().get() instanceof CatalogSnapshot loaded
                && graphView != null) {
            var table =
                    new QualifiedName(shown.object().schema(), shown.object().name());
            var data = tableData;
            loaded.catalog()
                    .relation(table)
                    .flatMap(Relation::primaryKey)
                    .ifPresent(key -> grid.addRowAction(
                            "Open object graph",
                            row -> openGraph(
                                    table, key.columns(), data.columnsProperty().get(), row)));
        }
        return grid;
    }

    /** Opens the object graph of a Data tab row, found by its primary key's values in the row. */
    private void openGraph(QualifiedName table, List<String> keyColumns, List<ResultColumn> columns, ResultRow row) {
        var names = columns.stream().map(ResultColumn::name).toList();
        if (!names.containsAll(keyColumns)) return;
        var key = keyColumns.stream()
                .map(column -> row.get(names.indexOf(column)))
                .toList();
        graphView.model().openRow(table, keyColumns, key);
        showGraph();
    }

    /** Closes what the window holds open on the database (the Data tab's cursor); for application exit. */
    public void release() {
        closeTableData();
        closeBuilder();
    }

    /** Where the query builder remembers recent projects (set before connecting). */
    public void setRecentProjectsFile(java.nio.file.Path file) {
        recentProjects = file;
    }

    /** Brings the query builder's tab to the front. */
    public void showBuilder() {
        mainTabs.getSelectionModel().select(builderTab);
    }

    /** The query builder of the connected database, or null. */
    public QueryBuilderView builder() {
        return builder;
    }

    private void closeBuilder() {
        if (builder != null) {
            builder.model().close();
            builder = null;
            builderTab.setContent(null);
        }
    }

    private void closeTableData() {
        if (tableData != null) {
            tableData.close();
            tableData = null;
        }
    }

    private void showChoice(ConnectionChoice choice) {
        showingChoice = true;
        try {
            selector.setValue(choice);
        } finally {
            showingChoice = false;
        }
    }

    /** The schema tree of the connected database, or null. */
    public SchemaTreeView treeView() {
        return treeView;
    }

    /** The details of the connected database, or null. */
    public ObjectDetailsView detailsView() {
        return detailsView;
    }

    /** The Edit tab of the table details (rows edited through the session), or null. */
    public TableEditTab editTab() {
        return editTab;
    }

    /** The relationship browser of the connected database, or null. */
    public ObjectGraphView graphView() {
        return graphView;
    }

    /** The strategy lab of the connected database, or null. */
    public StrategyLabView labView() {
        return labView;
    }

    /** Shows the relationship browser's tab. */
    public void showGraph() {
        mainTabs.getSelectionModel().select(graphTab);
    }

    /** The SQL console of the connected database, or null. */
    public SqlConsole console() {
        return console;
    }

    public TabPane mainTabs() {
        return mainTabs;
    }

    public EchoLogView echoView() {
        return echoView;
    }

    /** Moves the divider between the work area and the echo log (0 = top, 1 = bottom). */
    public void setEchoDivider(double position) {
        workAndEcho.setDividerPositions(position);
    }

    private static Node progress(String step) {
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(48, 48);
        var message = new Label(step);
        message.setId("connect-progress");
        message.getStyleClass().add("progress-message");
        var box = new VBox(14, spinner, message);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Node centred(Node content) {
        var box = new VBox(content);
        box.setAlignment(Pos.TOP_CENTER);
        box.setPadding(new Insets(40, 20, 20, 20));
        return box;
    }

    /** Applies the application's style sheet to {@code scene}. */
    public static void style(Scene scene) {
        var css = MainWindow.class.getResource("athanor.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
    }

    private static final class ChoiceCell extends ListCell<ConnectionChoice> {
        @Override
        protected void updateItem(ConnectionChoice choice, boolean empty) {
            super.updateItem(choice, empty);
            setText(empty || choice == null ? null : choice.label());
        }
    }
}
