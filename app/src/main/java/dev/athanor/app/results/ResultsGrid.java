package dev.athanor.app.results;

import dev.athanor.model.engine.ValueKind;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A grid showing the rows of a {@link ResultsModel}: virtualized, fed page by page as the user scrolls near the
 * end. NULL shows as a grey italic {@code NULL} (an empty string shows as nothing), numbers are right-aligned,
 * long values are cut short; double-click a cell (or use its context menu) to see the whole value. Ctrl+C copies
 * the selected cells as tab-separated text.
 *
 * <p>Use: {@code var grid = new ResultsGrid(new ResultsModel(background, () -> engine.connection("table data")));
 * grid.model().showQuery("SELECT * FROM " + quotedName, List.of());}
 */
public final class ResultsGrid extends BorderPane {
    /** Rows from the end at which the next page is requested. */
    private static final int PREFETCH_DISTANCE = 100;

    private final ResultsModel model;
    private final TableView<ResultRow> table = new TableView<>();
    private final Label summary = new Label();

    public ResultsGrid(ResultsModel model) {
        this.model = model;
        getStyleClass().add("results-grid");
        getStylesheets().add(ResultsGrid.class.getResource("results-grid.css").toExternalForm());

        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(true);
        var placeholder = new Label();
        placeholder.textProperty().bind(model.columnsProperty().map(c -> c.isEmpty() ? "" : "No rows"));
        table.setPlaceholder(placeholder);
        table.setRowFactory(view -> new StreamingRow());
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event)) {
                copySelection();
                event.consume();
            }
        });
        table.setContextMenu(contextMenu());
        model.columnsProperty().addListener((obs, old, columns) -> rebuildColumns(columns));
        model.rows().addListener(this::keepViewOnWindowShift);
        rebuildColumns(model.columnsProperty().get());

        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("results-summary");
        var fetchMore = new Button("Fetch more");
        fetchMore.setOnAction(e -> model.fetchMore());
        fetchMore.visibleProperty().bind(model.moreAvailableProperty());
        fetchMore.managedProperty().bind(fetchMore.visibleProperty());
        fetchMore.disableProperty().bind(model.loadingProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var footer = new HBox(8, summary, spacer, fetchMore);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("results-footer");

        setCenter(table);
        setBottom(footer);
    }

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    public ResultsModel model() {
        return model;
    }

    /** The table itself, for tests and for callers that add their own handlers. */
    public TableView<ResultRow> table() {
        return table;
    }

    /** Asks for the next page when a row near the end of what is held comes into view. */
    private final class StreamingRow extends TableRow<ResultRow> {
        @Override
        public void updateIndex(int index) {
            super.updateIndex(index);
            if (index >= 0 && index >= model.rows().size() - PREFETCH_DISTANCE && model.hasMore()) {
                model.fetchMore();
            }
        }
    }

    private void rebuildColumns(List<ResultColumn> columns) {
        table.getColumns().clear();
        if (columns.isEmpty()) return;
        var number = new TableColumn<ResultRow, Object>("#");
        number.setSortable(false);
        number.setReorderable(false);
        number.getStyleClass().add("row-number-column");
        number.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                        empty || getIndex() < 0
                                ? null
                                : CellText.count(model.firstRowNumberProperty().get() + getIndex()));
            }
        });
        number.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(""));
        number.setPrefWidth(56);
        table.getColumns().add(number);
        for (int i = 0; i < columns.size(); i++) {
            table.getColumns().add(column(columns.get(i), i));
        }
    }

    private TableColumn<ResultRow, Object> column(ResultColumn column, int index) {
        var tableColumn = new TableColumn<ResultRow, Object>();
        var name = new Label(column.name());
        name.getStyleClass().add("column-name");
        var type = new Label(column.typeName());
        type.getStyleClass().add("column-type");
        var header = new VBox(name, type);
        header.setAlignment(Pos.CENTER_LEFT);
        tableColumn.setGraphic(header);
        tableColumn.setId(column.name());
        tableColumn.setSortable(false); // sorting a window of a cursor would mislead: ORDER BY sorts them all
        tableColumn.setUserData(column);
        tableColumn.setCellValueFactory(
                data -> new ReadOnlyObjectWrapper<>(data.getValue().peek(index)));
        boolean numeric = column.kind() == ValueKind.NUMBER;
        tableColumn.setCellFactory(c -> new ValueCell(numeric));
        tableColumn.setPrefWidth(widthFor(column, index));
        return tableColumn;
    }

    /** Wide enough for the header and the first rows' values, within reason. */
    private double widthFor(ResultColumn column, int index) {
        int chars = Math.max(column.name().length(), column.typeName().length());
        var rows = model.rows();
        for (int i = 0; i < Math.min(rows.size(), 100); i++) {
            chars = Math.max(chars, CellText.cell(rows.get(i).peek(index)).length());
        }
        return Math.clamp(chars * 7.5 + 24, 60, 420);
    }

    /** A cell that tells NULL from an empty string and opens the full-value viewer on double-click. */
    private final class ValueCell extends TableCell<ResultRow, Object> {
        ValueCell(boolean numeric) {
            getStyleClass().add("value-cell");
            if (numeric) getStyleClass().add("number");
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !isEmpty()) {
                    ValueViewer.show(this, getTableColumn(), getItem());
                }
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("null-value");
            if (empty) {
                setText(null);
            } else {
                setText(CellText.cell(item));
                if (item == null) getStyleClass().add("null-value");
            }
        }
    }

    private ContextMenu contextMenu() {
        var view = new MenuItem("View value…");
        view.setOnAction(e -> {
            var cells = table.getSelectionModel().getSelectedCells();
            if (cells.isEmpty()) return;
            TablePosition<ResultRow, ?> position = cells.getFirst();
            if (position.getTableColumn() == null || position.getTableColumn().getUserData() == null) return;
            Object value = position.getTableColumn().getCellData(position.getRow());
            ValueViewer.show(table, position.getTableColumn(), value);
        });
        var copy = new MenuItem("Copy");
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> copySelection());
        return new ContextMenu(view, copy);
    }

    /** Adds {@code text} to the grid's context menu: {@code action} receives the row of the selected cell. */
    public void addRowAction(String text, java.util.function.Consumer<ResultRow> action) {
        var item = new MenuItem(text);
        item.setOnAction(e -> {
            var row = table.getSelectionModel().getSelectedItem();
            if (row != null) action.accept(row);
        });
        table.getContextMenu().getItems().add(item);
    }

    /** Copies the selected cells as TSV: one line per row, columns in grid order, NULL as an empty field. */
    public void copySelection() {
        String text = selectionAsTsv();
        if (text.isEmpty()) return;
        var content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The selected cells as tab-separated text (what {@link #copySelection()} puts on the clipboard). */
    public String selectionAsTsv() {
        var byRow = new TreeMap<Integer, TreeSet<Integer>>();
        for (TablePosition<?, ?> position : table.getSelectionModel().getSelectedCells()) {
            var column = position.getTableColumn();
            if (column == null || column.getUserData() == null) continue; // the row-number column is not data
            byRow.computeIfAbsent(position.getRow(), r -> new TreeSet<>())
                    .add(table.getColumns().indexOf(column));
        }
        var text = new StringBuilder();
        for (var entry : byRow.entrySet()) {
            var row = model.rows().get(entry.getKey());
            boolean first = true;
            for (int columnIndex : entry.getValue()) {
                if (!first) text.append('\t');
                first = false;
                text.append(tsvField(CellText.full(row.peek(columnIndex - 1))));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Quotes a field holding tabs, line breaks or quotes the way spreadsheets read pasted TSV. */
    static String tsvField(String value) {
        if (value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * When the oldest rows leave the window, the rows the user looks at move up by as many places: scroll by the
     * same amount so that the view stays still.
     */
    private void keepViewOnWindowShift(ListChangeListener.Change<? extends ResultRow> change) {
        while (change.next()) {
            if (change.wasRemoved()
                    && !change.wasAdded()
                    && change.getFrom() == 0
                    && !model.rows().isEmpty()) {
                int removed = change.getRemovedSize();
                if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow
                        && flow.getFirstVisibleCell() != null) {
                    int top = flow.getFirstVisibleCell().getIndex();
                    table.scrollTo(Math.max(0, top - removed));
                }
            }
        }
    }
}
