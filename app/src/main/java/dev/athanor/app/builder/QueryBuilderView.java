package dev.athanor.app.builder;

import dev.athanor.app.results.ResultsGrid;
import dev.athanor.app.sqltext.SqlHighlighter;
import dev.athanor.app.task.Background;
import dev.athanor.model.catalog.Catalog;
import dev.athanor.query.model.TableSource;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;

/**
 * The query builder tab: toolbar, canvas, clause panels, and below them the SQL preview, the rows and the chart.
 * It only binds to and forwards to its {@link QueryBuilderModel}.
 */
public final class QueryBuilderView extends BorderPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW_QUERY = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final QueryBuilderModel model;
    private final QueryCanvas canvas;
    private final VBox suggestionBar = new VBox(2);
    private final TabPane clauses = new TabPane();
    private final TabPane output = new TabPane();
    private final CodeArea preview = new CodeArea();
    private final ResultChart chart;
    private final HBox toolbarExtras = new HBox(4);

    public QueryBuilderView(QueryBuilderModel model) {
        this.model = model;
        setId("query-builder");
        getStyleClass().add("query-builder");
        getStylesheets().addAll(SqlHighlighter.stylesheet(), ProblemMarks.stylesheet());
        canvas = new QueryCanvas(model);
        chart = new ResultChart(model);

        var canvasScroll = new ScrollPane(canvas);
        canvasScroll.setId("canvas-scroll");
        canvasScroll.setFitToWidth(true);
        canvasScroll.setFitToHeight(true);
        canvas.setStyle("-fx-background-color: #f4f6f9;" + " -fx-background-image: none;");

        clauses.setId("clause-tabs");
        clauses.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        clauses.getTabs()
                .setAll(
                        tab("Joins", new JoinsPanel(model)),
                        tab("Columns", new ColumnsPanel(model)),
                        tab(
                                "Filters",
                                new VBox(
                                        new FiltersPanel(
                                                model,
                                                "where",
                                                "WHERE",
                                                () -> model.select().where(),
                                                model::setWhere),
                                        new ParametersPanel(model))),
                        tab("Group by", new GroupingPanel(model)),
                        tab("Windows", new WindowsPanel(model)),
                        tab("CTEs & subqueries", new NestedQueriesPanel(model)),
                        tab("Order & limit", new OrderPanel(model)));

        var canvasArea = new BorderPane(canvasScroll);
        canvasArea.setTop(suggestionBar);
        var top = new SplitPane(canvasArea, clauses);
        top.setDividerPositions(0.56);

        preview.setId("sql-preview");
        preview.getStyleClass().add("sql-editor");
        preview.setEditable(false);
        preview.setWrapText(false);
        preview.setStyle("-fx-font-family: monospace; -fx-font-size: 13px;");
        model.sqlProperty().addListener((obs, old, sql) -> showSql(sql));
        showSql(model.sqlProperty().get());
        var literal = new CheckBox("Inline values");
        literal.setId("literal-values");
        literal.setTooltip(
                new Tooltip("Show values inlined as literals, or as bind placeholders with the values listed"));
        literal.selectedProperty().bindBidirectional(model.literalValuesProperty());
        var sqlProblem = new Label();
        sqlProblem.setId("sql-problem");
        sqlProblem.setStyle("-fx-text-fill: #b00020;");
        sqlProblem.textProperty().bind(model.sqlProblemProperty());
        var sqlBar = new HBox(8, literal, sqlProblem);
        sqlBar.setPadding(new Insets(4));
        sqlBar.setAlignment(Pos.CENTER_LEFT);
        var sqlPane = new BorderPane(preview);
        sqlPane.setTop(sqlBar);

        var runFailure = new Label();
        runFailure.setId("run-failure");
        runFailure.setWrapText(true);
        runFailure.setStyle("-fx-text-fill: #b00020;");
        runFailure.textProperty().bind(model.runFailureProperty());
        var grid = new ResultsGrid(model.results());
        grid.setId("builder-results");
        var results = new BorderPane(grid);
        results.setTop(runFailure);

        output.setId("output-tabs");
        output.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        output.getTabs().setAll(new Tab("SQL", sqlPane), new Tab("Results", results), new Tab("Chart", chart));
        model.resultProperty().addListener((obs, old, result) -> {
            if (result != null) {
                output.getSelectionModel().select(result.chartable() && chartPreferred ? 2 : 1);
            }
        });
        model.runFailureProperty().addListener((obs, old, failure) -> {
            if (!failure.isEmpty()) {
                output.getSelectionModel().select(1);
            }
        });

        var sqlAlchemy = codeTab("SQLAlchemy", "export-sqlalchemy", model::sqlAlchemyCode);
        var jooq = codeTab("jOOQ", "export-jooq", model::jooqCode);
        output.getTabs().addAll(sqlAlchemy, jooq, problemsTab());

        main = new SplitPane(top, output);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.62);

        setTop(new VBox(toolbar(), scopeBar()));
        setCenter(main);
        var message = new Label();
        message.setId("builder-message");
        message.textProperty().bind(model.messageProperty());
        message.setPadding(new Insets(2, 6, 2, 6));
        setBottom(message);

        model.suggestions().addListener((ListChangeListener<JoinSuggestion>) change -> showSuggestions());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean inText = event.getTarget() instanceof TextInputControl;
            if (UNDO.match(event) && !inText) {
                model.undo();
                event.consume();
            } else if (REDO.match(event) && !inText) {
                model.redo();
                event.consume();
            } else if (event.getCode() == KeyCode.F5) {
                run(false);
                event.consume();
            } else if (NEW_QUERY.match(event)) {
                newQuery();
                event.consume();
            }
        });
    }

    private boolean chartPreferred;
    private SplitPane main;
    private BuilderProjectModel projects;
    private java.util.function.BooleanSupplier confirmDiscard = this::askToDiscard;

    /** Runs the query and brings its output forward: the rows, or the chart when {@code chart}. */
    private void run(boolean chart) {
        chartPreferred = chart;
        output.getSelectionModel().select(chart ? 2 : 1);
        model.run();
    }

    /** Starts a new query, after asking when the current one has changes that were not saved. */
    private void newQuery() {
        if (!model.hasUnsavedChanges() || confirmDiscard.getAsBoolean()) {
            model.newQuery();
        }
    }

    private boolean askToDiscard() {
        var alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The query has changes that are not saved. Start a new query? (Undo brings this one back.)",
                javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        alert.setTitle("New query");
        alert.setHeaderText("Start a new query?");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        return alert.showAndWait()
                .filter(javafx.scene.control.ButtonType.OK::equals)
                .isPresent();
    }

    /** Replaces the question New query asks before discarding unsaved changes (tests answer it). */
    void answerDiscardWith(java.util.function.BooleanSupplier answer) {
        confirmDiscard = answer;
    }

    /** Moves the divider between the canvas with its panels and the output tabs (0 = top, 1 = bottom). */
    public void setOutputDivider(double position) {
        main.setDividerPositions(position);
    }

    /**
     * The builder as the main window shows it, on a model the window made (and closes): connected to the SQL
     * console and the user's recent projects, with the catalog loading.
     *
     * @param consoleText reads the SQL console's text, or {@code null} when there is no console
     * @param toConsole puts SQL into the console and shows it (used only with {@code consoleText})
     * @param recentProjects where the recent projects are remembered, or {@code null} for this session only
     * @param catalog the catalog the window already loads (the schema tree's), followed as it is refreshed; {@code
     *     null} to have the builder load its own
     */
    public static QueryBuilderView forWindow(
            QueryBuilderModel model,
            Background background,
            java.util.function.Supplier<String> consoleText,
            java.util.function.Consumer<String> toConsole,
            java.nio.file.Path recentProjects,
            ObservableValue<Catalog> catalog) {
        var view = new QueryBuilderView(model);
        view.connectProjects(new BuilderProjectModel(background, model, recentProjects));
        if (consoleText != null) {
            view.connectConsole(consoleText, toConsole);
        }
        if (catalog == null) {
            model.loadCatalog();
        } else {
            // One catalog load serves the tree and the builder, and a refresh of the tree reaches the builder.
            catalog.subscribe(loaded -> {
                if (loaded != null) {
                    model.useCatalog(loaded);
                }
            });
        }
        return view;
    }

    /** The view model, for the window and page objects. */
    public QueryBuilderModel model() {
        return model;
    }

    /** The canvas, for page objects and screenshots. */
    public QueryCanvas canvas() {
        return canvas;
    }

    /** Selects the clause panel called {@code title}. */
    public void showClause(String title) {
        clauses.getTabs().stream()
                .filter(t -> t.getText().equals(title))
                .findFirst()
                .ifPresent(t -> clauses.getSelectionModel().select(t));
    }

    /** Selects the output tab called {@code title} (SQL, Results, Chart...). */
    public void showOutput(String title) {
        output.getTabs().stream()
                .filter(t -> t.getText().equals(title))
                .findFirst()
                .ifPresent(t -> output.getSelectionModel().select(t));
    }

    /** The project commands' model, or {@code null} before {@link #connectProjects}. */
    public BuilderProjectModel projects() {
        return projects;
    }

    /** Adds output tabs (exports) after the built-in ones. */
    public void addOutput(Tab tab) {
        output.getTabs().add(tab);
    }

    /**
     * Adds the project commands to the toolbar: the query's name in the project, Open, Save, Save as and the
     * recent projects.
     */
    public void connectProjects(BuilderProjectModel projects) {
        this.projects = projects;
        var name = new javafx.scene.control.TextField();
        name.setId("query-name");
        name.setPrefColumnCount(12);
        name.setTooltip(new Tooltip("The name the query is saved under in the project"));
        name.textProperty().bindBidirectional(projects.queryNameProperty());
        var open = new Button("Open…");
        open.setId("open-project");
        open.setOnAction(e -> {
            var file = chooser("Open a query project").showOpenDialog(getScene().getWindow());
            if (file != null) {
                projects.open(file.toPath(), null);
            }
        });
        var saveAs = new Button("Save as…");
        saveAs.setId("save-project-as");
        saveAs.setOnAction(e -> {
            var file = chooser("Save the query into a project")
                    .showSaveDialog(getScene().getWindow());
            if (file != null) {
                var path = file.toPath();
                if (!path.getFileName().toString().endsWith(dev.athanor.query.project.ProjectFile.EXTENSION)) {
                    path = path.resolveSibling(path.getFileName() + dev.athanor.query.project.ProjectFile.EXTENSION);
                }
                projects.save(path);
            }
        });
        var save = new Button("Save");
        save.setId("save-project");
        save.setTooltip(new Tooltip("Save the query into its project (Ctrl+S)"));
        save.setOnAction(e -> {
            if (!projects.save()) {
                saveAs.fire();
            }
        });
        var recent = new javafx.scene.control.MenuButton("Recent");
        recent.setId("recent-projects");
        Runnable fillRecent = () -> recent.getItems()
                .setAll(projects.recent().stream()
                        .map(path -> {
                            var item =
                                    new javafx.scene.control.MenuItem(path.getFileName() + "  —  " + path.getParent());
                            item.setOnAction(e -> projects.open(path, null));
                            return item;
                        })
                        .toList());
        projects.recent().addListener((ListChangeListener<java.nio.file.Path>) change -> fillRecent.run());
        fillRecent.run();
        var queries = new ComboBox<String>(projects.queryNames());
        queries.setId("project-queries");
        queries.setPromptText("project queries");
        queries.setOnAction(e -> {
            if (queries.getValue() != null
                    && !queries.getValue().equals(projects.queryNameProperty().get())) {
                projects.openQuery(queries.getValue());
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (SAVE.match(event)) {
                save.fire();
                event.consume();
            }
        });
        addToolbarItems(
                new javafx.scene.control.Separator(Orientation.VERTICAL),
                new Label("Query"),
                name,
                queries,
                open,
                save,
                saveAs,
                recent);
    }

    /**
     * Adds "Open console SQL" (imports the console's text into the builder) and "Send to console" (puts the
     * builder's SQL into the console) to the toolbar.
     */
    public void connectConsole(
            java.util.function.Supplier<String> consoleText, java.util.function.Consumer<String> toConsole) {
        var fromConsole = new Button("Open console SQL");
        fromConsole.setId("open-console-sql");
        fromConsole.setTooltip(new Tooltip("Read the SQL console's text into the builder"));
        fromConsole.setOnAction(e -> model.importSql(consoleText.get()));
        var sendToConsole = new Button("Send to console");
        sendToConsole.setId("send-to-console");
        sendToConsole.setTooltip(new Tooltip("Put this query's SQL into the SQL console"));
        sendToConsole.setOnAction(e -> toConsole.accept(model.sqlForConsole()));
        addToolbarItems(new javafx.scene.control.Separator(Orientation.VERTICAL), fromConsole, sendToConsole);
    }

    private static javafx.stage.FileChooser chooser(String title) {
        var chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters()
                .add(new javafx.stage.FileChooser.ExtensionFilter(
                        "Athanor query projects", "*" + dev.athanor.query.project.ProjectFile.EXTENSION));
        return chooser;
    }

    /** Adds controls to the toolbar (project and console commands wired by the window). */
    public void addToolbarItems(Node... nodes) {
        toolbarExtras.getChildren().addAll(nodes);
    }

    private ToolBar toolbar() {
        var tableChoice = new javafx.scene.control.TextField();
        tableChoice.setId("add-table-choice");
        tableChoice.setPromptText("schema.table");
        tableChoice.setPrefWidth(200);
        tableChoice.setTooltip(new Tooltip("Type a table's name (completion offers the catalog's) and press Enter"));
        Completion.attach(tableChoice, model::tableChoices);
        var add = new Button("Add table");
        add.setId("add-table");
        add.setOnAction(e -> {
            String name = tableChoice.getText();
            if (name != null && !name.isBlank()) {
                model.addTableNamed(name);
                tableChoice.clear();
            }
        });
        tableChoice.setOnAction(e -> add.fire());
        var newQuery = new Button("New query");
        newQuery.setId("new-query");
        newQuery.setTooltip(new Tooltip("Start over with an empty query (Ctrl+N); Undo brings this one back"));
        newQuery.setOnAction(e -> newQuery());
        var undo = new Button("↶ Undo");
        undo.setId("undo");
        undo.setTooltip(new Tooltip("Undo the last edit (Ctrl+Z)"));
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        var redo = new Button("↷ Redo");
        redo.setId("redo");
        redo.setTooltip(new Tooltip("Redo (Ctrl+Y)"));
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setOnAction(e -> model.redo());
        var run = new Button("▶ Run");
        run.setId("run");
        run.setTooltip(new Tooltip("Run the query (F5)"));
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> run(false));
        var runChart = new Button("Chart");
        runChart.setId("run-chart");
        runChart.setTooltip(new Tooltip("Run the query and chart its rows"));
        runChart.setOnAction(e -> run(true));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var autoJoin = new ComboBox<String>();
        autoJoin.setId("auto-join");
        autoJoin.getItems().setAll("Suggest joins", "Join INNER at once", "Join LEFT at once");
        autoJoin.getSelectionModel().selectFirst();
        autoJoin.setTooltip(
                new Tooltip("What to do when an added table has one foreign key to the tables already there"));
        autoJoin.setOnAction(e -> model.autoJoinProperty()
                .set(
                        switch (autoJoin.getSelectionModel().getSelectedIndex()) {
                            case 1 -> TableSource.Join.Type.INNER;
                            case 2 -> TableSource.Join.Type.LEFT;
                            default -> null;
                        }));
        return new ToolBar(tableChoice, add, autoJoin, newQuery, undo, redo, run, runChart);
    }

    private HBox scopeBar() {
        var label = new Label();
        label.setId("scope-label");
        label.textProperty().bind(model.scopeProperty().map(scope -> "Editing: " + scope.label()));
        var up = new Button("↑ Enclosing query");
        up.setId("scope-up");
        up.disableProperty()
                .bind(model.scopeProperty().map(scope -> scope.steps().isEmpty()));
        up.setOnAction(e -> model.leave());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbarExtras.setAlignment(Pos.CENTER_RIGHT);
        var bar = new HBox(8, label, up, spacer, toolbarExtras);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 6));
        bar.setStyle("-fx-background-color: #e8edf3;");
        return bar;
    }

    private void showSuggestions() {
        suggestionBar.getChildren().clear();
        var list = model.suggestions();
        for (int i = 0; i < list.size(); i++) {
            var suggestion = list.get(i);
            var text = new Label("Join suggested by " + suggestion.foreignKey() + ": " + suggestion.condition());
            var inner = new Button("INNER JOIN");
            inner.setId("suggestion-" + i + "-inner");
            inner.setOnAction(e -> model.accept(suggestion, TableSource.Join.Type.INNER));
            var left = new Button("LEFT JOIN");
            left.setId("suggestion-" + i + "-left");
            left.setOnAction(e -> model.accept(suggestion, TableSource.Join.Type.LEFT));
            var dismiss = new Button("×");
            dismiss.setId("suggestion-" + i + "-dismiss");
            dismiss.setOnAction(e -> model.dismiss(suggestion));
            var row = new HBox(6, text, inner, left, dismiss);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPadding(new Insets(3, 6, 3, 6));
            row.setStyle("-fx-background-color: #fff6d5;");
            suggestionBar.getChildren().add(row);
        }
    }

    private void showSql(String sql) {
        String text = sql == null ? "" : sql;
        preview.replaceText(text);
        preview.setStyleSpans(0, SqlHighlighter.highlight(text));
    }

    private Tab problemsTab() {
        var list = new javafx.scene.control.ListView<dev.athanor.query.validate.ValidationProblem>(model.problems());
        list.setId("problem-list");
        list.setPlaceholder(new Label("No problems found against the catalog."));
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(dev.athanor.query.validate.ValidationProblem problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty || problem == null ? null : problem.message() + "   (" + problem.path() + ")");
                setStyle(empty ? "" : "-fx-text-fill: #b00020;");
            }
        });
        list.setOnMouseClicked(event -> {
            var problem = list.getSelectionModel().getSelectedItem();
            if (event.getClickCount() == 2 && problem != null) {
                String last = problem.path().replaceAll(".*query\\.", "");
                showClause(
                        last.startsWith("items")
                                ? "Columns"
                                : last.startsWith("where")
                                        ? "Filters"
                                        : last.startsWith("groupBy") || last.startsWith("having")
                                                ? "Group by"
                                                : last.startsWith("orderBy") ? "Order & limit" : "Joins");
            }
        });
        var tab = new Tab("Problems", list);
        tab.setId("tab-problems");
        tab.textProperty()
                .bind(javafx.beans.binding.Bindings.size(model.problems())
                        .map(n -> n.intValue() == 0 ? "Problems" : "Problems (" + n + ")"));
        return tab;
    }

    /** A read-only code tab whose text is computed from the statement whenever the tab is on show. */
    private Tab codeTab(String title, String id, java.util.function.Supplier<String> code) {
        var area = new CodeArea();
        area.setId(id);
        area.setEditable(false);
        area.setStyle("-fx-font-family: monospace; -fx-font-size: 13px;");
        var tab = new Tab(title, area);
        Runnable refresh = () -> {
            if (tab.isSelected()) {
                area.replaceText(code.get());
            }
        };
        tab.selectedProperty().addListener((obs, was, selected) -> refresh.run());
        model.statementProperty().addListener((obs, old, statement) -> refresh.run());
        return tab;
    }

    private static Tab tab(String title, Node content) {
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        var tab = new Tab(title, content instanceof ScrollPane ? content : scroll);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return tab;
    }
}
