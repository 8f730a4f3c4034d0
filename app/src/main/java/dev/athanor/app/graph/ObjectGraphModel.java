package dev.athanor.app.graph;

import dev.athanor.app.graph.GraphLoads.Loaded;
import dev.athanor.app.graph.GraphLoads.ObjectView;
import dev.athanor.app.graph.GraphNode.ObjectNode;
import dev.athanor.app.graph.GraphNode.RelationshipNode;
import dev.athanor.app.problem.Problem;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import dev.athanor.model.relationship.RelationshipKind;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.model.session.LoadQuery;
import dev.athanor.model.session.LoadReport;
import dev.athanor.model.session.Row;
import dev.athanor.model.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jooq.Condition;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The relationship browser's state: the roots (a table's rows, or one row), the tree of objects and
 * relationships expanded so far, the strategy chosen per relationship (and the default for the browse), and what
 * the last expansion sent: its statements, their count, the rows received and the N+1 warning the session raised.
 *
 * <p>Every load runs on the session's lane; a second expansion asked while one runs waits its turn there.
 */
public final class ObjectGraphModel {
    /** How many rows of a table the browser takes as roots. */
    public static final int ROOT_LIMIT = 50;

    /** The strategies the browser offers: contains_eager needs a join of the user's own (the lab has it). */
    public static final List<LoaderStrategy> STRATEGIES = List.of(
            LoaderStrategy.LAZY,
            LoaderStrategy.JOINED,
            LoaderStrategy.SELECTIN,
            LoaderStrategy.SUBQUERY,
            LoaderStrategy.RAISE);

