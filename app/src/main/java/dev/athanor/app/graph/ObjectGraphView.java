package dev.athanor.app.graph;

import dev.athanor.app.graph.GraphNode.ObjectNode;
import dev.athanor.app.graph.GraphNode.RelationshipNode;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The relationship browser: the object tree (expanding a relationship loads it through the session), the
 * breadcrumbs of the selected line, the strategy picker of the selected relationship, the statements the last
 * load sent with their count and cost, the N+1 warning, and the edits that go through the session.
 */
public final class ObjectGraphView extends BorderPane {
    private final ObjectGraphModel model;
    private final TreeView<GraphNode> tree = new TreeView<>();
    private final ComboBox<LoaderStrategy> strategy = strategies("graph-strategy");
    private boolean showingStrategy;
    /** The tree line of each node, kept so that a node shown again keeps its line and what is open below it. */
    private final java.util.Map<GraphNode, TreeItem<GraphNode>> items = new java.util.IdentityHashMap<>();

    public ObjectGraphView(ObjectGraphModel model) {
        this.model = model;
        getStyleClass().add("object-graph");

        var table = new TextField();
        table.setId("graph-table");
        table.setPromptText("table, e.g. workers");
        table.setPrefColumnCount(14);
        var browse = button("Browse", "graph-browse", () -> {
            String text = table.getText().strip();
            if (!text.isEmpty()) model.openTable(qualified(text));
        });
        table.setOnAction(e -> browse.fire());
        var defaults = strategies("graph-default-strategy");
        defaults.valueProperty().bindBidirectional(model.defaultStrategyProperty());
        var progress = new ProgressIndicator();
        progress.setId("graph-progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        var title = new Label();
        title.setId("graph-title");
        title.textProperty().bind(model.titleProperty());
        var top = bar(
                new Label("Browse table:"),
                table,
                browse,
                new Separator(Orientation.VERTICAL),
                new Label("Default strategy:"),
                defaults,
                progress,
                title);

        tree.setId("graph-tree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(view -> new NodeCell());
        model.roots().addListener((ListChangeListener<ObjectNode>) change -> showRoots());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> selected(item));

        var crumbs = new Label();
        crumbs.setId("graph-breadcrumbs");
        crumbs.getStyleClass().add("breadcrumbs");
        crumbs.setWrapText(true);
        crumbs.textProperty().bind(model.breadcrumbProperty());

        var relationshipLabel = new Label("Strategy of the selected relationship:");
        strategy.setDisable(true);
        strategy.valueProperty().addListener((obs, old, chosen) -> {
            if (showingStrategy || chosen == null) return;
            if (selectedNode() instanceof RelationshipNode node) {
                model.choose(node.relationship(), chosen);
                if (node.loaded().get()) model.reload(node);
            }
        });

        var add = button("Add new row", "graph-add", () -> {
            if (selectedNode() instanceof RelationshipNode node) model.appendNew(node);
        });
        var key = new TextField();
        key.setId("graph-link-key");
        key.setPromptText("key, e.g. 7");
        key.setPrefColumnCount(6);
        var link = button("Link by key", "graph-link", () -> {
            if (selectedNode() instanceof RelationshipNode node
                    && !key.getText().isBlank()) {
                model.link(node, keyValues(key.getText()));
            }
        });
        var unlink = button("Unlink", "graph-unlink", () -> {
            if (selectedNode() instanceof ObjectNode node) model.unlink(node);
        });
        var selection = tree.getSelectionModel().selectedItemProperty();
        var onCollection = Bindings.createBooleanBinding(
                () -> selection.get() != null
                        && selection.get().getValue() instanceof RelationshipNode node
                        && node.relationship().isCollection(),
                selection);
        add.disableProperty().bind(onCollection.not());
        link.disableProperty().bind(onCollection.not());
        unlink.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> selection.get() == null
                                || !(selection.get().getValue() instanceof ObjectNode node)
                                || node.parent() == null,
                        selection));

