package dev.athanor.app.console;

import dev.athanor.app.results.ResultsGrid;
import dev.athanor.app.sqltext.SqlHighlighter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The SQL console: an editor with highlighting, a toolbar (run statement, run script, cancel, commit, rollback),
 * one results tab per statement of the last run that returned rows, an Output tab listing what each statement did,
 * the history, and one line saying how the last run went.
 *
 * <p>Keys: Ctrl+Enter runs the selection, or the statement under the caret when nothing is selected;
 * Ctrl+Shift+Enter runs the whole script; Escape cancels the running statement. A failure that names a position selects the offending token.
 *
 * <p>Use: {@code tab.setContent(new SqlConsole(new SqlConsoleModel(background, () -> engine.connection("console"))))};
 * bind the status bar to {@code console.model().transactionStateProperty()}.
 */
public final class SqlConsole extends BorderPane {
    static final KeyCombination RUN_STATEMENT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RUN_SCRIPT =
            new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final SqlConsoleModel model;
    private final CodeArea editor = new CodeArea();
    private final TabPane lower = new TabPane();
    private final Tab noResultTab;
    private final Tab outputTab;
    private final Tab historyTab;
    /** The tab of each result of the last run; a result keeps its tab (and grid) while it is shown. */
    private final Map<StatementResult, Tab> resultTabs = new IdentityHashMap<>();

    private final Label elapsed = new Label();
    private final Label status = new Label();
    private long highlightTicket;
    private long runStartedNanos;

    public SqlConsole(SqlConsoleModel model) {
        this.model = model;
        getStyleClass().add("sql-console");
        getStylesheets()
                .addAll(
                        SqlHighlighter.stylesheet(),
                        SqlConsole.class.getResource("sql-console.css").toExternalForm());
        model.setParameterPrompt(new ParameterDialog(this));

        editor.setId("sql-editor");
        editor.getStyleClass().add("sql-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        editor.multiPlainChanges().successionEnds(Duration.ofMillis(150)).subscribe(ignored -> highlightLater());
        // The model holds the text, so that it outlives this view (e.g. while the window works on another database).
        editor.replaceText(model.scriptProperty().get());
        editor.textProperty()
                .addListener((obs, old, text) -> model.scriptProperty().set(text));
        model.scriptProperty().addListener((obs, old, text) -> {
            if (!text.equals(editor.getText())) editor.replaceText(text);
        });

        noResultTab = fixedTab("Results", "tab-no-result", new ResultsGrid(model.results()));
        outputTab = fixedTab("Output", "tab-output", outputTable());
        historyTab = fixedTab("History", "tab-history", historyList());
        lower.getTabs().setAll(noResultTab, outputTab, historyTab);
        lower.getStyleClass().add("console-lower");
        model.resultSets().addListener((ListChangeListener<StatementResult>) change -> showResults());
        model.runningProperty().addListener((obs, was, isRunning) -> {
            if (!isRunning
                    && (model.resultSets().isEmpty() || model.errorProperty().get() != null)) {
                lower.getSelectionModel().select(outputTab);
            }
        });
        var note = new Label();
        note.setId("results-note");
        note.getStyleClass().add("results-note");
        note.setWrapText(true);
        note.textProperty().bind(model.noteProperty());
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        var lowerArea = new VBox(note, lower);
        VBox.setVgrow(lower, Priority.ALWAYS);

        var split = new SplitPane(new VirtualizedScrollPane<>(editor), lowerArea);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);

        setTop(toolbar());
        setCenter(split);
        setBottom(statusLine());

        model.errorProperty().addListener((obs, old, error) -> {
            if (error != null && error.hasPosition() && error.markEnd() <= editor.getLength()) {
                editor.selectRange(error.markStart(), error.markEnd());
                editor.requestFollowCaret();
                editor.requestFocus();
            }
        });
    }

    public SqlConsoleModel model() {
        return model;
    }

    /** The editor, for callers that put text in (e.g. "open in console"). */
    public CodeArea editor() {
        return editor;
    }

    /** The grid of the last result of the last run (the one {@link SqlConsoleModel#results()} feeds). */
    public ResultsGrid grid() {
        var last = model.resultSets().isEmpty()
                ? null
                : resultTabs.get(model.resultSets().getLast());
        return (ResultsGrid) (last == null ? noResultTab : last).getContent();
    }

    /** The results tabs of the last run, in statement order (empty when it returned no rows). */
    public List<Tab> resultTabs() {
        return model.resultSets().stream().map(resultTabs::get).toList();
    }

