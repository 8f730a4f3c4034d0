package dev.athanor.app.session;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The Session panel: the identity map (table, key, state, changes old -> new), the next flush's statements with
 * their binds, the same work as SQLAlchemy 2.0 code, and the buttons that drive the session. What each button
 * sends shows in the echo log under the origin "session".
 */
public final class SessionPanel extends BorderPane {
    private final TableView<SessionSnapshot.Entry> identityMap = new TableView<>();
    private final TextArea plan = new TextArea();
    private final TextArea code = new TextArea();

    public SessionPanel(SessionModel model) {
        getStyleClass().add("session-panel");
        identityMap.setId("session-identity-map");
        identityMap.setPlaceholder(new Label("No rows in the session. Edit a table's rows in its Edit tab."));
        identityMap
                .getColumns()
                .setAll(java.util.List.of(
                        column("Table", 150, SessionSnapshot.Entry::table),
                        column("Key", 90, SessionSnapshot.Entry::key),
                        column("State", 150, SessionSnapshot.Entry::state),
                        column("Changes (old -> new)", 320, SessionSnapshot.Entry::changes)));
        identityMap.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        plan.setId("session-flush-plan");
        plan.setEditable(false);
        plan.getStyleClass().add("ddl");
        code.setId("session-code");
        code.setEditable(false);
        code.getStyleClass().add("ddl");

        var selected = identityMap.getSelectionModel().selectedItemProperty();
        var refresh = button(
                "Refresh", "session-refresh", () -> model.refresh(selected.get().row()));
        refresh.disableProperty().bind(selected.isNull());
        var expire = button(
                "Expire", "session-expire", () -> model.expire(selected.get().row()));
        expire.disableProperty().bind(selected.isNull());
        var autoflush = new CheckBox("Autoflush");
        autoflush.setId("session-autoflush");
        autoflush.setOnAction(e -> model.autoflush(autoflush.isSelected()));
        var expireOnCommit = new CheckBox("Expire on commit");
        expireOnCommit.setId("session-expire-on-commit");
        expireOnCommit.setOnAction(e -> model.expireOnCommit(expireOnCommit.isSelected()));
        var tools = bar(
                button("Flush", "session-flush", model::flush),
                button("Commit", "session-commit", model::commit),
                button("Rollback", "session-rollback", model::rollback),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                refresh,
                expire,
                button("Expire all", "session-expire-all", model::expireAll),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                button("Savepoint", "session-savepoint", model::savepoint),
                button("Release", "session-release", model::releaseSavepoint),
                button("Roll back to savepoint", "session-rollback-savepoint", model::rollBackToSavepoint),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                autoflush,
                expireOnCommit);

        var state = new Label();
        state.setId("session-state");
        state.setWrapText(true);
        var problem = new Label();
        problem.setId("session-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty()
                .bind(model.problemProperty()
                        .map(shown -> shown.title() + ": " + shown.message())
                        .orElse(""));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        model.snapshotProperty().addListener((obs, old, shown) -> show(shown, state, autoflush, expireOnCommit));
        show(model.snapshotProperty().get(), state, autoflush, expireOnCommit);

        var planAndCode = new TabPane(tab("Flush plan", plan), tab("SQLAlchemy code", code));
        planAndCode.setId("session-plan-tabs");
        var split = new SplitPane(identityMap, planAndCode);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setTop(new VBox(tools, state, problem));
        setCenter(split);
    }

    private void show(SessionSnapshot shown, Label state, CheckBox autoflush, CheckBox expireOnCommit) {
        var selected = identityMap.getSelectionModel().getSelectedItem();
        identityMap.getItems().setAll(shown.rows());
        if (selected != null) {
            shown.rows().stream()
                    .filter(entry -> entry.row() == selected.row())
                    .findFirst()
                    .ifPresent(entry -> identityMap.getSelectionModel().select(entry));
        }
        plan.setText(shown.plan().isEmpty() ? "-- Nothing to flush." : shown.plan());
        code.setText(shown.code());
        autoflush.setSelected(shown.autoflush());
        expireOnCommit.setSelected(shown.expireOnCommit());
        String text = "Transaction: " + shown.transaction().label()
                + (shown.savepoints() > 0 ? " · savepoints open: " + shown.savepoints() : "")
                + " · " + shown.rows().size() + " row(s) in the session";
        if (shown.failure() != null) {
            text += " · The last flush failed: roll back, correct the values and flush again.";
        } else if (shown.savepointFailure() != null) {
            text += "\nThe savepoint was rolled back because the flush inside it failed (" + shown.savepointFailure()
                    + "); the work before it stays in the transaction. Correct the values and flush again.";
        }
        state.setText(text);
        state.getStyleClass().remove("error-text");
        if (shown.failure() != null || shown.savepointFailure() != null)
            state.getStyleClass().add("error-text");
    }

    /** The identity map table, for tests and screenshots. */
    public TableView<SessionSnapshot.Entry> identityMap() {
        return identityMap;
    }

    /** The flush plan text, for tests. */
    public TextArea plan() {
        return plan;
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        var tab = new Tab(name, content);
        tab.setClosable(false);
        return tab;
    }

    /** A row of buttons that wraps when narrow, so that none hides in an overflow menu. */
    static javafx.scene.layout.FlowPane bar(javafx.scene.Node... items) {
        var bar = new javafx.scene.layout.FlowPane(6, 4, items);
        bar.getStyleClass().add("tool-bar");
        bar.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        return bar;
    }

    static Button button(String text, String id, Runnable action) {
        var button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static <R> TableColumn<R, String> column(
            String name, double width, java.util.function.Function<R, String> value) {
        var column = new TableColumn<R, String>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
