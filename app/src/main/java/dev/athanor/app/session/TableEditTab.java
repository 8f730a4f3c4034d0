package dev.athanor.app.session;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;

/**
 * The "Edit" tab beside a table's Data tab: the table's rows in the session, built when the tab is opened and
 * replaced when another table is shown. Rows edited and left behind stay in the session (and in its panel).
 */
public final class TableEditTab extends Tab {
    private final SessionModel session;
    private String schema;
    private String table;
    private TableEditView view;
    private java.util.function.Consumer<dev.athanor.model.session.Row> openGraph;

    public TableEditTab(SessionModel session) {
        super("Edit");
        this.session = session;
        setId("tab-edit");
        setClosable(false);
        setDisable(true);
        selectedProperty().addListener((obs, was, selected) -> showIfOpen());
    }

    /** Shows the rows of {@code schema.table}; a null table (or an object without rows) disables the tab. */
    public void show(String schema, String table) {
        if (java.util.Objects.equals(schema, this.schema) && java.util.Objects.equals(table, this.table)) return;
        this.schema = schema;
        this.table = table;
        setDisable(table == null);
        close();
        setContent(new Label(""));
        showIfOpen();
    }

    private void showIfOpen() {
        if (!isSelected() || table == null || view != null) return;
        view = new TableEditView(new TableEditModel(session, schema, table));
        if (openGraph != null) view.setOnOpenGraph(openGraph);
        setContent(view);
    }

    /** Opens a row's object graph with {@code action}: the grid's "Object graph" button. */
    public void setOnOpenGraph(java.util.function.Consumer<dev.athanor.model.session.Row> action) {
        openGraph = action;
        if (view != null) view.setOnOpenGraph(action);
    }

    /** The grid shown, or null. */
    public TableEditView view() {
        return view;
    }

    /** Stops the grid following the session. */
    public void close() {
        if (view != null) {
            view.model().close();
            view = null;
        }
    }
}
