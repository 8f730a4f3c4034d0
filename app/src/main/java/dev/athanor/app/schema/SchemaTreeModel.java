package dev.athanor.app.schema;

import dev.athanor.app.problem.Problem;
import dev.athanor.app.task.Background;
import dev.athanor.app.task.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The schema tree: loads a {@link SchemaSnapshot} off the UI thread and answers, from memory, which children
 * a node has under the current name filter.
 */
public final class SchemaTreeModel {
    private final SchemaService service;
    private final SchemaNode.Database root;
    private final ReadOnlyObjectWrapper<SchemaSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<SchemaNode> selected = new SimpleObjectProperty<>(this, "selected");
    /** The catalog load in progress: a newer refresh supersedes it. */
    private final Slot loadingCatalog;
    /** The mapping export in progress: a newer one supersedes it. */
    private final Slot exportingMapping;

    private final ReadOnlyObjectWrapper<String> exported = new ReadOnlyObjectWrapper<>(this, "exported");

    public SchemaTreeModel(Background background, SchemaService service, String databaseLabel) {
        this.loadingCatalog = background.slot();
        this.exportingMapping = background.slot();
        this.service = service;
        this.root = new SchemaNode.Database(databaseLabel);
    }

    /** Loads (or reloads) the catalog; the tree keeps showing the previous snapshot until the new one is in. */
    public void refresh() {
        loading.set(true);
        loadingCatalog.submit(
                "Loading the schema",
                service::load,
                loaded -> {
                    loading.set(false);
                    problem.set(null);
                    snapshot.set(loaded);
                },
                failure -> {
                    loading.set(false);
                    problem.set(Problem.describe("Could not load the schema", failure));
                });
    }

    /**
     * Writes the SQLAlchemy 2.0 mapping and Pydantic DTOs of {@code tables} (with the relationships inferred from
     * their foreign keys) to {@code file}, off the UI thread. {@link #exportedProperty()} then names the file, or
     * {@link #problemProperty()} says why it could not be written.
     */
    public void exportMapping(List<SchemaNode.DbObject> tables, java.nio.file.Path file) {
        if (!(snapshot.get() instanceof CatalogSnapshot loaded) || tables.isEmpty()) {
            return;
        }
        var catalog = loaded.catalog();
        var names = tables.stream()
                .map(t -> new dev.athanor.model.catalog.QualifiedName(t.schema(), t.name()))
                .toList();
        exportingMapping.submit(
                "Exporting the SQLAlchemy mapping",
                () -> {
                    String module = dev.athanor.query.export.SqlAlchemyMappingExporter.export(
                            catalog, dev.athanor.model.relationship.Relationships.infer(catalog), names);
                    java.nio.file.Files.writeString(file, module, java.nio.charset.StandardCharsets.UTF_8);
                    return file.toString();
                },
                written -> {
                    problem.set(null);
                    exported.set(written);
                },
                failure -> problem.set(Problem.describe("Could not export the SQLAlchemy mapping", failure)));
    }

    /** The file the last mapping export wrote. */
    public ReadOnlyObjectProperty<String> exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    public SchemaNode.Database root() {
        return root;
    }

    /** Children of {@code node} that the filter lets through, in display order. */
    public List<SchemaNode> children(SchemaNode node) {
        SchemaSnapshot schema = snapshot.get();
        if (schema == null) {
            return List.of();
        }
        return switch (node) {
            case SchemaNode.Database database ->
                schema.schemas().stream()
                        .filter(name -> hasMatches(schema, name))
                        .<SchemaNode>map(SchemaNode.Schema::new)
                        .toList();
            case SchemaNode.Schema namespace -> {
                var folders = new ArrayList<SchemaNode>();
                for (ObjectKind kind : ObjectKind.values()) {
                    if (!matching(schema, namespace.name(), kind).isEmpty()) {
                        folders.add(new SchemaNode.Folder(namespace.name(), kind));
                    }
                }
                yield List.copyOf(folders);
            }
            case SchemaNode.Folder folder -> List.copyOf(matching(schema, folder.schema(), folder.kind()));
            case SchemaNode.DbObject object -> {
                var children = new ArrayList<SchemaNode>(visiblePartitions(schema, object));
                children.addAll(schema.columns(object));
                yield List.copyOf(children);
            }
            case SchemaNode.Column column -> List.of();
        };
    }