        var warning = new Label();
        warning.setId("graph-warning");
        warning.getStyleClass().add("warning");
        warning.setWrapText(true);
        warning.textProperty().bind(model.warningProperty());
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());
        warning.visibleProperty().bind(warning.managedProperty());
        var problem = new Label();
        problem.setId("graph-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty()
                .bind(model.problemProperty()
                        .map(p -> p.title() + ": " + p.message())
                        .orElse(""));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        var count = new Label();
        count.setId("graph-statement-count");
        count.getStyleClass().add("statement-count");
        count.textProperty().bind(model.statementCountProperty().asString("Statements sent: %d"));
        var cost = new Label();
        cost.setId("graph-cost");
        cost.setWrapText(true);
        cost.textProperty().bind(model.costProperty());
        var sql = new TextArea();
        sql.setId("graph-sql");
        sql.setEditable(false);
        sql.setWrapText(true);
        sql.getStyleClass().add("ddl");
        sql.textProperty().bind(model.sqlProperty());
        VBox.setVgrow(sql, Priority.ALWAYS);

        var side = new VBox(
                6,
                crumbs,
                new HBox(6, relationshipLabel, strategy),
                bar(add, new Separator(Orientation.VERTICAL), key, link, unlink),
                warning,
                problem,
                count,
                cost,
                sql);
        side.setPadding(new Insets(6, 8, 6, 8));
        var split = new SplitPane(tree, side);
        split.setDividerPositions(0.42);
        setTop(top);
        setCenter(split);
    }

    private void showRoots() {
        if (model.roots().isEmpty()) items.clear();
        tree.getRoot()
                .getChildren()
                .setAll(model.roots().stream().map(this::item).toList());
    }

    private TreeItem<GraphNode> item(GraphNode node) {
        var shown = items.get(node);
        if (shown != null) return shown;
        var item = new NodeItem(node);
        items.put(node, item);
        item.getChildren().setAll(node.children().stream().map(this::item).toList());
        node.children().addListener((ListChangeListener<GraphNode>) change -> {
            boolean open = item.isExpanded();
            item.getChildren().setAll(node.children().stream().map(this::item).toList());
            item.setExpanded(open);
        });
        if (node instanceof RelationshipNode relationship) {
            item.expandedProperty().addListener((obs, was, open) -> {
                if (open) model.expand(relationship);
            });
        }
        return item;
    }

    private void selected(TreeItem<GraphNode> item) {
        var node = item == null ? null : item.getValue();
        model.select(node);
        showingStrategy = true;
        try {
            if (node instanceof RelationshipNode line) {
                strategy.setDisable(false);
                strategy.setValue(model.strategyOf(line.relationship()));
            } else {
                strategy.setDisable(true);
                strategy.setValue(null);
            }
        } finally {
            showingStrategy = false;
        }
    }

    private GraphNode selectedNode() {
        var item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** The tree, for tests and screenshots. */
    public TreeView<GraphNode> tree() {
        return tree;
    }

    public ObjectGraphModel model() {
        return model;
    }

    /** Selects the line showing {@code node} (its item must show). */
    public void select(GraphNode node) {
        find(tree.getRoot(), node).ifPresent(item -> tree.getSelectionModel().select(item));
    }

    /** The tree line showing {@code node}, if it shows. */
    public java.util.Optional<TreeItem<GraphNode>> find(TreeItem<GraphNode> from, GraphNode node) {
        if (from.getValue() == node) return java.util.Optional.of(from);
        for (var child : from.getChildren()) {
            var found = find(child, node);
            if (found.isPresent()) return found;
        }
        return java.util.Optional.empty();
    }

    static QualifiedName qualified(String text) {
        int dot = text.indexOf('.');
        return dot < 0
                ? new QualifiedName("public", text)
                : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }

    /** Key values as typed, comma separated; whole numbers become numbers (the key's usual type). */
    static List<Object> keyValues(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .map(value -> value.matches("-?\\d{1,18}") ? (Object) Long.valueOf(value) : value)
                .toList();
    }

    private static ComboBox<LoaderStrategy> strategies(String id) {
        var box = new ComboBox<LoaderStrategy>();
        box.setId(id);
        box.getItems().setAll(ObjectGraphModel.STRATEGIES);
        box.setCellFactory(list -> new StrategyCell());
        box.setButtonCell(new StrategyCell());
        return box;
    }

    static FlowPane bar(javafx.scene.Node... items) {
        var bar = new FlowPane(6, 4, items);
        bar.getStyleClass().add("tool-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    static Button button(String text, String id, Runnable action) {
        var button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static final class StrategyCell extends ListCell<LoaderStrategy> {
        @Override
        protected void updateItem(LoaderStrategy item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }

    /** A line that can be opened until its relationship is known to lead nowhere. */
    private static final class NodeItem extends TreeItem<GraphNode> {
        NodeItem(GraphNode node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return switch (getValue()) {
                case RelationshipNode line ->
                    line.loaded().get() && line.children().isEmpty();
                case ObjectNode object -> object.children().isEmpty();
            };
        }
    }

    private static final class NodeCell extends TreeCell<GraphNode> {
        @Override
        protected void updateItem(GraphNode node, boolean empty) {
            super.updateItem(node, empty);
            textProperty().unbind();
            getStyleClass().removeAll("graph-relationship", "graph-shared");
            if (empty || node == null) {
                setText(null);
                return;
            }
            switch (node) {
                case ObjectNode object -> {
                    textProperty().bind(Bindings.createStringBinding(object::toString, object.alsoAt()));
                    if (!object.alsoAt().get().isEmpty()) getStyleClass().add("graph-shared");
                }
                case RelationshipNode line -> {
                    textProperty().bind(Bindings.createStringBinding(line::toString, line.note()));
                    getStyleClass().add("graph-relationship");
                }
            }
        }
    }
}