    private final SessionLane lane;
    private final ObservableList<ObjectNode> roots = FXCollections.observableArrayList();
    private final ObjectProperty<LoaderStrategy> defaultStrategy =
            new SimpleObjectProperty<>(this, "defaultStrategy", LoaderStrategy.LAZY);
    private final Map<String, LoaderStrategy> chosen = new HashMap<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper(this, "sql", "");
    private final ReadOnlyIntegerWrapper statementCount = new ReadOnlyIntegerWrapper(this, "statementCount");
    private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper(this, "cost", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper breadcrumb = new ReadOnlyStringWrapper(this, "breadcrumb", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** Every line showing each object: one object reached by two paths is one row of the identity map. */
    private final Map<Row, List<ObjectNode>> shown = new IdentityHashMap<>();

    private volatile Relationships relationships;
    private LoadQuery rootQuery;

    public ObjectGraphModel(SessionLane lane) {
        this.lane = lane;
        busy.bind(running.greaterThan(0));
    }

    // ---------------------------------------------------------------- opening

    /** Browses the first {@value #ROOT_LIMIT} rows of {@code table} in key order. */
    public void openTable(QualifiedName table) {
        open(table, Optional.empty(), table.name() + " (first " + ROOT_LIMIT + " rows)");
    }

    /** Browses one row of {@code table}, by its primary key values in key order. */
    public void openRow(QualifiedName table, List<String> keyColumns, List<Object> key) {
        Condition where = DSL.noCondition();
        for (int i = 0; i < keyColumns.size(); i++) {
            where = where.and(DSL.field(DSL.name(keyColumns.get(i))).eq(DSL.inline(key.get(i))));
        }
        String condition = DSL.using(SQLDialect.POSTGRES).renderInlined(where);
        open(table, Optional.of(condition), table.name() + " where " + condition);
    }

    private void open(QualifiedName table, Optional<String> where, String description) {
        clear();
        title.set(description);
        work(
                "Open the object graph of " + table.name(),
                session -> {
                    var query = rootQuery(session, table, where);
                    return new Opened(query, GraphLoads.roots(session, relationships(session), query));
                },
                opened -> {
                    rootQuery = opened.query();
                    show(opened.loaded(), "the roots");
                    if (opened.loaded().objects() != null) {
                        opened.loaded().objects().forEach(view -> roots.add(object(view, null)));
                    }
                });
    }

    private record Opened(LoadQuery query, Loaded loaded) {}

    private static LoadQuery rootQuery(Session session, QualifiedName table, Optional<String> where) {
        var mapping = session.mapping(table.schema(), table.name());
        var query = LoadQuery.of(table)
                .orderBy(mapping.primaryKey().stream()
                        .map(column -> new SortKey(column, false))
                        .toArray(SortKey[]::new))
                .limit(ROOT_LIMIT);
        return where.map(query::where).orElse(query);
    }

    private Relationships relationships(Session session) {
        var known = relationships;
        if (known == null) {
            known = Relationships.infer(session.catalog());
            relationships = known;
        }
        return known;
    }

    private void clear() {
        roots.clear();
        shown.clear();
        rootQuery = null;
        sql.set("");
        statementCount.set(0);
        cost.set("");
        warning.set("");
        breadcrumb.set("");
        problem.set(null);
    }

    // ---------------------------------------------------------------- expanding

    /** Loads the objects of {@code node} with its relationship's strategy, unless it shows them already. */
    public void expand(RelationshipNode node) {
        if (node.loaded().get()) return;
        load(node, false);
    }

    /** Loads {@code node} again with its relationship's strategy (after the strategy changed). */
    public void reload(RelationshipNode node) {
        load(node, true);
    }

    private void load(RelationshipNode node, boolean force) {
        var owner = node.parent();
        var relationship = node.relationship();
        var strategy = strategyOf(relationship);
        var siblings = siblings(owner).stream().map(ObjectNode::row).toList();
        var query = owner.parent() == null ? Optional.ofNullable(rootQuery) : Optional.<LoadQuery>empty();
        work(
                "Load " + relationship.name() + " (" + strategy.label() + ")",
                session -> GraphLoads.expand(
                        session, relationships(session), owner.row(), relationship, strategy, siblings, query, force),
                loaded -> {
                    show(loaded, relationship.name() + " with " + strategy.label());
                    if (loaded.objects() == null) return;
                    replaceChildren(node, loaded.objects());
                    node.loaded().set(true);
                    node.note().set(count(loaded.objects().size()));
                });
    }

    /**
     * Shows {@code objects} under {@code node}, keeping the line (and what was expanded below it) of each object
     * it showed already: loading again with another strategy gives the same objects.
     */
    private void replaceChildren(RelationshipNode node, List<ObjectView> objects) {
        var kept = new IdentityHashMap<Row, ObjectNode>();
        node.children().forEach(child -> kept.put(child.row(), child));
        var children = new ArrayList<ObjectNode>(objects.size());
        for (ObjectView view : objects) {
            var existing = kept.get(view.row());
            if (existing != null && existing.label().equals(view.label())) {
                kept.remove(view.row());
                children.add(existing);
            } else {
                children.add(object(view, node));
            }
        }
        forget(List.copyOf(kept.values()));
        node.children().setAll(children);
    }

    private List<ObjectNode> siblings(ObjectNode owner) {
        return owner.parent() == null ? roots : owner.parent().children();
    }

    private static String count(int rows) {
        return rows == 0 ? "(none)" : rows == 1 ? "(1 row)" : "(" + rows + " rows)";
    }

    private ObjectNode object(ObjectView view, RelationshipNode parent) {
        var node = new ObjectNode(view.row(), view.label(), parent);
        for (Relationship relationship : view.relationships()) {
            var line = new RelationshipNode(node, relationship);
            line.note().set(describe(relationship));
            node.children().add(line);
        }
        var lines = shown.computeIfAbsent(view.row(), row -> new ArrayList<>());
        lines.add(node);
        markPaths(lines);
        return node;
    }

    private void forget(List<ObjectNode> gone) {
        for (ObjectNode node : gone) {
            node.children().forEach(line -> forget(line.children()));
            var lines = shown.get(node.row());
            if (lines == null) continue;
            lines.remove(node);
            markPaths(lines);
        }
    }

    private static void markPaths(List<ObjectNode> lines) {
        for (ObjectNode line : lines) {
            line.alsoAt()
                    .set(lines.stream()
                            .filter(other -> other != line)
                            .map(GraphNode::relationshipPath)
                            .collect(Collectors.joining("; ")));
        }
    }

    /** {@code one-to-many → resumes} */
    static String describe(Relationship relationship) {
        return "(" + kind(relationship.kind()) + " → " + relationship.target().name()
                + relationship
                        .association()
                        .map(a -> " via " + a.table().name())
                        .orElse("") + ")";
    }

    private static String kind(RelationshipKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    // ---------------------------------------------------------------- strategies

    /** The strategy {@code relationship} loads with: the one chosen for it, else the browse's default. */
    public LoaderStrategy strategyOf(Relationship relationship) {
        return chosen.getOrDefault(relationship.qualifiedName(), defaultStrategy.get());
    }

    /** Chooses how {@code relationship} loads from now on, wherever it shows. */
    public void choose(Relationship relationship, LoaderStrategy strategy) {
        chosen.put(relationship.qualifiedName(), strategy);
    }

    /** The strategy of every relationship without one of its own: SQLAlchemy's default is lazy. */
    public ObjectProperty<LoaderStrategy> defaultStrategyProperty() {
        return defaultStrategy;
    }

    // ---------------------------------------------------------------- showing the last load

    private void show(Loaded loaded, String what) {
        problem.set(loaded.problem());
        var report = loaded.report();
        statementCount.set(report.statementCount());
        sql.set(sqlText(report, loaded.note()));
        cost.set(report.statementCount() + (report.statementCount() == 1 ? " statement" : " statements") + " for "
                + what + " · " + report.rowsReceived() + " rows received"
                + (report.duplicateParentRows() > 0
                        ? " · " + report.duplicateParentRows() + " duplicate parent rows"
                        : "")
                + " · " + report.elapsed().toMillis() + " ms");
        if (loaded.warning().isPresent()) {
            warning.set(loaded.warning().get());
        } else if (!report.warnings().isEmpty()) {
            warning.set(report.warnings().getLast().message());
        }
    }

    /** The statements as sent, each with its purpose, binds and rows. */
    static String sqlText(LoadReport report, String note) {
        var text = new StringBuilder();
        if (!note.isEmpty()) text.append("-- ").append(note).append('\n');
        int n = 0;
        for (var statement : report.statements()) {
            text.append("-- ")
                    .append(++n)
                    .append(". ")
                    .append(statement.purpose())
                    .append(" (")
                    .append(statement.strategy())
                    .append("), ")
                    .append(statement.rows())
                    .append(statement.rows() == 1 ? " row" : " rows")
                    .append('\n')
                    .append(statement.sql())
                    .append(";\n");
            if (!statement.binds().isEmpty()) {
                text.append("-- binds: ").append(binds(statement.binds())).append('\n');
            }
            text.append('\n');
        }
        if (report.statements().isEmpty() && note.isEmpty()) text.append("-- Nothing sent.\n");
        return text.toString();
    }

    private static String binds(List<Object> binds) {
        if (binds.size() <= 12) return binds.toString();
        return binds.subList(0, 12).toString().replace("]", ", … " + (binds.size() - 12) + " more]");
    }

    // ---------------------------------------------------------------- edits through the session

    /**
     * Adds a new row to {@code node}'s collection (a resume to a worker): pending in the session, its foreign key
     * filled in at flush; its other columns are edited in the table's Edit tab, and the Session panel flushes and
     * commits it.
     */
    public void appendNew(RelationshipNode node) {
        var relationship = node.relationship();
        var owner = node.parent();
        work(
                "Add to " + relationship.name(),
                session -> {
                    try {
                        var child = session.newRow(
                                relationship.target().schema(),
                                relationship.target().name());
                        session.append(owner.row(), relationship, child);
                        return added(session, node, child);
                    } catch (RuntimeException e) {
                        return Loaded.failed(
                                Problem.describe("Could not add to " + relationship.name(), e), LoadReport.empty());
                    }
                },
                loaded -> showEdit(node, loaded));
    }

    /**
     * Links the existing row of {@code node}'s target with this primary key (a vacancy to a resume's vacancies):
     * for a many-to-many an association row is inserted at flush.
     */
    public void link(RelationshipNode node, List<Object> targetKey) {
        var relationship = node.relationship();
        var owner = node.parent();
        work(
                "Link to " + relationship.name(),
                session -> {
                    try {
                        var mapping = session.mapping(
                                relationship.target().schema(),
                                relationship.target().name());
                        Row target = session.get(mapping, targetKey.toArray());
                        if (target == null) {
                            return Loaded.failed(
                                    new Problem(
                                            "No such row",
                                            relationship.target().name() + " has no row with key " + targetKey + ".",
                                            ""),
                                    LoadReport.empty());
                        }
                        session.append(owner.row(), relationship, target);
                        return added(session, node, target);
                    } catch (RuntimeException e) {
                        return Loaded.failed(
                                Problem.describe("Could not link " + relationship.name(), e), LoadReport.empty());
                    }
                },
                loaded -> showEdit(node, loaded));
    }

    /** Removes {@code object} from the relationship it shows under, at the next flush. */
    public void unlink(ObjectNode object) {
        var node = object.parent();
        if (node == null) return;
        var relationship = node.relationship();
        work(
                "Unlink from " + relationship.name(),
                session -> {
                    try {
                        session.remove(node.parent().row(), relationship, object.row());
                        var rows = session.loadedRelated(node.parent().row(), relationship)
                                .orElse(List.of());
                        return new Loaded(
                                GraphLoads.views(session, relationships(session), rows), LoadReport.empty(), null, "");
                    } catch (RuntimeException e) {
                        return Loaded.failed(Problem.describe("Could not unlink", e), LoadReport.empty());
                    }
                },
                loaded -> showEdit(node, loaded));
    }

    private Loaded added(Session session, RelationshipNode node, Row child) {
        var rows =
                session.loadedRelated(node.parent().row(), node.relationship()).orElse(List.of(child));
        return new Loaded(GraphLoads.views(session, relationships(session), rows), LoadReport.empty(), null, "");
    }

    private void showEdit(RelationshipNode node, Loaded loaded) {
        problem.set(loaded.problem());
        if (loaded.objects() == null) return;
        replaceChildren(node, loaded.objects());
        node.loaded().set(true);
        node.note().set(count(loaded.objects().size()) + " · changed, flush in the Session panel");
    }

    // ---------------------------------------------------------------- lane

    private <T> void work(
            String description, java.util.function.Function<Session, T> work, java.util.function.Consumer<T> then) {
        running.set(running.get() + 1);
        lane.run(description, work, result -> {
            running.set(running.get() - 1);
            then.accept(result);
        });
    }

    /** Shows the path to {@code node} in the breadcrumbs. */
    public void select(GraphNode node) {
        breadcrumb.set(node == null ? "" : node.breadcrumb());
    }

    // ---------------------------------------------------------------- read-only views

    /** The root objects. */
    public ObservableList<ObjectNode> roots() {
        return roots;
    }

    /** What the browser shows: {@code workers where id = 1}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The statements the last load sent, as SQL with their binds. */
    public ReadOnlyStringProperty sqlProperty() {
        return sql.getReadOnlyProperty();
    }

    /** How many statements the last load sent. */
    public ReadOnlyIntegerProperty statementCountProperty() {
        return statementCount.getReadOnlyProperty();
    }

    /** The last load's cost in words: statements, rows received, duplicate parent rows, time. */
    public ReadOnlyStringProperty costProperty() {
        return cost.getReadOnlyProperty();
    }

    /** The latest N+1 warning of the session, in words; empty while none. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The path to the selected line. */
    public ReadOnlyStringProperty breadcrumbProperty() {
        return breadcrumb.getReadOnlyProperty();
    }

    /** Why the last load or edit failed; null after one that worked. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether a load is running on the lane. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
