package dev.athanor.model.session;

import dev.athanor.model.catalog.Column;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.relationship.Relationship;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a table as an object: each attribute (column) keeps its committed value (what the database holds as
 * far as the session knows), its current value and whether it is expired (to be read again on next access).
 * Generic over the catalog: columns are addressed by name.
 *
 * <p>Like the session that holds it, a row is used by one thread at a time. Reading an expired attribute of a
 * persistent row sends a SELECT, so it must not happen on a UI thread; {@link #isExpired(String)} tells first.
 */
public final class Row {
    private final TableMapping mapping;
    private final Object[] current;
    private final Object[] committed;
    private final boolean[] loaded;
    private final boolean[] assigned;
    private final boolean[] expired;
    /** Values a person gave (not the server): kept when a rolled-back INSERT makes the row transient again. */
    private final boolean[] given;

    private final Map<ForeignKey, Row> parents = new LinkedHashMap<>();
    /** Loaded relationships: the related rows, in order; a relationship not loaded has no entry. */
    private final Map<Relationship, List<Row>> related = new LinkedHashMap<>();

    private ObjectState state = ObjectState.TRANSIENT;
    private Session session;
    private RowKey key;
    private long insertOrder;
    private Object version;

    Row(TableMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        int n = mapping.columns().size();
        current = new Object[n];
        committed = new Object[n];
        loaded = new boolean[n];
        assigned = new boolean[n];
        expired = new boolean[n];
        given = new boolean[n];
    }

    /** The mapping of the row's table. */
    public TableMapping mapping() {
        return mapping;
    }

    /** The row's state now. */
    public ObjectState state() {
        return state;
    }

    /** The identity in the session's map; empty until the row has one (pending rows get it at flush). */
    public Optional<RowKey> key() {
        return Optional.ofNullable(key);
    }

    /**
     * The current value of {@code column}. An expired attribute of a persistent row is read again first (one
     * SELECT of every expired column, in the session's transaction); an attribute never given a value reads null.
     *
     * @throws DetachedRowException when the attribute is expired and the row belongs to no session
     */
    public Object get(String column) {
        int i = mapping.position(column);
        if (expired[i]) {
            if (session == null || state != ObjectState.PERSISTENT) {
                throw new DetachedRowException(this, column);
            }
            session.loadExpired(this);
        }
        return current[i];
    }

    /**
     * Gives {@code column} a new value (null sets SQL NULL). The database sees it at the next flush.
     *
     * @throws ReadOnlyException when the table is read-only, or the column takes no values of one's own
     */
    public void set(String column, Object value) {
        int i = mapping.position(column);
        var reason = mapping.readOnlyReason()
                .or(() -> TableMapping.unsettableReason(mapping.columns().get(i)));
        if (reason.isPresent()) {
            throw new ReadOnlyException(reason.get());
        }
        if (state == ObjectState.DELETED) {
            throw new IllegalStateException(describe() + " is deleted; roll back to change it again.");
        }
        // Allowed even while the session waits for a rollback after a failed flush: the user corrects the value.
        current[i] = value;
        assigned[i] = true;
        given[i] = true;
        expired[i] = false;
        if (session != null) {
            session.changed(this, column);
        }
    }

    /**
     * Links this row to the row it references through {@code foreignKey}: at flush the key's columns take the
     * parent's key values, including a key the server gives a pending parent at its INSERT. Null unlinks (the
     * columns keep their values).
     */
    public void link(ForeignKey foreignKey, Row parent) {
        if (!mapping.foreignKeys().contains(foreignKey)) {
            throw new IllegalArgumentException(foreignKey.name() + " is not a foreign key of " + mapping.name());
        }
        if (parent == null) {
            parents.remove(foreignKey);
        } else {
            if (!parent.mapping.relation().qualifiedName().equals(foreignKey.referencedTable())
                    && !parent.mapping.target().equals(foreignKey.referencedTable())) {
                throw new IllegalArgumentException(foreignKey.name() + " references " + foreignKey.referencedTable()
                        + ", not " + parent.mapping.name());
            }
            parents.put(foreignKey, parent);
        }
        for (String column : foreignKey.columns()) {
            int i = mapping.position(column);
            assigned[i] = true;
            given[i] = true;
            expired[i] = false;
        }
        copyParentKey(foreignKey);
        if (session != null) {
            session.changed(this, foreignKey.columns().getFirst());
        }
    }

    /** Links this row to {@code parent} through the only foreign key that references the parent's table. */
    public void link(Row parent) {
        var keys = mapping.foreignKeys().stream()
                .filter(fk -> fk.referencedTable().equals(parent.mapping.target())
                        || fk.referencedTable().equals(parent.mapping.name()))
                .toList();
        if (keys.size() != 1) {
            throw new IllegalArgumentException(mapping.name() + " has " + keys.size() + " foreign keys to "
                    + parent.mapping.name() + "; name the one to use");
        }
        link(keys.getFirst(), parent);
    }

    /** The rows this row is linked to, by foreign key. */
    public Map<ForeignKey, Row> parents() {
        return Collections.unmodifiableMap(parents);
    }

    /** The loaded rows of {@code relationship}, without SQL; empty when it is not loaded. */
    Optional<List<Row>> relatedRows(Relationship relationship) {
        List<Row> rows = related.get(relationship);
        return rows == null ? Optional.empty() : Optional.of(List.copyOf(rows));
    }

    /** The live list of {@code relationship}'s rows, created empty (now loaded) if absent. */
    List<Row> relatedList(Relationship relationship) {
        return related.computeIfAbsent(relationship, r -> new ArrayList<>());
    }

    /** A new, empty list for {@code relationship}'s rows, replacing what was loaded: a load fills it. */
    List<Row> resetRelated(Relationship relationship) {
        var rows = new ArrayList<Row>();
        related.put(relationship, rows);
        return rows;
    }

    /** Whether {@code relationship} is loaded. */
    boolean relatedLoaded(Relationship relationship) {
        return related.containsKey(relationship);
    }

    /** Forgets every loaded relationship: they load again on next access. */
    void expireRelated() {
        related.clear();
    }

    /** Whether the attribute is expired: its value is unknown until read again. */
    public boolean isExpired(String column) {
        return expired[mapping.position(column)];
    }

    /** Whether any attribute is expired. */
    public boolean hasExpired() {
        for (boolean e : expired) {
            if (e) {
                return true;
            }
        }
        return false;
    }

    /** The value the database holds as far as the session knows (before un-flushed changes); null if unknown. */
    public Object committedValue(String column) {
        return committed[mapping.position(column)];
    }

    /** Whether the attribute has an un-flushed change. */
    public boolean isModified(String column) {
        return modified(mapping.position(column));
    }

    /** Whether any attribute has an un-flushed change. */
    public boolean isModified() {
        for (int i = 0; i < current.length; i++) {
            if (modified(i)) {
                return true;
            }
        }
        return false;
    }

    /** The un-flushed changes, column by column in column order. */
    public List<Change> changes() {
        var changes = new ArrayList<Change>();
        for (int i = 0; i < current.length; i++) {
            if (modified(i)) {
                changes.add(new Change(
                        mapping.columns().get(i).name(), loaded[i] ? committed[i] : null, loaded[i], current[i]));
            }
        }
        return changes;
    }

    /**
     * A change of one attribute.
     *
     * @param column the column
     * @param oldValue the committed value (null when unknown)
     * @param oldKnown whether the committed value was loaded
     * @param newValue the current value
     */
    public record Change(String column, Object oldValue, boolean oldKnown, Object newValue) {}

    boolean modified(int i) {
        if (!assigned[i]) {
            return false;
        }
        return !loaded[i] || !Objects.deepEquals(current[i], committed[i]);
    }

    boolean assigned(int i) {
        return assigned[i];
    }

    Object value(int i) {
        return current[i];
    }

    Object committed(int i) {
        return committed[i];
    }

    boolean loaded(int i) {
        return loaded[i];
    }

    boolean expiredAt(int i) {
        return expired[i];
    }

    /** Key values the database row is found by: its identity, else the committed values. */
    List<Object> committedKey() {
        if (key != null) {
            return key.values();
        }
        var values = new ArrayList<Object>();
        for (int i : mapping.keyPositions()) {
            values.add(loaded[i] ? committed[i] : current[i]);
        }
        return values;
    }

    /** Key values from the current state; null when a key column has no value yet. */
    List<Object> currentKey() {
        var values = new ArrayList<Object>();
        for (int i : mapping.keyPositions()) {
            if (current[i] == null) {
                return null;
            }
            values.add(current[i]);
        }
        return values;
    }

    /** Records {@code value} as read from the database (or written to it by a flush). */
    void loadValue(int i, Object value) {
        committed[i] = value;
        current[i] = value;
        loaded[i] = true;
        assigned[i] = false;
        given[i] = false;
        expired[i] = false;
    }

    /**
     * Back to a new row after its INSERT was rolled back: the values a person gave stay (to be inserted again), the
     * ones the server supplied are forgotten.
     */
    void forgetDatabase() {
        for (int i = 0; i < current.length; i++) {
            if (given[i]) {
                assigned[i] = true;
            } else {
                current[i] = null;
                assigned[i] = false;
            }
            committed[i] = null;
            loaded[i] = false;
            expired[i] = false;
        }
        key = null;
        version = null;
    }

    /** The row's state, to put back if a flush fails. */
    Snapshot snapshot() {
        return new Snapshot(
                current.clone(),
                committed.clone(),
                loaded.clone(),
                assigned.clone(),
                expired.clone(),
                given.clone(),
                state,
                key,
                version);
    }

    void restore(Snapshot snapshot) {
        int n = current.length;
        System.arraycopy(snapshot.current, 0, current, 0, n);
        System.arraycopy(snapshot.committed, 0, committed, 0, n);
        System.arraycopy(snapshot.loaded, 0, loaded, 0, n);
        System.arraycopy(snapshot.assigned, 0, assigned, 0, n);
        System.arraycopy(snapshot.expired, 0, expired, 0, n);
        System.arraycopy(snapshot.given, 0, given, 0, n);
        state = snapshot.state;
        key = snapshot.key;
        version = snapshot.version;
    }

    record Snapshot(
            Object[] current,
            Object[] committed,
            boolean[] loaded,
            boolean[] assigned,
            boolean[] expired,
            boolean[] given,
            ObjectState state,
            RowKey key,
            Object version) {}

    /** Marks every un-flushed value as now held by the database. */
    void markFlushed() {
        for (int i = 0; i < current.length; i++) {
            if (assigned[i]) {
                committed[i] = current[i];
                loaded[i] = true;
                assigned[i] = false;
            }
        }
    }

    /** Forgets the attribute's values; it reads again on next access. */
    void expire(int i) {
        expired[i] = true;
        assigned[i] = false;
        given[i] = false;
        loaded[i] = false;
        committed[i] = null;
        current[i] = null;
    }

    void expireAll() {
        for (int i = 0; i < current.length; i++) {
            expire(i);
        }
        related.clear();
    }

    /** Copies the linked parent's key into the foreign key's columns, when the parent has one. */
    boolean copyParentKey(ForeignKey foreignKey) {
        Row parent = parents.get(foreignKey);
        if (parent == null) {
            return true;
        }
        boolean complete = true;
        for (int c = 0; c < foreignKey.columns().size(); c++) {
            int parentPosition =
                    parent.mapping.position(foreignKey.referencedColumns().get(c));
            Object value = parent.expired[parentPosition] ? null : parent.current[parentPosition];
            if (value == null) {
                complete = false;
            }
            int i = mapping.position(foreignKey.columns().get(c));
            current[i] = value;
            assigned[i] = true;
            given[i] = true;
            expired[i] = false;
        }
        return complete;
    }

    void attach(Session session, ObjectState state) {
        this.session = session;
        this.state = state;
    }

    Session session() {
        return session;
    }

    void state(ObjectState state) {
        this.state = state;
    }

    void key(RowKey key) {
        this.key = key;
    }

    long insertOrder() {
        return insertOrder;
    }

    void insertOrder(long order) {
        this.insertOrder = order;
    }

    Object version() {
        return version;
    }

    void version(Object version) {
        this.version = version;
    }

    /** The row in a person's words: its table and key, or its place among new rows. */
    public String describe() {
        if (key != null) {
            return mapping.describe(key.values());
        }
        List<Object> values = currentKey();
        if (values != null) {
            return mapping.describe(values);
        }
        return "new row of " + mapping.name() + (insertOrder > 0 ? " #" + insertOrder : "");
    }

    /** The attributes as column name to current value; expired ones read as {@code <expired>}. */
    @Override
    public String toString() {
        var text =
                new StringBuilder(describe()).append(' ').append(state.label()).append(" {");
        List<Column> columns = mapping.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(columns.get(i).name()).append('=');
            text.append(expired[i] ? "<expired>" : (current[i] instanceof byte[] b ? Arrays.toString(b) : current[i]));
        }
        return text.append('}').toString();
    }
}