    /**
     * One tab per result, before Output and History; a result added while the run goes on is shown at once, so
     * the newest rows are in front, as they were when the console had one grid.
     */
    private void showResults() {
        var shown = model.resultSets();
        resultTabs.keySet().retainAll(Set.copyOf(shown));
        Tab newest = null;
        var tabs = new ArrayList<Tab>();
        for (var result : shown) {
            var tab = resultTabs.get(result);
            if (tab == null) {
                tab = fixedTab(result.title(), "result-" + result.number(), new ResultsGrid(result.rows()));
                tab.setTooltip(statementTip(result.sql()));
                resultTabs.put(result, tab);
                newest = tab;
            }
            tabs.add(tab);
        }
        if (tabs.isEmpty()) tabs.add(noResultTab);
        tabs.add(outputTab);
        tabs.add(historyTab);
        var selected = lower.getSelectionModel().getSelectedItem();
        lower.getTabs().setAll(tabs);
        if (newest != null) {
            lower.getSelectionModel().select(newest);
        } else if (tabs.contains(selected)) {
            lower.getSelectionModel().select(selected);
        } else {
            lower.getSelectionModel().select(outputTab);
        }
    }

    /** The whole statement, for a tab or cell that shows only its beginning. */
    private static Tooltip statementTip(String sql) {
        var tip = new Tooltip(sql);
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        return tip;
    }

    private static Tab fixedTab(String title, String id, javafx.scene.Node content) {
        var tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }

