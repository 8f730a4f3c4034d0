package dev.athanor.model.session;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.Savepoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Rows of a database edited as objects, with SQLAlchemy 2.0's semantics: an identity map (one object per row),
 * a unit of work that sends INSERT, UPDATE and DELETE in foreign-key order at {@link #flush()}, autoflush before
 * queries, expiry on commit, rollback that restores objects, savepoints ({@link #beginNested()}).
 *
 * <p>Autobegin: the first statement begins a transaction; the session holds a connection only while it is open
 * and gives it back at commit or rollback. Closing with a transaction open rolls it back.
 *
 * <p>One thread at a time, and never the UI thread (statements block): using a session from a second thread while
 * a first is inside it fails with {@link IllegalStateException}. Every statement goes through the Engine, echoed
 * under the session's origin ({@value #ORIGIN} unless given).
 */
public final class Session implements AutoCloseable {
    /** The origin statements of a session are echoed under unless another is given. */
    public static final String ORIGIN = "session";

    private final Engine engine;
    private final Catalog catalog;
    private final String origin;
    private final UnitOfWork unitOfWork;
    private final Map<QualifiedName, TableMapping> mappings = new HashMap<>();
    private final Map<RowKey, Row> identityMap = new LinkedHashMap<>();
    private final LinkedHashSet<Row> pending = new LinkedHashSet<>();
    private final LinkedHashSet<Row> toDelete = new LinkedHashSet<>();
    private final Map<QualifiedName, String> versionChecks = new HashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final Scope transactionScope = new Scope();
    private final Deque<Nested> nested = new ArrayDeque<>();
    private final AtomicReference<Thread> user = new AtomicReference<>();
    private int depth;
    private SessionTransaction transaction;
    private Instant transactionStarted;
    private TransactionState transactionState = TransactionState.IDLE;
    private Throwable failure;
    private boolean autoflush = true;
    private int noAutoflush;
    private boolean expireOnCommit = true;
    private long insertCounter;
    private boolean closed;
    private LoadReport lastLoadReport = LoadReport.empty();
    private final NPlusOneDetector nPlusOneDetector = new NPlusOneDetector(java.time.Clock.systemUTC());
    private final List<NPlusOneWarning> nPlusOneWarnings = new ArrayList<>();

    private Session(Engine engine, Catalog catalog, String origin) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.unitOfWork = new UnitOfWork(catalog);
    }

    /** A session on {@code engine} for the tables of {@code catalog}; sends nothing until first used. */
    public static Session open(Engine engine, Catalog catalog) {
        return new Session(engine, catalog, ORIGIN);
    }

    /** A session whose statements are echoed under {@code origin}. */
    public static Session open(Engine engine, Catalog catalog, String origin) {
        return new Session(engine, catalog, origin);
    }

    /** Rows inserted, updated and deleted in a transaction or savepoint: what a rollback gives back. */
    private static final class Scope {
        final Set<Row> inserted = new LinkedHashSet<>();
        final Set<Row> updated = new LinkedHashSet<>();
        final Set<Row> deleted = new LinkedHashSet<>();

        void clear() {
            inserted.clear();
            updated.clear();
            deleted.clear();
        }
    }

    // ---------------------------------------------------------------- mapping

    /** The catalog the session maps tables from. */
    public Catalog catalog() {
        return catalog;
    }

    /** The mapping of {@code relation}. */
    public TableMapping mapping(Relation relation) {
        return mappings.computeIfAbsent(relation.qualifiedName(), name -> TableMapping.of(catalog, relation));
    }

    /** The mapping of the relation with this schema and name. */
    public TableMapping mapping(String schema, String name) {
        return mapping(catalog.relation(schema, name)
                .orElseThrow(() -> new IllegalArgumentException("no relation " + schema + "." + name)));
    }

    /** A new, transient row of the relation; {@link #add(Row)} it to insert it. */
    public Row newRow(String schema, String table) {
        return mapping(schema, table).newRow();
    }

    // ---------------------------------------------------------------- listeners and options

    /** Starts telling {@code listener} about changes. */
    public void addListener(SessionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener} about changes. */
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    void fire(SessionEvent.Kind kind, Row row, String detail) {
        if (listeners.isEmpty()) {
            return;
        }
        var event = new SessionEvent(kind, row, detail);
        for (SessionListener listener : listeners) {
            listener.onEvent(event);
        }
    }

    /** Whether queries flush pending changes first (on by default). */
    public boolean autoflush() {
        return autoflush;
    }

    /** Turns autoflush on or off. */
    public void autoflush(boolean on) {
        this.autoflush = on;
    }

    /** A block without autoflush, whatever the toggle says: {@code try (var block = session.noAutoflush()) {...}}. */
    public NoAutoflush noAutoflush() {
        noAutoflush++;
        return new NoAutoflush() {
            private boolean ended;

            @Override
            public void close() {
                if (!ended) {
                    ended = true;
                    noAutoflush--;
                }
            }
        };
    }

    /** A block of work without autoflush; closing it ends the block. */
    public interface NoAutoflush extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether commit expires every object (on by default), so the next access reads what was committed. */
    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    /** Turns expire-on-commit on or off. */
    public void expireOnCommit(boolean on) {
        this.expireOnCommit = on;
    }

    /**
     * Detects rows changed by someone else since they were loaded: UPDATE and DELETE of {@code table}'s rows also
     * match the version the session read, so a row changed meanwhile matches nothing and the flush fails with a
     * {@link StaleDataException}.
     *
     * @param versionColumn a numeric column the session increments at every UPDATE, or null to compare
     *     PostgreSQL's {@code xmin} (the transaction that wrote the row version; changes at every write)
     */
    public void detectConcurrentChanges(QualifiedName table, String versionColumn) {
        versionChecks.put(table, versionColumn == null ? Statements.XMIN : versionColumn);
    }

    /** Stops detecting changes made by others to {@code table}'s rows (the default). */
    public void ignoreConcurrentChanges(QualifiedName table) {
        versionChecks.remove(table);
    }

    // ---------------------------------------------------------------- collections and state

    /** Pending rows, in the order added (SQLAlchemy's {@code session.new}). */
    public List<Row> newRows() {
        return List.copyOf(pending);
    }

    /** Persistent rows with un-flushed changes ({@code session.dirty}). */
    public List<Row> dirtyRows() {
        var dirty = new ArrayList<Row>();
        for (Row row : identityMap.values()) {
            if (row.state() == ObjectState.PERSISTENT && !toDelete.contains(row) && row.isModified()) {
                dirty.add(row);
            }
        }
        return dirty;
    }

    /** Rows marked for deletion at the next flush ({@code session.deleted}). */
    public List<Row> deletedRows() {
        return List.copyOf(toDelete);
    }

    /** Every row in the identity map, in the order the rows came in. */
    public List<Row> identityMap() {
        return List.copyOf(identityMap.values());
    }

    /** Whether a flush would send anything. */
    public boolean hasChanges() {
        return !pending.isEmpty() || !toDelete.isEmpty() || !dirtyRows().isEmpty();
    }

    /** Whether {@code row} belongs to this session (pending, persistent or deleted in the open transaction). */
    public boolean contains(Row row) {
        return row.session() == this;
    }

    /** The transaction state now. */
    public TransactionState transactionState() {
        return transactionState;
    }

    /** When the open transaction began; empty when none is open. */
    public Optional<Instant> transactionStarted() {
        return Optional.ofNullable(transactionStarted);
    }

    /** Why the session needs a rollback; empty unless {@link #transactionState()} is FAILED. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** How many savepoints are open. */
    public int nestingLevel() {
        return nested.size();
    }

    // ---------------------------------------------------------------- thread confinement

    private void enter() {
        Thread me = Thread.currentThread();
        Thread holder = user.get();
        if (holder == me) {
            depth++;
            return;
        }
        if (!user.compareAndSet(null, me)) {
            throw new IllegalStateException(
                    "The session is in use by thread " + holder.getName() + "; a session serves one thread at a time.");
        }
        depth = 1;
    }

    private void exit() {
        if (--depth == 0) {
            user.set(null);
        }
    }

    private <T> T guarded(Supplier<T> work) {
        enter();
        try {
            return work.get();
        } finally {
            exit();
        }
    }

    private void guarded(Runnable work) {
        enter();
        try {
            work.run();
        } finally {
            exit();
        }
    }

    void checkUsable() {
        if (closed) {
            throw new IllegalStateException("The session is closed.");
        }
        if (transactionState == TransactionState.FAILED) {
            throw new PendingRollbackException(failure);
        }
    }

    // ---------------------------------------------------------------- adding, deleting, expunging

    /**
     * Adds a transient row (pending: inserted at the next flush) or a detached one (persistent again). Adding a row
     * already in the session does nothing.
     */
    public void add(Row row) {
        guarded(() -> {
            checkUsable();
            requireEditable(row);
            if (row.session() == this) {
                return;
            }
            if (row.session() != null) {
                throw new IllegalArgumentException(row.describe() + " belongs to another session.");
            }
            switch (row.state()) {
                case TRANSIENT -> {
                    row.insertOrder(++insertCounter);
                    row.attach(this, ObjectState.PENDING);
                    pending.add(row);
                    fire(SessionEvent.Kind.STATE_CHANGED, row, "transient -> pending");
                }
                case DETACHED -> {
                    RowKey key = row.key().orElseThrow();
                    Row existing = identityMap.get(key);
                    if (existing != null) {
                        throw new IllegalArgumentException(
                                "The session already holds another object for " + row.describe() + ".");
                    }
                    identityMap.put(key, row);
                    row.attach(this, ObjectState.PERSISTENT);
                    fire(SessionEvent.Kind.STATE_CHANGED, row, "detached -> persistent");
                }
                default ->
                    throw new IllegalStateException(
                            row.describe() + " is " + row.state().label());
            }
        });
    }

    /** Adds each row, in order. */
    public void addAll(Collection<Row> rows) {
        rows.forEach(this::add);
    }

    private static void requireEditable(Row row) {
        row.mapping().readOnlyReason().ifPresent(reason -> {
            throw new ReadOnlyException(reason);
        });
    }

    /**
     * Marks a persistent row for deletion; its DELETE goes at the next flush, after the rows referencing it. A
     * pending row is not in the database: {@link #expunge(Row)} it instead.
     */
    public void delete(Row row) {
        guarded(() -> {
            checkUsable();
            requireEditable(row);
            if (row.session() != this) {
                throw new IllegalArgumentException(row.describe() + " is not in this session.");
            }
            if (row.state() == ObjectState.PENDING) {
                throw new IllegalArgumentException(row.describe() + " is not saved yet; expunge it instead.");
            }
            if (row.state() == ObjectState.PERSISTENT && toDelete.add(row)) {
                fire(SessionEvent.Kind.STATE_CHANGED, row, "persistent -> marked for deletion");
            }
        });
    }

    /** Removes a row from the session: a pending one becomes transient, a persistent one detached. */
    public void expunge(Row row) {
        guarded(() -> {
            if (row.session() != this) {
                return;
            }
            ObjectState before = row.state();
            pending.remove(row);
            toDelete.remove(row);
            row.key().ifPresent(key -> identityMap.remove(key, row));
            ObjectState after = before == ObjectState.PENDING ? ObjectState.TRANSIENT : ObjectState.DETACHED;
            row.attach(null, after);
            fire(SessionEvent.Kind.STATE_CHANGED, row, before.label() + " -> " + after.label());
        });
    }

    /** Called by a row after one of its attributes got a value. */
    void changed(Row row, String column) {
        fire(SessionEvent.Kind.ATTRIBUTE_CHANGED, row, column);
    }

    // ---------------------------------------------------------------- reading

    /**
     * The row of {@code mapping} with this primary key (values in key order), or null. A row already in the
     * identity map is returned without any SQL (unless expired attributes must be read).
     */
    public Row get(TableMapping mapping, Object... key) {
        return guarded(() -> {
            checkUsable();
            if (key.length != mapping.primaryKey().size()) {
                throw new IllegalArgumentException(mapping.name() + " has a key of "
                        + mapping.primaryKey().size() + " column(s), not " + key.length);
            }
            Row known = identityMap.get(new RowKey(mapping.target(), List.of(key)));
            if (known != null) {
                if (known.hasExpired()) {
                    loadExpired(known);
                }
                return known;
            }
            List<Row> rows = select(mapping, Statements.keyIs(mapping, List.of(key)));
            return rows.isEmpty() ? null : rows.getFirst();
        });
    }

    /**
     * The rows of {@code mapping} matching {@code where}, after an autoflush. Rows already in the identity map come
     * back as the same objects, their un-flushed changes kept (only expired attributes are filled in).
     */
    public List<Row> select(TableMapping mapping, Condition where) {
        return select(mapping, where, false);
    }

    /** Every row of {@code mapping}. */
    public List<Row> selectAll(TableMapping mapping) {
        return select(mapping, DSL.noCondition(), false);
    }

    /**
     * The rows of {@code mapping} matching {@code where}.
     *
     * @param populateExisting overwrite rows already in the identity map with what the database holds, discarding
     *     their un-flushed changes (SQLAlchemy's {@code populate_existing})
     */
    public List<Row> select(TableMapping mapping, Condition where, boolean populateExisting) {
        return guarded(() -> {
            checkUsable();
            autoflushNow();
            int n = mapping.columns().size();
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            boolean xmin = Statements.XMIN.equals(versionChecks.get(mapping.target()));
            Query query = Statements.select(mapping, all, xmin, where);
            var rows = new ArrayList<Row>();
            run(Statements.render(query), Statements.binds(query), result -> {
                while (result.next()) {
                    rows.add(loaded(mapping, result, all, xmin, populateExisting));
                }
            });
            return rows;
        });
    }

    private Row loaded(TableMapping mapping, ResultSet result, int[] columns, boolean xmin, boolean overwrite)
            throws SQLException {
        Object[] values = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            values[c] = result.getObject(c + 1);
        }
        return materialize(mapping, values, columns, xmin ? result.getString(columns.length + 1) : null, overwrite);
    }

    /**
     * The identity map's object for a row read from the database: a new persistent row, or the one already there
     * with only its expired attributes filled in (all of them with {@code overwrite}).
     *
     * @param values the values read, position by position with {@code columns}
     * @param columns the column positions read; they include the key
     * @param version the row's {@code xmin} when the table's changes by others are detected, else null
     */
    Row materialize(TableMapping mapping, Object[] values, int[] columns, String version, boolean overwrite) {
        var keyValues = new ArrayList<Object>();
        for (int k : mapping.keyPositions()) {
            keyValues.add(values[indexOf(columns, k)]);
        }
        RowKey key = new RowKey(mapping.target(), keyValues);
        Row row = identityMap.get(key);
        boolean fresh = row == null;
        if (fresh) {
            row = new Row(mapping);
            row.key(key);
            row.attach(this, ObjectState.PERSISTENT);
            identityMap.put(key, row);
        }
        int filled = 0;
        for (int c = 0; c < columns.length; c++) {
            int i = columns[c];
            if (fresh || overwrite || row.expiredAt(i)) {
                row.loadValue(i, values[c]);
                filled++;
            }
        }
        if (version != null && (fresh || overwrite)) {
            row.version(version);
        }
        if (fresh) {
            fire(SessionEvent.Kind.STATE_CHANGED, row, "loaded -> persistent");
        } else if (filled > 0) {
            fire(SessionEvent.Kind.LOADED, row, Integer.toString(filled));
        }
        return row;
    }

    /** The row of the identity map with this key, or null; sends nothing. */
    Row identity(RowKey key) {
        return identityMap.get(key);
    }

    /** The mapping of the relation named {@code name}. */
    TableMapping mapping(QualifiedName name) {
        return mapping(catalog.relation(name).orElseThrow(() -> new IllegalArgumentException("no relation " + name)));
    }

    /** Whether {@code table}'s rows carry an {@code xmin} version the session compares at UPDATE and DELETE. */
    boolean checksXmin(QualifiedName table) {
        return Statements.XMIN.equals(versionChecks.get(table));
    }

    void lastLoadReport(LoadReport report) {
        this.lastLoadReport = report;
    }

    NPlusOneDetector nPlusOneDetector() {
        return nPlusOneDetector;
    }

    void warned(NPlusOneWarning warning) {
        nPlusOneWarnings.add(warning);
        fire(SessionEvent.Kind.N_PLUS_ONE, null, warning.message());
    }

    /** Reads every expired attribute of a persistent row (one SELECT); called on first access. */
    void loadExpired(Row row) {
        guarded(() -> {
            checkUsable();
            reload(row, false);
        });
    }

    /**
     * Reads the row now, overwriting every attribute with the database's current values; un-flushed changes to it
     * are discarded.
     *
     * @throws StaleDataException when the row no longer exists
     */
    public void refresh(Row row) {
        guarded(() -> {
            checkUsable();
            if (row.session() != this || row.state() != ObjectState.PERSISTENT) {
                throw new IllegalArgumentException(row.describe() + " is not persistent in this session.");
            }
            reload(row, true);
        });
    }

    private void reload(Row row, boolean everything) {
        TableMapping mapping = row.mapping();
        var columns = new ArrayList<Integer>();
        for (int i = 0; i < mapping.columns().size(); i++) {
            if (everything || row.expiredAt(i)) {
                columns.add(i);
            }
        }
        int[] positions = columns.stream().mapToInt(Integer::intValue).toArray();
        boolean xmin = Statements.XMIN.equals(versionChecks.get(mapping.target()));
        Query query = Statements.select(
                mapping,
                positions,
                xmin,
                Statements.keyIs(mapping, row.key().orElseThrow().values()));
        boolean[] found = {false};
        run(Statements.render(query), Statements.binds(query), result -> {
            if (result.next()) {
                found[0] = true;
                for (int c = 0; c < positions.length; c++) {
                    row.loadValue(positions[c], result.getObject(c + 1));
                }
                if (xmin) {
                    row.version(result.getString(positions.length + 1));
                }
            }
        });
        if (!found[0]) {
            throw new StaleDataException(row, row.describe() + " no longer exists in the database.");
        }
        fire(SessionEvent.Kind.LOADED, row, Integer.toString(positions.length));
    }

    /** Expires the named attributes of {@code row} (all when none are named); they are read again on next access. */
    public void expire(Row row, String... columns) {
        guarded(() -> {
            if (row.session() != this) {
                throw new IllegalArgumentException(row.describe() + " is not in this session.");
            }
            if (columns.length == 0) {
                row.expireAll();
            } else {
                for (String column : columns) {
                    row.expire(row.mapping().position(column));
                }
            }
            fire(SessionEvent.Kind.EXPIRED, row, columns.length == 0 ? "*" : String.join(", ", columns));
        });
    }

    /** Expires every row in the identity map. */
    public void expireAll() {
        guarded(() -> {
            for (Row row : identityMap.values()) {
                row.expireAll();
            }
            fire(SessionEvent.Kind.EXPIRED, null, "*");
        });
    }

    @FunctionalInterface
    interface ResultWork {
        void read(ResultSet result) throws SQLException;
    }

    /** Runs a query in the session's transaction (begun if needed). */
    void run(String sql, List<Object> binds, ResultWork work) {
        Connection connection = begin().connection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int b = 0; b < binds.size(); b++) {
                Statements.bind(statement, b + 1, binds.get(b));
            }
            try (ResultSet result = statement.executeQuery()) {
                work.read(result);
            }
        } catch (SQLException e) {
            throw failed(engine.classify(e));
        }
    }

    void autoflushNow() {
        if (autoflush && noAutoflush == 0 && (!pending.isEmpty() || !toDelete.isEmpty() || hasDirty())) {
            flush();
        }
    }

    private boolean hasDirty() {
        for (Row row : identityMap.values()) {
            if (row.state() == ObjectState.PERSISTENT && row.isModified()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- relationships

    /** How many lazy loads of one relationship within {@link #N_PLUS_ONE_WINDOW} raise an N+1 warning. */
    public static final int N_PLUS_ONE_THRESHOLD = 5;

    /** The window in which {@link #N_PLUS_ONE_THRESHOLD} lazy loads of one relationship raise an N+1 warning. */
    public static final java.time.Duration N_PLUS_ONE_WINDOW = java.time.Duration.ofSeconds(10);

    /**
     * Loads the parents {@code query} selects, then its relationships, each with its strategy, after an autoflush.
     * Every row goes into the identity map (a row already there comes back as the same object, its un-flushed
     * changes kept). A relationship loaded with {@link dev.athanor.model.relationship.LoaderStrategy#LAZY} is then
     * accessed on every parent, as a program walking the parents would: one SELECT each (the N+1 the report
     * shows). One loaded with {@code RAISE} is accessed the same way, which fails.
     *
     * @throws RaiseLoadException when an option's strategy is raise (its report holds the parent query)
     */
    public LoadResult load(LoadQuery query) {
        return guarded(() -> new RelationshipLoader(this).load(query));
    }

    /**
     * Loads relationships of rows already in the session (expanding rows in a browser), each option's path
     * starting at the rows' table. Joined and subquery select the rows again by key (one statement) to join from.
     *
     * @return what the loads sent
     */
    public LoadReport loadRelated(Collection<Row> parents, List<LoadOption> options) {
        return guarded(() -> new RelationshipLoader(this).loadRelated(parents, options));
    }

    /**
     * The rows related to {@code row} through {@code relationship}: already loaded ones without SQL, else loaded
     * now as a lazy load would (one SELECT for this row; none for a many-to-one whose target is in the identity
     * map), whatever the relationship's default strategy, except {@code raise}. A many-to-one or one-to-one gives
     * at most one row. {@link #lastLoadReport()} tells what it sent.
     *
     * @throws RaiseLoadException when not loaded and the relationship's strategy is raise
     */
    public List<Row> related(Row row, dev.athanor.model.relationship.Relationship relationship) {
        return guarded(() -> new RelationshipLoader(this).related(row, relationship));
    }

    /** The one row a many-to-one or one-to-one leads to, loaded as {@link #related(Row, dev.athanor.model.relationship.Relationship)} does. */
    public Optional<Row> relatedOne(Row row, dev.athanor.model.relationship.Relationship relationship) {
        List<Row> rows = related(row, relationship);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /**
     * The rows already loaded for {@code row} through {@code relationship}, without any SQL; empty when the
     * relationship is not loaded (an empty list when it is loaded and has no rows). Cheap: a UI builds its
     * snapshot from it.
     */
    public Optional<List<Row>> loadedRelated(Row row, dev.athanor.model.relationship.Relationship relationship) {
        return row.relatedRows(relationship);
    }

    /** Whether {@code relationship} of {@code row} is loaded (reading it sends nothing). */
    public boolean isLoaded(Row row, dev.athanor.model.relationship.Relationship relationship) {
        return row.relatedRows(relationship).isPresent();
    }

    /** What the most recent {@link #load}, {@link #loadRelated} or {@link #related} sent. */
    public LoadReport lastLoadReport() {
        return lastLoadReport;
    }

    /** Every N+1 warning raised in this session, oldest first. */
    public List<NPlusOneWarning> nPlusOneWarnings() {
        return List.copyOf(nPlusOneWarnings);
    }

    /**
     * Adds {@code child} to {@code parent}'s {@code relationship}, sent at the next flush (and shown in the
     * {@link #plan()}): for a one-to-many the child's foreign key takes the parent's key ({@link Row#link}, a
     * pending parent's new key included); for a many-to-one or the child side of a one-to-one, {@code parent}'s
     * foreign key takes {@code child}'s key; for a many-to-many a new association row is inserted. A transient
     * child or association row is added to the session. The loaded collection, if any, gets the child too.
     */
    public void append(Row parent, dev.athanor.model.relationship.Relationship relationship, Row child) {
        guarded(() -> new RelationshipLoader(this).append(parent, relationship, child));
    }

    /**
     * Removes {@code child} from {@code parent}'s {@code relationship} at the next flush: for a many-to-many the
     * association row is deleted (read first by key if not in the session); for a one-to-many the child's foreign
     * key columns are set to NULL (SQLAlchemy's default without delete-orphan; a NOT NULL key makes the flush
     * fail: delete the child instead); for a many-to-one the parent's foreign key columns are set to NULL.
     */
    public void remove(Row parent, dev.athanor.model.relationship.Relationship relationship, Row child) {
        guarded(() -> new RelationshipLoader(this).remove(parent, relationship, child));
    }

    // ---------------------------------------------------------------- transaction

    private SessionTransaction begin() {
        checkUsable();
        if (transaction == null) {
            transaction = SessionTransaction.begin(engine, origin);
            transactionStarted = Instant.now();
            transactionState = TransactionState.ACTIVE;
            fire(SessionEvent.Kind.TRANSACTION, null, transactionState.name());
        }
        return transaction;
    }

    /**
     * A statement failed inside the transaction: PostgreSQL refuses everything after it until ROLLBACK, so the
     * transaction is rolled back now and the session waits for {@link #rollback()}.
     */
    private RuntimeException failed(RuntimeException cause) {
        if (transaction != null) {
            try {
                transaction.close();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
            transaction = null;
            transactionStarted = null;
        }
        nested.clear();
        failure = cause;
        transactionState = TransactionState.FAILED;
        fire(SessionEvent.Kind.TRANSACTION, null, transactionState.name());
        return cause;
    }

    /** The statements the next flush would send, in order, with their bind values. Sends nothing. */
    public FlushPlan plan() {
        return guarded(() -> {
            var statements = new ArrayList<PlannedStatement>();
            int number = 0;
            for (UnitOfWork.Batch batch : batches()) {
                number++;
                for (Row row : batch.rows()) {
                    statements.add(new PlannedStatement(
                            batch.shape().operation(),
                            row,
                            batch.shape().sql(),
                            UnitOfWork.binds(batch.shape(), row, true),
                            number));
                }
            }
            return new FlushPlan(statements);
        });
    }

    private List<UnitOfWork.Batch> batches() {
        return unitOfWork.plan(List.copyOf(pending), dirtyRows(), List.copyOf(toDelete), versionChecks::get);
    }

    /**
     * Sends the pending changes (INSERT, UPDATE of changed columns, DELETE) in the open transaction, beginning one if
     * needed, without committing. On failure the transaction is rolled back, the rows stay as they were before the
     * flush (nothing typed is lost) and the session needs {@link #rollback()}.
     *
     * @throws StaleDataException when an UPDATE or DELETE matched no row
     * @throws DatabaseException classified, e.g. a constraint violation
     */
    public void flush() {
        guarded(() -> {
            checkUsable();
            List<UnitOfWork.Batch> batches = batches();
            if (batches.isEmpty()) {
                return;
            }
            Connection connection = begin().connection();
            var before = new IdentityHashMap<Row, Row.Snapshot>();
            for (UnitOfWork.Batch batch : batches) {
                for (Row row : batch.rows()) {
                    before.put(row, row.snapshot());
                }
            }
            int sent = 0;
            try {
                for (UnitOfWork.Batch batch : batches) {
                    send(connection, batch);
                    sent += batch.rows().size();
                }
            } catch (SQLException | RuntimeException e) {
                before.forEach(Row::restore);
                RuntimeException cause = e instanceof SQLException sql
                        ? engine.classify(sql)
                        : e instanceof DatabaseException || e instanceof StaleDataException
                                ? (RuntimeException) e
                                : new IllegalStateException(e.getMessage(), e);
                throw failed(cause);
            }
            settle(batches);
            fire(SessionEvent.Kind.FLUSHED, null, Integer.toString(sent));
        });
    }

    /** Sends one batch and writes what the server returned into its rows. */
    private void send(Connection connection, UnitOfWork.Batch batch) throws SQLException {
        UnitOfWork.Shape shape = batch.shape();
        List<Row> rows = batch.rows();
        boolean returning = shape.returning().length > 0 || shape.returnXmin();
        for (Row row : rows) {
            row.parents().keySet().forEach(row::copyParentKey);
        }
        if (rows.size() == 1) {
            Row row = rows.getFirst();
            try (PreparedStatement statement = connection.prepareStatement(shape.sql())) {
                bindRow(statement, shape, row);
                if (returning) {
                    try (ResultSet result = statement.executeQuery()) {
                        if (!result.next()) {
                            throw stale(shape, row);
                        }
                        applyReturned(shape, row, result);
                    }
                } else if (statement.executeUpdate() == 0) {
                    throw stale(shape, row);
                }
            }
            applySent(shape, row);
            return;
        }
        try (PreparedStatement statement = returning
                ? connection.prepareStatement(shape.sql(), Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(shape.sql())) {
            for (Row row : rows) {
                bindRow(statement, shape, row);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int r = 0; r < counts.length; r++) {
                if (counts[r] == 0) {
                    throw stale(shape, rows.get(r));
                }
            }
            if (returning) {
                try (ResultSet result = statement.getGeneratedKeys()) {
                    for (Row row : rows) {
                        if (!result.next()) {
                            throw stale(shape, row);
                        }
                        applyReturned(shape, row, result);
                    }
                }
            }
        }
        for (Row row : rows) {
            applySent(shape, row);
        }
    }

    private static void bindRow(PreparedStatement statement, UnitOfWork.Shape shape, Row row) throws SQLException {
        List<Object> binds = UnitOfWork.binds(shape, row, false);
        for (int b = 0; b < binds.size(); b++) {
            Statements.bind(statement, b + 1, binds.get(b));
        }
    }

    private static void applyReturned(UnitOfWork.Shape shape, Row row, ResultSet result) throws SQLException {
        int[] returned = shape.returning();
        for (int c = 0; c < returned.length; c++) {
            row.loadValue(returned[c], result.getObject(c + 1));
        }
        if (shape.returnXmin()) {
            row.version(result.getString(returned.length + 1));
        }
    }

    /** The sent values are now the committed ones; an INSERT gives the row its identity. */
    private static void applySent(UnitOfWork.Shape shape, Row row) {
        if (shape.operation() == Operation.DELETE) {
            return;
        }
        Object newVersion = shape.versionColumn() >= 0 && !row.modified(shape.versionColumn())
                ? UnitOfWork.binds(shape, row, false).get(indexOf(shape.columns(), shape.versionColumn()))
                : null;
        row.markFlushed();
        if (newVersion != null) {
            row.loadValue(shape.versionColumn(), newVersion);
        }
        if (shape.operation() == Operation.INSERT) {
            for (int i : shape.rest()) {
                if (!row.loaded(i)) {
                    row.loadValue(i, null);
                }
            }
        } else if (row.mapping().hasTriggers()) {
            // A trigger may have changed any column the UPDATE did not set: read them again on next access.
            for (int i : shape.rest()) {
                row.expire(i);
            }
        }
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private StaleDataException stale(UnitOfWork.Shape shape, Row row) {
        String what = shape.operation() == Operation.INSERT
                ? "INSERT"
                : shape.operation().name();
        boolean versioned = shape.checkXmin() || shape.versionColumn() >= 0;
        return new StaleDataException(
                row,
                what + " of " + row.describe() + " matched no row: "
                        + (versioned
                                ? "someone else deleted or changed it since it was loaded."
                                : "someone else deleted it since it was loaded."));
    }

    /** After a successful flush: new identities, deleted rows out of the map, the scopes told. */
    private void settle(List<UnitOfWork.Batch> batches) {
        for (UnitOfWork.Batch batch : batches) {
            Operation operation = batch.shape().operation();
            for (Row row : batch.rows()) {
                switch (operation) {
                    case INSERT -> {
                        pending.remove(row);
                        RowKey key = new RowKey(row.mapping().target(), row.currentKey());
                        row.key(key);
                        identityMap.put(key, row);
                        row.state(ObjectState.PERSISTENT);
                        record(scope -> scope.inserted.add(row));
                        fire(SessionEvent.Kind.STATE_CHANGED, row, "pending -> persistent");
                    }
                    case UPDATE -> {
                        List<Object> now = row.currentKey();
                        RowKey key = new RowKey(row.mapping().target(), now);
                        RowKey old = row.key().orElseThrow();
                        if (!key.equals(old)) {
                            identityMap.remove(old, row);
                            identityMap.put(key, row);
                            row.key(key);
                        }
                        record(scope -> scope.updated.add(row));
                    }
                    case DELETE -> {
                        toDelete.remove(row);
                        row.key().ifPresent(key -> identityMap.remove(key, row));
                        row.state(ObjectState.DELETED);
                        record(scope -> scope.deleted.add(row));
                        fire(SessionEvent.Kind.STATE_CHANGED, row, "persistent -> deleted");
                    }
                }
            }
        }
    }

    private void record(java.util.function.Consumer<Scope> change) {
        change.accept(transactionScope);
        for (Nested scope : nested) {
            change.accept(scope.scope);
        }
    }

    /**
     * Flushes, commits, and (with expire-on-commit) expires every object so the next access reads what the
     * database holds. Rows deleted in the transaction become detached. With nothing to send and no transaction
     * open, sends nothing.
     */
    public void commit() {
        guarded(() -> {
            checkUsable();
            flush();
            if (transaction != null) {
                try {
                    transaction.commit();
                } catch (RuntimeException e) {
                    transaction = null;
                    throw failed(e);
                }
                transaction = null;
                transactionStarted = null;
            }
            nested.clear();
            for (Row row : transactionScope.deleted) {
                row.attach(null, ObjectState.DETACHED);
                fire(SessionEvent.Kind.STATE_CHANGED, row, "deleted -> detached");
            }
            transactionScope.clear();
            if (expireOnCommit) {
                for (Row row : identityMap.values()) {
                    row.expireAll();
                }
                fire(SessionEvent.Kind.EXPIRED, null, "*");
            }
            transactionState = TransactionState.IDLE;
            fire(SessionEvent.Kind.TRANSACTION, null, transactionState.name());
        });
    }

    /**
     * Rolls the transaction back (when one is open) and restores the objects as SQLAlchemy does: pending rows and
     * rows inserted in the transaction leave the session as transient (the values given to them stay), rows
     * deleted in it become persistent again, every object is expired. Also ends a failed state.
     */
    public void rollback() {
        guarded(() -> {
            if (closed) {
                throw new IllegalStateException("The session is closed.");
            }
            if (transaction != null) {
                SessionTransaction ending = transaction;
                transaction = null;
                transactionStarted = null;
                ending.close();
            }
            nested.clear();
            restore(transactionScope, new ArrayList<>(identityMap.values()));
            transactionScope.clear();
            failure = null;
            transactionState = TransactionState.IDLE;
            fire(SessionEvent.Kind.TRANSACTION, null, transactionState.name());
        });
    }

    /** Puts back the rows a rolled-back transaction or savepoint changed; expires {@code toExpire}. */
    private void restore(Scope scope, Collection<Row> toExpire) {
        var becomeTransient = new LinkedHashSet<Row>(scope.inserted);
        becomeTransient.addAll(pending);
        for (Row row : becomeTransient) {
            pending.remove(row);
            toDelete.remove(row);
            row.key().ifPresent(key -> identityMap.remove(key, row));
            transactionScope.inserted.remove(row);
            nested.forEach(n -> n.scope.inserted.remove(row));
            row.forgetDatabase();
            row.attach(null, ObjectState.TRANSIENT);
            fire(SessionEvent.Kind.STATE_CHANGED, row, "pending -> transient");
        }
        var restored = new ArrayList<>(scope.deleted);
        for (Row row : restored) {
            transactionScope.deleted.remove(row);
            nested.forEach(n -> n.scope.deleted.remove(row));
            RowKey key = row.key().orElseThrow();
            identityMap.put(key, row);
            row.attach(this, ObjectState.PERSISTENT);
            fire(SessionEvent.Kind.STATE_CHANGED, row, "deleted -> persistent");
        }
        toDelete.clear();
        var expire = new LinkedHashSet<Row>(toExpire);
        expire.addAll(restored);
        for (Row row : expire) {
            if (row.session() == this) {
                row.expireAll();
            }
        }
        fire(SessionEvent.Kind.EXPIRED, null, "*");
    }

    // ---------------------------------------------------------------- savepoints

    /**
     * Flushes, then sets a SAVEPOINT: work after it can be rolled back alone ({@link Nested#rollback()}) or kept
     * ({@link Nested#commit()}). Savepoints nest; each ends before the one that encloses it.
     */
    public Nested beginNested() {
        return guarded(() -> {
            flush();
            var mark = begin().savepoint();
            var scope = new Nested(mark);
            nested.push(scope);
            return scope;
        });
    }

    /** A savepoint of the session's transaction (SQLAlchemy's nested transaction). */
    public final class Nested {
        private final Savepoint mark;
        private final Scope scope = new Scope();
        private boolean ended;

        private Nested(Savepoint mark) {
            this.mark = mark;
        }

        /** Whether the savepoint is still open. */
        public boolean isOpen() {
            return !ended && nested.contains(this);
        }

        /** Flushes and releases the savepoint: its work becomes part of the enclosing transaction. */
        public void commit() {
            guarded(() -> {
                requireInnermost();
                flush();
                try {
                    mark.release();
                } catch (RuntimeException e) {
                    throw failed(e);
                }
                nested.pop();
                ended = true;
            });
        }

        /**
         * Rolls back to the savepoint: rows inserted since become transient, rows deleted since persistent again,
         * rows changed since are expired; work before the savepoint stays.
         */
        public void rollback() {
            guarded(() -> {
                requireInnermost();
                try {
                    mark.rollback();
                } catch (RuntimeException e) {
                    throw failed(e);
                }
                nested.pop();
                ended = true;
                var touched = new LinkedHashSet<Row>(scope.updated);
                for (Row row : identityMap.values()) {
                    if (row.isModified()) {
                        touched.add(row);
                    }
                }
                restore(scope, touched);
            });
        }

        private void requireInnermost() {
            checkUsable();
            if (ended || nested.peek() != this) {
                throw new IllegalStateException(ended ? "The savepoint has ended." : "An inner savepoint is open.");
            }
        }
    }

    // ---------------------------------------------------------------- code and closing

    /** The pending work as SQLAlchemy 2.0 ORM code, the way the study notes write it. */
    public String sqlAlchemyCode() {
        return guarded(() -> SqlAlchemyCode.of(this));
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Rolls back any open transaction (returning its connection clean) and detaches every object: pending rows
     * become transient, the others detached. Safe to call twice.
     */
    @Override
    public void close() {
        guarded(() -> {
            if (closed) {
                return;
            }
            if (transaction != null) {
                SessionTransaction ending = transaction;
                transaction = null;
                transactionStarted = null;
                ending.close();
            }
            for (Row row : pending) {
                row.attach(null, ObjectState.TRANSIENT);
            }
            for (Row row : identityMap.values()) {
                row.attach(null, ObjectState.DETACHED);
            }
            for (Row row : transactionScope.deleted) {
                row.attach(null, ObjectState.DETACHED);
            }
            pending.clear();
            toDelete.clear();
            identityMap.clear();
            nested.clear();
            transactionScope.clear();
            closed = true;
            transactionState = TransactionState.IDLE;
            fire(SessionEvent.Kind.TRANSACTION, null, "CLOSED");
        });
    }

    @Override
    public String toString() {
        return "Session[" + origin + ", " + identityMap.size() + " rows, " + pending.size() + " new, "
                + transactionState.label() + "]";
    }
}