    /** Whether {@code node} can never have children (so the tree draws no expander). */
    public boolean isLeaf(SchemaNode node) {
        return switch (node) {
            case SchemaNode.Column column -> true;
            case SchemaNode.DbObject object -> !object.kind().hasColumns();
            default -> false;
        };
    }

    /** Whether {@code object} is a partitioned table with partitions (which the tree lists under it). */
    public boolean hasPartitions(SchemaNode.DbObject object) {
        SchemaSnapshot schema = snapshot.get();
        return schema != null && !schema.partitions(object).isEmpty();
    }

    /** Text shown for {@code node}: a partition shows its bound after its name. */
    public String label(SchemaNode node) {
        SchemaSnapshot schema = snapshot.get();
        if (schema != null && node instanceof SchemaNode.DbObject object) {
            var bound = schema.partitionBound(object);
            if (bound.isPresent()) {
                return object.name() + "  " + bound.get();
            }
        }
        return node.label();
    }

    /** The icon of {@code node}: partitioned tables and partitions are told apart from plain tables. */
    public KindIcon icon(SchemaNode node) {
        SchemaSnapshot schema = snapshot.get();
        return schema != null && node instanceof SchemaNode.DbObject object ? schema.icon(object) : node.icon();
    }

    /**
     * Whether a filtered tree opens {@code node} to show what matched: a partitioned table listed only because
     * some of its partitions match.
     */
    public boolean opensUnderFilter(SchemaNode node) {
        SchemaSnapshot schema = snapshot.get();
        return schema != null
                && filtering()
                && node instanceof SchemaNode.DbObject object
                && !matches(object, needle())
                && !visiblePartitions(schema, object).isEmpty();
    }

    /** How many objects a folder shows under the current filter. */
    public int count(SchemaNode.Folder folder) {
        SchemaSnapshot schema = snapshot.get();
        return schema == null
                ? 0
                : matching(schema, folder.schema(), folder.kind()).size();
    }

    /** Whether a name filter is in effect. */
    public boolean filtering() {
        return !needle().isEmpty();
    }

    private boolean hasMatches(SchemaSnapshot schema, String name) {
        for (ObjectKind kind : ObjectKind.values()) {
            if (!matching(schema, name, kind).isEmpty()) {
                return true;
            }
        }
        return !filtering();
    }

    private List<SchemaNode.DbObject> matching(SchemaSnapshot schema, String namespace, ObjectKind kind) {
        String needle = needle();
        List<SchemaNode.DbObject> all = schema.objects(namespace, kind);
        if (needle.isEmpty()) {
            return all;
        }
        return all.stream().filter(object -> visible(schema, object, needle)).toList();
    }

    /** An object is visible when its name or the name of one of its partitions (at any depth) matches. */
    private static boolean visible(SchemaSnapshot schema, SchemaNode.DbObject object, String needle) {
        if (matches(object, needle)) {
            return true;
        }
        for (var partition : schema.partitions(object)) {
            if (visible(schema, partition, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(SchemaNode.DbObject object, String needle) {
        return object.name().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The partitions shown under a table: all of them, unless a filter its own name does not match. */
    private List<SchemaNode.DbObject> visiblePartitions(SchemaSnapshot schema, SchemaNode.DbObject table) {
        String needle = needle();
        List<SchemaNode.DbObject> all = schema.partitions(table);
        if (needle.isEmpty() || matches(table, needle)) {
            return all;
        }
        return all.stream().filter(p -> visible(schema, p, needle)).toList();
    }

    private String needle() {
        String text = filter.get();
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The loaded schema, or null before the first load. */
    public ReadOnlyObjectProperty<SchemaSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed, or null. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Name filter: objects whose name contains it (ignoring case) stay visible. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The node the user selected. */
    public ObjectProperty<SchemaNode> selectedProperty() {
        return selected;
    }
}