    /** What each statement of the last run did: number, statement, outcome, time; failures in red. */
    private TableView<StatementOutcome> outputTable() {
        var table = new TableView<>(model.output());
        table.setId("run-output");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("What each statement of a run did shows here."));
        var number = outputColumn("#", 40, o -> Integer.toString(o.number()));
        var statement = outputColumn("Statement", 360, o -> firstLine(o.sql()));
        statement.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                var row = getTableRow();
                setTooltip(
                        empty || row == null || row.getItem() == null
                                ? null
                                : statementTip(row.getItem().sql()));
            }
        });
        var time = outputColumn("Time", 80, o -> millis(o.elapsed()));
        time.getStyleClass().add("elapsed-column");
        var outcome = outputColumn("Result", 420, StatementOutcome::outcome);
        table.getColumns().setAll(List.of(number, statement, time, outcome));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(StatementOutcome item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("output-failed");
                if (!empty && item != null && item.kind() == StatementOutcome.Kind.FAILED) {
                    getStyleClass().add("output-failed");
                }
            }
        });
        return table;
    }

    private static TableColumn<StatementOutcome, String> outputColumn(
            String title, double width, Function<StatementOutcome, String> text) {
        var column = new TableColumn<StatementOutcome, String>(title);
        column.setSortable(false);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(text.apply(data.getValue())));
        return column;
    }

    /** A statement's first line, with "…" when more follow. */
    private static String firstLine(String sql) {
        String first = sql.lines().findFirst().orElse("").strip();
        return sql.strip().contains("\n") ? first + " …" : first;
    }

    /** Runs the selection if there is one, else the statement under the caret. */
    public void runCurrent() {
        var selection = editor.getSelection();
        if (selection.getLength() > 0) {
            model.runSelection(editor.getText(), selection.getStart(), selection.getEnd());
        } else {
            model.runStatementAt(editor.getText(), editor.getCaretPosition());
        }
    }

    public void runScript() {
        model.runScript(editor.getText());
    }

    private void onKey(KeyEvent event) {
        if (RUN_SCRIPT.match(event)) {
            runScript();
            event.consume();
        } else if (RUN_STATEMENT.match(event)) {
            runCurrent();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
            model.cancel();
            event.consume();
        }
    }

    /**
     * Highlighting runs on a worker after typing pauses; an answer about text that has changed since is dropped,
     * because a newer one is on its way.
     */
    private void highlightLater() {
        long ticket = ++highlightTicket;
        String text = editor.getText();
        model.background()
                .submit(
                        "Highlighting SQL",
                        () -> SqlHighlighter.highlight(text),
                        spans -> {
                            if (ticket == highlightTicket && editor.getLength() == text.length()) {
                                editor.setStyleSpans(0, spans);
                            }
                        },
                        failure -> {});
    }

    private ToolBar toolbar() {
        var run = button("Run", "run", "Run the statement under the caret, or the selection (Ctrl+Enter)");
        run.setOnAction(e -> runCurrent());
        var runScript = button("Run script", "run-script", "Run every statement (Ctrl+Shift+Enter)");
        runScript.setOnAction(e -> runScript());
        var cancel = button("Cancel", "cancel", "Ask the server to stop the running statement");
        cancel.setOnAction(e -> model.cancel());
        var commit = button("Commit", "commit", "Make this console's changes permanent and visible to others");
        commit.setOnAction(e -> model.commit());
        var rollback = button("Rollback", "rollback", "Undo everything since the last commit");
        rollback.setOnAction(e -> model.rollback());

        var busy = model.runningProperty();
        run.disableProperty().bind(busy);
        runScript.disableProperty().bind(busy);
        cancel.disableProperty().bind(busy.not());
        var state = model.transactionStateProperty();
        commit.disableProperty().bind(busy.or(state.isNotEqualTo(TransactionState.IN_TRANSACTION)));
        rollback.disableProperty().bind(busy.or(state.isEqualTo(TransactionState.IDLE)));

        var stateLabel = new Label();
        stateLabel.setId("transaction-state");
        stateLabel.textProperty().bind(state.map(SqlConsole::describe));
        state.subscribe(s -> {
            stateLabel.getStyleClass().removeAll("state-idle", "state-in-transaction", "state-failed");
            stateLabel
                    .getStyleClass()
                    .add("state-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        });

        var progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(busy);
        elapsed.setId("elapsed");
        elapsed.visibleProperty().bind(busy);
        var clock = new Timeline(new KeyFrame(javafx.util.Duration.millis(100), e -> showElapsed()));
        clock.setCycleCount(Animation.INDEFINITE);
        busy.subscribe(isBusy -> {
            if (isBusy) {
                runStartedNanos = System.nanoTime();
                showElapsed();
                clock.play();
            } else {
                clock.stop();
            }
        });
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(
                run, runScript, cancel, progress, elapsed, new Separator(), commit, rollback, spacer, stateLabel);
    }

    private void showElapsed() {
        double seconds = (System.nanoTime() - runStartedNanos) / 1e9;
        elapsed.setText(String.format(Locale.US, "%.1f s", seconds));
    }

    private static String describe(TransactionState state) {
        return switch (state) {
            case IDLE -> "No transaction";
            case IN_TRANSACTION -> "In transaction";
            case FAILED -> "Transaction failed: roll back";
        };
    }

    private static Button button(String text, String id, String tip) {
        var button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private HBox statusLine() {
        status.setId("console-message");
        status.textProperty().bind(model.messageProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        var details = new Hyperlink("Details…");
        details.setId("error-details");
        details.visibleProperty().bind(model.errorProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(e -> showDetails());
        model.errorProperty().subscribe(error -> {
            status.getStyleClass().remove("console-error");
            if (error != null) status.getStyleClass().add("console-error");
        });
        var stopWaiting = new Hyperlink("Cancel");
        stopWaiting.setId("stop-waiting");
        stopWaiting.setTooltip(new Tooltip("Ask the server to stop the statement waiting for the lock (Esc)"));
        stopWaiting.visibleProperty().bind(model.lockWaitProperty().isNotNull());
        stopWaiting.managedProperty().bind(stopWaiting.visibleProperty());
        stopWaiting.setOnAction(e -> model.cancel());
        stopWaiting.setMinWidth(Region.USE_PREF_SIZE);
        // a lock wait takes a sentence or two: the line wraps rather than cut off who holds the lock
        status.setWrapText(true);
        var line = new HBox(6, status, stopWaiting, details);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("console-status");
        return line;
    }

    private void showDetails() {
        var error = model.errorProperty().get();
        if (error == null) return;
        var alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Statement failed");
        alert.setHeaderText(error.failure().message());
        var text = new TextArea(error.failure().details() + "\n\nStatement:\n" + error.sql());
        text.setEditable(false);
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        if (getScene() != null) alert.initOwner(getScene().getWindow());
        alert.show();
    }

    private ListView<HistoryEntry> historyList() {
        var list = new ListView<>(model.history());
        list.setId("history");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().remove("history-failed");
                if (empty || entry == null) {
                    setText(null);
                    return;
                }
                setText(TIME.format(entry.startedAt()) + "  " + millis(entry.duration()) + "  " + entry.outcome() + "\n"
                        + firstLine(entry.sql()));
                if (entry.failed()) getStyleClass().add("history-failed");
            }
        });
        list.setOnMouseClicked(event -> {
            var entry = list.getSelectionModel().getSelectedItem();
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && entry != null) {
                appendStatement(entry.sql());
            }
        });
        return list;
    }

    /**
     * Appends a statement at the end of the script and selects it, ready for Ctrl+Enter (what a double-click in the
     * history does; also the way for other panes to "open in console").
     */
    public void appendStatement(String sql) {
        String text = editor.getText();
        String separator = text.isBlank() ? "" : (text.endsWith("\n") ? "\n" : "\n\n");
        if (!text.isBlank() && !text.strip().endsWith(";")) separator = ";" + separator;
        int start = editor.getLength() + separator.length();
        editor.appendText(separator + sql + ";");
        editor.selectRange(start, start + sql.length());
        editor.requestFollowCaret();
        editor.requestFocus();
    }

    private static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.US, "%.2f s", ms / 1000.0);
    }
}
