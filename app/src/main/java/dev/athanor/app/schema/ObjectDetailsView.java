package dev.athanor.app.schema;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The details of the selected object in tabs: Columns, Keys &amp; constraints, Indexes, DDL, Data. */
public final class ObjectDetailsView extends BorderPane {
    private final ObjectDetailsModel model;
    private final Function<String, Node> tableDataView;
    private final Runnable tableDataHidden;
    private final TabPane tabs = new TabPane();
    private final Tab dataTab = new Tab("Data");
    private final Label title = new Label("Select an object in the tree");
    private final Label comment = new Label();
    private final HBox header = new HBox(8);
    private final TableView<ObjectDetails.ColumnRow> columns = new TableView<>();
    private final TableView<ObjectDetails.ConstraintRow> constraints = new TableView<>();
    private final TableView<ObjectDetails.IndexRow> indexes = new TableView<>();
    private final TableView<ObjectDetails.Fact> facts = new TableView<>();
    private final Tab columnsTab;
    private final Tab factsTab;
    private String dataShownFor = "";
    private boolean inSight = true;

    /**
     * @param tableDataView builds the Data tab's content for a {@code SELECT * FROM table} query; called only
     *     when the tab is opened
     */
    public ObjectDetailsView(ObjectDetailsModel model, Function<String, Node> tableDataView) {
        this(model, tableDataView, () -> {});
    }

