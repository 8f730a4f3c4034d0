package dev.athanor.app.session;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The editable grid of a table's rows in the session: a State column, one column per table column with an editor
 * by type (a drop-down for enums and booleans, text otherwise), changed cells marked, rows styled by state, and a
 * flush failure shown at its cell.
 */
public final class TableEditView extends BorderPane {
    private final TableEditModel model;
    private final TableView<TableEditModel.EditRow> grid = new TableView<>();
    private final javafx.beans.property.BooleanProperty openGraphSet =
            new javafx.beans.property.SimpleBooleanProperty();
    private java.util.function.Consumer<dev.athanor.model.session.Row> openGraph = row -> {};

    public TableEditView(TableEditModel model) {
        this.model = model;
        getStyleClass().add("table-edit");
        grid.setId("edit-grid");
        grid.setEditable(true);
        grid.setPlaceholder(new Label("Loading rows through the session…"));
        grid.setItems(model.rows());
        grid.setRowFactory(table -> new StateRow());
        model.rows().addListener((ListChangeListener<TableEditModel.EditRow>) change -> buildColumns());

        var readOnly = new Label();
        readOnly.setId("edit-read-only");
        readOnly.getStyleClass().add("warning");
        readOnly.textProperty()
                .bind(model.readOnlyProperty().map(reason -> reason.isEmpty() ? "" : "Read-only: " + reason));
        readOnly.managedProperty().bind(readOnly.textProperty().isNotEmpty());
        var message = new Label();
        message.setId("edit-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> {
                            if (!model.messageProperty().get().isEmpty())
                                return model.messageProperty().get();
                            var problem = model.session().problemProperty().get();
                            return problem == null ? "" : problem.title() + ": " + problem.message();
                        },
                        model.messageProperty(),
                        model.session().problemProperty()));
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        var loaded = new Label();
        loaded.setId("edit-loaded");
        loaded.textProperty().bind(model.loadedProperty());
        var selected = grid.getSelectionModel().selectedItemProperty();
        var editable = model.readOnlyProperty().isEmpty();
        var tools = SessionPanel.bar(
                SessionPanel.button("Reload", "edit-reload", model::load),
                disabledUnless(SessionPanel.button("Load more", "edit-more", model::loadMore), model.hasMoreProperty()),
                loaded,
                new Separator(javafx.geometry.Orientation.VERTICAL),
                disabledUnless(SessionPanel.button("Add row", "edit-add", model::add), editable),
                disabledUnless(
                        SessionPanel.button("Duplicate", "edit-duplicate", () -> model.duplicate(selected.get())),
                        editable.and(selected.isNotNull())),
                disabledUnless(
                        SessionPanel.button("Delete", "edit-delete", () -> model.delete(selected.get())),
                        editable.and(selected.isNotNull())),
                disabledUnless(SessionPanel.button("Set NULL", "edit-set-null", this::setSelectedCellNull), editable),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                SessionPanel.button("Flush", "edit-flush", model.session()::flush),
                SessionPanel.button("Commit", "edit-commit", model.session()::commit),
                SessionPanel.button("Rollback", "edit-rollback", model.session()::rollback),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                disabledUnless(
                        SessionPanel.button(
                                "Object graph",
                                "edit-graph",
                                () -> openGraph.accept(selected.get().row())),
                        selected.isNotNull().and(openGraphSet)));
        grid.getSelectionModel().setCellSelectionEnabled(true);
        setTop(new VBox(tools, readOnly, message));
        setCenter(grid);
        model.load();
    }

    /** Opens the selected row's object graph with {@code action} (the window's relationship browser). */
    public void setOnOpenGraph(java.util.function.Consumer<dev.athanor.model.session.Row> action) {
        openGraph = action;
        openGraphSet.set(true);
    }

    /** The grid, for tests and screenshots. */
    public TableView<TableEditModel.EditRow> grid() {
        return grid;
    }

    public TableEditModel model() {
        return model;
    }

    private void setSelectedCellNull() {
        var cells = grid.getSelectionModel().getSelectedCells();
        if (cells.isEmpty() || cells.getFirst().getTableColumn() == null) return;
        var position = cells.getFirst();
        var row = grid.getItems().get(position.getRow());
        Object name = position.getTableColumn().getUserData();
        if (name instanceof String column) model.setNull(row, column);
    }

    private void buildColumns() {
        var infos = model.columns();
        if (infos.isEmpty() || grid.getColumns().size() == infos.size() + 1) return;
        var state = new TableColumn<TableEditModel.EditRow, String>("State");
        state.setId("edit-state");
        state.setEditable(false);
        state.setPrefWidth(130);
        state.setCellValueFactory(cell -> new ReadOnlyStringWrapper(stateText(cell.getValue())));
        state.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // A stale row's message is longer than the column: the whole of it on hover.
                setTooltip(empty || text == null || !text.contains(" · ") ? null : new Tooltip(text));
            }
        });
        grid.getColumns().add(state);
        for (int i = 0; i < infos.size(); i++) {
            var info = infos.get(i);
            int index = i;
            var column = new TableColumn<TableEditModel.EditRow, String>(info.name() + (info.key() ? " (key)" : ""));
            column.setUserData(info.name());
            column.setPrefWidth(Math.max(90, Math.min(260, info.name().length() * 9 + 40)));
            column.setEditable(info.settable());
            column.setCellValueFactory(
                    cell -> new ReadOnlyStringWrapper(cell.getValue().texts().get(index)));
            column.setCellFactory(c -> new EditCell(info, index));
            grid.getColumns().add(column);
        }
    }

    /** The row's state, and what a failed flush says of the row as a whole (a stale row, say). */
    static String stateText(TableEditModel.EditRow row) {
        String failure = row.errors().get(TableEditModel.ROW);
        return failure == null ? row.state() : row.state() + " · " + failure;
    }

    private static Button disabledUnless(Button button, javafx.beans.value.ObservableBooleanValue condition) {
        button.disableProperty().bind(javafx.beans.binding.Bindings.not(condition));
        return button;
    }

    /** A row styled by its object state. */
    private static final class StateRow extends TableRow<TableEditModel.EditRow> {
        private static final List<String> STYLES =
                List.of("row-pending", "row-dirty", "row-deleted", "row-expired", "row-detached", "row-failed");

        @Override
        protected void updateItem(TableEditModel.EditRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(STYLES);
            if (empty || row == null) return;
            String state = row.state();
            if (state.startsWith("pending") || state.startsWith("transient"))
                getStyleClass().add("row-pending");
            else if (state.startsWith("dirty")) getStyleClass().add("row-dirty");
            else if (state.contains("delet")) getStyleClass().add("row-deleted");
            else if (state.contains("expired")) getStyleClass().add("row-expired");
            else if (state.startsWith("detached")) getStyleClass().add("row-detached");
            if (!row.errors().isEmpty()) getStyleClass().add("row-failed");
        }
    }

    /** A cell: its value, marked when changed, NULL or expired, a flush error at it; edited by the column's type. */
    private final class EditCell extends TableCell<TableEditModel.EditRow, String> {
        private static final List<String> STYLES = List.of("cell-modified", "cell-null", "cell-expired", "cell-error");
        private final TableEditModel.ColumnInfo info;
        private final int index;

        EditCell(TableEditModel.ColumnInfo info, int index) {
            this.info = info;
            this.index = index;
        }

        private TableEditModel.EditRow row() {
            return getTableRow() == null ? null : getTableRow().getItem();
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll(STYLES);
            setTooltip(null);
            var row = row();
            if (empty || row == null || index >= row.texts().size()) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (!isEditing()) {
                setText(text);
                setGraphic(null);
            }
            if (row.modified().get(index)) getStyleClass().add("cell-modified");
            if (row.nulls().get(index)) getStyleClass().add("cell-null");
            if (row.expired().get(index)) {
                getStyleClass().add("cell-expired");
                setTooltip(new Tooltip("Expired: read again at the next load"));
            }
            String error = row.errors().get(info.name());
            if (error != null) {
                getStyleClass().add("cell-error");
                setTooltip(new Tooltip(error));
            }
        }

        @Override
        public void startEdit() {
            var row = row();
            if (row == null || !info.settable() || row.state().contains("delet")) return;
            super.startEdit();
            if (!isEditing()) return;
            String current = row.nulls().get(index) || row.expired().get(index)
                    ? ""
                    : row.texts().get(index);
            if (info.reference().isPresent()) {
                editReference(row, info.reference().get(), current);
                return;
            }
            switch (CellValue.editor(info.column(), info.labels())) {
                case CHOICE, BOOLEAN -> {
                    var choices = info.labels().isEmpty() ? List.of("true", "false") : info.labels();
                    var box = new ComboBox<String>(FXCollections.observableArrayList(choices));
                    box.setValue(current.isEmpty() ? null : current);
                    box.setOnAction(e -> {
                        if (box.getValue() != null) finish(row, box.getValue());
                    });
                    show(box);
                }
                case TEXT -> {
                    var field = new TextField(current);
                    field.setOnAction(e -> finish(row, field.getText()));
                    field.setOnKeyPressed(e -> {
                        if (e.getCode() == KeyCode.ESCAPE) cancelEdit();
                    });
                    show(field);
                    field.selectAll();
                }
            }
        }

        /**
         * A drop-down of the referenced rows, searched on the server as the user types; choosing one sets every
         * column of the foreign key, and a typed key that is not offered is taken as typed.
         */
        private void editReference(TableEditModel.EditRow row, ForeignKeyChoices.Target target, String current) {
            var choices = model.choices(info.name()).orElseThrow();
            var offered = new java.util.HashMap<String, ForeignKeyChoices.Choice>();
            var box = new ComboBox<String>();
            box.setId("edit-reference");
            box.setEditable(true);
            box.setVisibleRowCount(12);
            box.getEditor().setText(current);
            Runnable search = () -> choices.search(
                    box.getEditor().getText(),
                    found -> {
                        offered.clear();
                        found.forEach(choice -> offered.put(choice.label(), choice));
                        box.getItems()
                                .setAll(found.stream()
                                        .map(ForeignKeyChoices.Choice::label)
                                        .toList());
                        if (isEditing() && box.getScene() != null && !found.isEmpty()) box.show();
                    },
                    failed -> box.getEditor().setPromptText("The search failed: " + failed.getMessage()));
            box.getEditor().textProperty().addListener((obs, old, typed) -> {
                if (!offered.containsKey(typed)) search.run();
            });
            box.setOnAction(e -> {
                String value = box.getValue();
                if (value == null) return;
                var choice = offered.get(value);
                if (choice != null) {
                    cancelEdit();
                    model.choose(row, target, choice);
                } else {
                    finish(row, value);
                }
            });
            box.getEditor().setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) cancelEdit();
            });
            show(box);
            box.getEditor().selectAll();
            search.run();
        }

        private void show(javafx.scene.Node editor) {
            setText(null);
            setGraphic(editor);
            editor.requestFocus();
        }

        private void finish(TableEditModel.EditRow row, String text) {
            cancelEdit();
            model.set(row, info.name(), text);
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            setGraphic(null);
            var row = row();
            setText(
                    row == null || index >= row.texts().size()
                            ? null
                            : row.texts().get(index));
        }
    }

    /** The column of the grid showing {@code name}, for tests. */
    public TableColumn<TableEditModel.EditRow, ?> column(String name) {
        for (var column : grid.getColumns())
            if (name.toLowerCase(Locale.ROOT).equals(column.getUserData())) return column;
        return null;
    }
}
