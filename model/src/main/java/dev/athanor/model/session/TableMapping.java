package dev.athanor.model.session;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.Column;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.Identity;
import dev.athanor.model.catalog.ObjectKind;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How rows of one relation are edited as objects: its columns, primary key, foreign keys and the columns whose
 * values the server supplies (defaults, identity, generated). Taken from the {@link Catalog}; immutable.
 *
 * <p>A partition is edited through its partitioned parent: statements name the parent and the server routes the
 * row. Relations without a primary key, views, materialized views and composite types are read-only, with a
 * {@link #readOnlyReason() reason} a person can read.
 */
public final class TableMapping {
    private final Relation relation;
    private final QualifiedName target;
    private final List<Column> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<String> primaryKey;
    private final int[] keyPositions;
    private final List<ForeignKey> foreignKeys;
    private final Optional<String> readOnlyReason;
    private final boolean hasTriggers;

    private TableMapping(Relation relation, QualifiedName target, Optional<String> readOnlyReason) {
        this.relation = relation;
        this.target = target;
        this.columns = relation.columns();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
        }
        this.primaryKey = relation.primaryKey().map(pk -> pk.columns()).orElse(List.of());
        this.keyPositions = primaryKey.stream().mapToInt(positions::get).toArray();
        this.foreignKeys = relation.foreignKeys();
        this.readOnlyReason = readOnlyReason;
        this.hasTriggers = !relation.triggers().isEmpty();
    }

    /**
     * The mapping of {@code relation}. A partition's statements name its parent (found in {@code catalog}), and
     * its key and foreign keys are the partition's own, which PostgreSQL keeps identical to the parent's.
     */
    public static TableMapping of(Catalog catalog, Relation relation) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(relation, "relation");
        QualifiedName target = relation.qualifiedName();
        if (relation.kind() == ObjectKind.PARTITION && relation.partitionOf().isPresent()) {
            QualifiedName root = relation.partitionOf().get().parent();
            // Sub-partitions hang under partitions: statements go to the topmost parent.
            var parent = catalog.relation(root);
            while (parent.isPresent() && parent.get().partitionOf().isPresent()) {
                root = parent.get().partitionOf().get().parent();
                parent = catalog.relation(root);
            }
            target = root;
        }
        return new TableMapping(relation, target, readOnlyReason(relation));
    }

    private static Optional<String> readOnlyReason(Relation relation) {
        return switch (relation.kind()) {
            case VIEW -> Optional.of("A view shows rows of other tables; edit those tables instead.");
            case MATERIALIZED_VIEW ->
                Optional.of("A materialized view is a stored query result; it changes only when refreshed.");
            case COMPOSITE_TYPE -> Optional.of("A composite type has no rows of its own.");
            default ->
                relation.primaryKey().isEmpty()
                        ? Optional.of("The table has no primary key, so a changed row cannot be told apart from"
                                + " others with the same values.")
                        : Optional.empty();
        };
    }

    /** The relation as the catalog describes it. */
    public Relation relation() {
        return relation;
    }

    /** The table statements name: the relation itself, or the topmost parent of a partition. */
    public QualifiedName target() {
        return target;
    }

    /** The relation's name (a partition's own name, not its parent's). */
    public QualifiedName name() {
        return relation.qualifiedName();
    }

    /** The columns in column-number order. */
    public List<Column> columns() {
        return columns;
    }

    /** The primary key's columns in key order; empty without a primary key. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** The foreign keys this relation holds. */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** Why rows of this relation cannot be changed; empty when they can. */
    public Optional<String> readOnlyReason() {
        return readOnlyReason;
    }

    /** Whether rows can be added, changed and deleted. */
    public boolean editable() {
        return readOnlyReason.isEmpty();
    }

    /** The position of {@code column} in {@link #columns()}. */
    public int position(String column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException(relation.qualifiedName() + " has no column " + column);
        }
        return position;
    }

    /** Whether the relation has a column with this exact name. */
    public boolean hasColumn(String column) {
        return positions.containsKey(column);
    }

    int[] keyPositions() {
        return keyPositions;
    }

    /** Whether triggers may change a row behind the statement's back (columns then reload after an UPDATE). */
    boolean hasTriggers() {
        return hasTriggers;
    }

    /** Whether the server fills the column when an INSERT leaves it out (default, identity or generated). */
    static boolean serverFilled(Column column) {
        return column.defaultExpression().isPresent() || column.identity().isPresent() || column.generated();
    }

    /** Why a value of one's own cannot be given to this column; empty when it can. */
    static Optional<String> unsettableReason(Column column) {
        if (column.generated()) {
            return Optional.of(column.name() + " is generated by the server from "
                    + column.generatedExpression().orElseThrow());
        }
        if (column.identity().orElse(null) == Identity.ALWAYS) {
            return Optional.of(column.name() + " is an identity column GENERATED ALWAYS: the server numbers it");
        }
        return Optional.empty();
    }

    /** Creates a new, transient row of this relation; add it to a session to insert it. */
    public Row newRow() {
        return new Row(this);
    }

    /** Names the row with this key the way a person reads it: {@code public.workers (id=5)}. */
    String describe(List<Object> key) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < primaryKey.size(); i++) {
            parts.add(primaryKey.get(i) + "=" + (i < key.size() ? key.get(i) : "?"));
        }
        return relation.qualifiedName() + " (" + String.join(", ", parts) + ")";
    }

    @Override
    public String toString() {
        return "TableMapping[" + relation.qualifiedName() + "]";
    }
}