    /**
     * @param tableDataView builds the Data tab's content for a {@code SELECT * FROM table} query; called only
     *     when the tab is opened, and again each time it is opened after being left
     * @param tableDataHidden called when the user leaves the Data tab, so that whoever built its content lets go
     *     of what it holds on the server (a half-read cursor keeps its transaction, and its locks, open)
     */
    public ObjectDetailsView(ObjectDetailsModel model, Function<String, Node> tableDataView, Runnable tableDataHidden) {
        this.model = model;
        this.tableDataView = tableDataView;
        this.tableDataHidden = tableDataHidden;
        getStyleClass().add("object-details");

        title.setId("details-title");
        title.getStyleClass().add("details-title");
        comment.setId("details-comment");
        comment.getStyleClass().add("dim");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 8, 6, 8));
        header.getChildren().setAll(title, comment);

        columns.setId("details-columns");
        columns.getColumns()
                .setAll(java.util.List.of(
                        column("Name", 130, ObjectDetails.ColumnRow::name),
                        column("Type", 200, ObjectDetails.ColumnRow::type),
                        column("Nullable", 70, row -> row.nullable() ? "yes" : "no"),
                        column("Default", 190, ObjectDetails.ColumnRow::defaultValue),
                        column("Identity / generated", 140, ObjectDetails.ColumnRow::generated),
                        column("Comment", 160, ObjectDetails.ColumnRow::comment)));
        constraints.setId("details-constraints");
        constraints
                .getColumns()
                .setAll(java.util.List.of(
                        column("Kind", 100, ObjectDetails.ConstraintRow::kind),
                        column("Name", 220, ObjectDetails.ConstraintRow::name),
                        column("Definition", 420, ObjectDetails.ConstraintRow::definition)));
        indexes.setId("details-indexes");
        indexes.getColumns()
                .setAll(java.util.List.of(
                        column("Name", 200, ObjectDetails.IndexRow::name),
                        column("Columns", 160, ObjectDetails.IndexRow::columns),
                        column("Unique", 60, row -> row.unique() ? "yes" : ""),
                        column("Primary", 60, row -> row.primary() ? "yes" : ""),
                        column("Definition", 380, ObjectDetails.IndexRow::definition)));
        facts.setId("details-facts");
        facts.getColumns()
                .setAll(java.util.List.of(
                        column("Property", 160, ObjectDetails.Fact::label),
                        column("Value", 520, ObjectDetails.Fact::value)));
        // Empty tables say why: nothing chosen yet, or nothing of this kind on the chosen object.
        var placeholder = javafx.beans.binding.Bindings.when(
                        model.detailsProperty().isNull())
                .then("Select a table, view or other object in the tree.")
                .otherwise("Nothing here for this object.");
        for (var table : java.util.List.of(columns, constraints, indexes, facts)) {
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            var label = new Label();
            label.textProperty().bind(placeholder);
            table.setPlaceholder(label);
        }

        var ddl = new TextArea();
        ddl.setId("details-ddl");
        ddl.setEditable(false);
        ddl.getStyleClass().add("ddl");
        ddl.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> model.ddlProblemProperty().get() != null
                                ? "-- " + model.ddlProblemProperty().get().title() + ": "
                                        + model.ddlProblemProperty().get().message()
                                : model.ddlProperty().get(),
                        model.ddlProperty(),
                        model.ddlProblemProperty()));

        columnsTab = tab("Columns", columns);
        factsTab = tab("Overview", facts);
        dataTab.setClosable(false);
        dataTab.setId("tab-data");
        tabs.getTabs()
                .setAll(
                        columnsTab,
                        tab("Keys & constraints", constraints),
                        tab("Indexes", indexes),
                        tab("DDL", ddl),
                        dataTab);
        tabs.setId("details-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> showDataIfOpen());

        model.detailsProperty().addListener((obs, old, shown) -> show(shown));
        model.tableDataSqlProperty().addListener((obs, old, sql) -> showDataIfOpen());
        show(model.detailsProperty().get());

        setTop(header);
        setCenter(tabs);
    }

    /** The tab pane, for tests and screenshots. */
    public TabPane tabs() {
        return tabs;
    }

    private void show(ObjectDetails shown) {
        if (shown == null) {
            title.setText("Select an object in the tree");
            comment.setText("");
            columns.getItems().clear();
            constraints.getItems().clear();
            indexes.getItems().clear();
            facts.getItems().clear();
            return;
        }
        header.getChildren().setAll(shown.object().icon().node(), title, comment);
        title.setText(shown.object().schema() + "." + shown.object().name());
        comment.setText(shown.comment() == null ? "" : shown.comment());
        columns.getItems().setAll(shown.columns());
        constraints.getItems().setAll(shown.constraints());
        indexes.getItems().setAll(shown.indexes());
        facts.getItems().setAll(shown.facts());
        boolean relation = shown.object().kind().hasColumns();
        if (relation && tabs.getTabs().getFirst() == factsTab) {
            tabs.getTabs().set(0, columnsTab);
        } else if (!relation && tabs.getTabs().getFirst() == columnsTab) {
            tabs.getTabs().set(0, factsTab);
        }
        dataTab.setDisable(!relation);
        showDataIfOpen();
    }

    private void showDataIfOpen() {
        if (!inSight || tabs.getSelectionModel().getSelectedItem() != dataTab) {
            hideData();
            return;
        }
        String sql = model.tableDataSqlProperty().get();
        if (sql.equals(dataShownFor)) {
            return;
        }
        if (sql.isEmpty()) {
            // the previous object's rows go, and what held them with them
            hideData();
            dataTab.setContent(new Label("This object has no rows to show."));
            return;
        }
        dataShownFor = sql;
        dataTab.setContent(tableDataView.apply(sql));
    }

    /** The rows are let go once out of sight; opening the tab again runs the query again. */
    private void hideData() {
        if (dataShownFor.isEmpty()) {
            return;
        }
        dataShownFor = "";
        dataTab.setContent(null);
        tableDataHidden.run();
    }

    /**
     * Says whether this view is in sight (the window's tab holding it is selected). Out of sight, the Data tab's
     * rows are let go as when the user leaves that tab; back in sight, they are read again if it is selected.
     */
    public void setInSight(boolean visible) {
        inSight = visible;
        showDataIfOpen();
    }

    private static Tab tab(String name, Node content) {
        var tab = new Tab(name, content);
        tab.setClosable(false);
        tab.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return tab;
    }

    private static <R> TableColumn<R, String> column(String name, double width, Function<R, String> value) {
        var column = new TableColumn<R, String>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
