package dev.athanor.app.echo;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The echo log pane: a filterable table of the statements the product sent. */
public final class EchoLogView extends BorderPane {
    private final EchoLogModel model;
    private final TableView<EchoRow> table = new TableView<>();

    public EchoLogView(EchoLogModel model) {
        this.model = model;
        getStyleClass().add("echo-log");

        var filter = new TextField();
        filter.setId("echo-filter");
        filter.setPromptText("Filter: text, or origin:NAME");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(360);

        var copy = new Button("Copy");
        copy.setId("echo-copy");
        copy.setTooltip(new Tooltip("Copy the selected statements, or all shown when none is selected"));
        copy.setOnAction(e -> copyToClipboard());

        var clear = new Button("Clear");
        clear.setId("echo-clear");
        clear.setOnAction(e -> model.clear());

        var follow = new ToggleButton("Follow");
        follow.setId("echo-follow");
        follow.setTooltip(new Tooltip("Scroll to each new statement; turn off to pause scrolling"));
        follow.selectedProperty().bindBidirectional(model.autoScrollProperty());

        var count = new Label();
        count.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> model.visibleRows().size() + " of " + model.rows().size() + " statements",
                        model.visibleRows(),
                        model.rows()));
        count.getStyleClass().add("dim");

        var title = new Label("Echo");
        title.getStyleClass().add("pane-title");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, title, filter, follow, copy, clear, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));

        table.setId("echo-table");
        table.setItems(model.visibleRows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(
                new Label("No statements yet. Everything the application sends to the server shows up here."));
        table.getColumns()
                .addAll(List.of(
                        column("Time", 95, EchoRow::clock),
                        column("Duration", 80, EchoRow::millis),
                        column("Rows", 55, EchoRow::rowsText),
                        column("PID", 60, EchoRow::pidText),
                        column("Origin", 120, EchoRow::origin),
                        column("SQL", 520, row -> row.sql().strip().replaceAll("\\s+", " ")),
                        column("Binds", 160, EchoRow::bindsText)));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(EchoRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FAILED, !empty && row != null && row.failed());
            }
        });
        model.visibleRows().addListener((ListChangeListener<EchoRow>) change -> followNewest());
        model.autoScrollProperty().addListener((obs, was, following) -> followNewest());

        setTop(bar);
        setCenter(table);
    }

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");

    private void followNewest() {
        if (model.autoScrollProperty().get() && !model.visibleRows().isEmpty()) {
            // After the table has taken the change in: scrolling inside the change notification lands short.
            javafx.application.Platform.runLater(
                    () -> table.scrollTo(Math.max(0, model.visibleRows().size() - 1)));
        }
    }

    /** The table, for tests and for focus handling. */
    public TableView<EchoRow> table() {
        return table;
    }

    private void copyToClipboard() {
        List<EchoRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        String text = selected.isEmpty() ? model.copyAllText() : model.copyText(selected);
        var content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static TableColumn<EchoRow, String> column(String name, double width, Function<EchoRow, String> value) {
        var column = new TableColumn<EchoRow, String>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
