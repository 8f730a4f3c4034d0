package dev.athanor.app.schema;

import dev.athanor.app.transfer.TableDrag;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The schema tree with its filter box. Children are built when a node is first expanded; a new snapshot or
 * filter rebuilds the tree from the root.
 */
public final class SchemaTreeView extends VBox {
    private final SchemaTreeModel model;
    private final TreeView<SchemaNode> tree = new TreeView<>();

    public SchemaTreeView(SchemaTreeModel model) {
        this.model = model;
        getStyleClass().add("schema-tree");

        var filter = new TextField();
        filter.setId("schema-filter");
        filter.setPromptText("Filter by name");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);

        var refresh = new Button("⟳");
        refresh.setId("schema-refresh");
        refresh.setTooltip(new Tooltip("Reload the schema from the database"));
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.loadingProperty());

        var top = new HBox(4, filter, refresh);
        top.setPadding(new Insets(4));

        tree.setId("schema-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new NodeCell());
        tree.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        var exportMapping = new javafx.scene.control.MenuItem("Export SQLAlchemy mapping…");
        exportMapping.setId("export-mapping");
        exportMapping.setOnAction(e -> exportMapping());
        var menu = new javafx.scene.control.ContextMenu(exportMapping);
        menu.setOnShowing(e -> exportMapping.setDisable(selectedTables().isEmpty()));
        tree.setContextMenu(menu);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                model.selectedProperty().set(item.getValue());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);

        model.snapshotProperty().addListener((obs, old, snapshot) -> rebuild());
        model.filterProperty().addListener((obs, old, text) -> rebuild());
        rebuild();

        var exportedNote = new javafx.scene.control.Label();
        exportedNote.setId("mapping-exported");
        exportedNote.setWrapText(true);
        exportedNote.setPadding(new Insets(2, 4, 2, 4));
        exportedNote.managedProperty().bind(exportedNote.visibleProperty());
        exportedNote.visibleProperty().bind(model.exportedProperty().isNotNull());
        exportedNote
                .textProperty()
                .bind(javafx.beans.binding.Bindings.concat("Mapping written to ", model.exportedProperty()));

        getChildren().addAll(top, tree, exportedNote);
    }

    /** The tables selected in the tree (several with Ctrl or Shift). */
    java.util.List<SchemaNode.DbObject> selectedTables() {
        return tree.getSelectionModel().getSelectedItems().stream()
                .filter(java.util.Objects::nonNull)
                .map(TreeItem::getValue)
                .filter(node -> node instanceof SchemaNode.DbObject object && object.kind() == ObjectKind.TABLE)
                .map(node -> (SchemaNode.DbObject) node)
                .toList();
    }

    private void exportMapping() {
        var tables = selectedTables();
        var chooser = new javafx.stage.FileChooser();
        chooser.setTitle(
                "Export the SQLAlchemy mapping of " + tables.size() + (tables.size() == 1 ? " table" : " tables"));
        chooser.setInitialFileName("models.py");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Python module", "*.py"));
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.exportMapping(tables, file.toPath());
        }
    }

    /** The tree control, for tests. */
    public TreeView<SchemaNode> tree() {
        return tree;
    }

    private void rebuild() {
        SchemaNode previous = model.selectedProperty().get();
        var root = new LazyItem(model.root());
        root.setExpanded(true);
        if (model.filtering()) {
            // A filtered tree is only useful opened up to the objects that match.
            for (var schema : root.getChildren()) {
                schema.setExpanded(true);
                schema.getChildren().forEach(folder -> {
                    folder.setExpanded(true);
                    folder.getChildren().forEach(this::openToMatches);
                });
            }
        } else if (root.getChildren().size() == 1) {
            // One schema (the common case): open it and its tables, the first thing anyone looks for.
            var schema = root.getChildren().getFirst();
            schema.setExpanded(true);
            schema.getChildren().stream()
                    .filter(folder -> folder.getValue() instanceof SchemaNode.Folder f && f.kind() == ObjectKind.TABLE)
                    .forEach(folder -> folder.setExpanded(true));
        }
        tree.setRoot(model.snapshotProperty().get() == null ? null : root);
        if (previous != null) {
            select(previous);
        }
    }

    /** Opens partitioned tables shown only because partitions below them match the filter. */
    private void openToMatches(TreeItem<SchemaNode> item) {
        if (model.opensUnderFilter(item.getValue())) {
            item.setExpanded(true);
            item.getChildren().forEach(this::openToMatches);
        }
    }

    /** Selects {@code node} if it is visible under the current filter, expanding its ancestors. */
    public boolean select(SchemaNode node) {
        TreeItem<SchemaNode> item = find(tree.getRoot(), node);
        if (item == null) {
            return false;
        }
        for (var parent = item.getParent(); parent != null; parent = parent.getParent()) {
            parent.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
        return true;
    }

    private TreeItem<SchemaNode> find(TreeItem<SchemaNode> from, SchemaNode node) {
        if (from == null) {
            return null;
        }
        if (from.getValue().equals(node)) {
            return from;
        }
        if (!isAncestorCandidate(from.getValue(), node)) {
            return null;
        }
        for (var child : from.getChildren()) {
            var found = find(child, node);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Prunes the search so that finding a table never expands every other schema's folders. */
    private boolean isAncestorCandidate(SchemaNode parent, SchemaNode target) {
        String targetSchema =
                switch (target) {
                    case SchemaNode.DbObject object -> object.schema();
                    case SchemaNode.Column column -> column.owner().schema();
                    case SchemaNode.Folder folder -> folder.schema();
                    case SchemaNode.Schema schema -> schema.name();
                    case SchemaNode.Database database -> null;
                };
        return switch (parent) {
            case SchemaNode.Database database -> true;
            case SchemaNode.Schema schema -> schema.name().equals(targetSchema);
            case SchemaNode.Folder folder ->
                target instanceof SchemaNode.DbObject object
                                && object.kind() == folder.kind()
                                && object.schema().equals(folder.schema())
                        || target instanceof SchemaNode.Column column
                                && column.owner().kind() == folder.kind()
                                && column.owner().schema().equals(folder.schema());
            // Partitions hang under their partitioned table, at any depth.
            case SchemaNode.DbObject object ->
                target instanceof SchemaNode.Column column && column.owner().equals(object)
                        || (target instanceof SchemaNode.DbObject || target instanceof SchemaNode.Column)
                                && model.hasPartitions(object);
            case SchemaNode.Column column -> false;
        };
    }

    /** A tree item whose children are asked of the model the first time anyone looks at them. */
    private final class LazyItem extends TreeItem<SchemaNode> {
        private boolean built;

        LazyItem(SchemaNode node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return model.isLeaf(getValue());
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<SchemaNode>> getChildren() {
            if (!built) {
                built = true;
                super.getChildren()
                        .setAll(model.children(getValue()).stream()
                                .map(LazyItem::new)
                                .toList());
            }
            return super.getChildren();
        }
    }

    private final class NodeCell extends TreeCell<SchemaNode> {
        /** Tables and views can be dragged onto the query builder's canvas as {@code schema.name}. */
        NodeCell() {
            setOnDragDetected(event -> {
                if (getItem() instanceof SchemaNode.DbObject object
                        && (object.kind() == ObjectKind.TABLE
                                || object.kind().name().contains("VIEW"))) {
                    var board = startDragAndDrop(javafx.scene.input.TransferMode.COPY);
                    board.setContent(TableDrag.content(object.schema(), object.name()));
                    event.consume();
                }
            });
        }

        @Override
        protected void updateItem(SchemaNode node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setGraphic(model.icon(node).node());
            setText(
                    node instanceof SchemaNode.Folder folder
                            ? folder.label() + " (" + model.count(folder) + ")"
                            : model.label(node));
        }
    }
}
