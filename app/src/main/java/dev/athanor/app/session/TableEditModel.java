package dev.athanor.app.session;

import dev.athanor.model.catalog.CheckConstraint;
import dev.athanor.model.catalog.Column;
import dev.athanor.model.engine.ConstraintViolation;
import dev.athanor.model.session.ObjectState;
import dev.athanor.model.session.Row;
import dev.athanor.model.session.Session;
import dev.athanor.model.session.StaleDataException;
import dev.athanor.model.session.TableMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of one table edited through the window's session: loaded with the session's query (rows already in
 * its identity map come back as the same objects, their un-flushed values kept), changed cell by cell, added,
 * duplicated and deleted. Every change goes to the session's lane; the grid shows {@link EditRow} snapshots read
 * there after each call, so a flush, commit or rollback from the Session panel shows here too.
 */
public final class TableEditModel implements AutoCloseable {
    /** The key of {@link EditRow#errors()} for a failure of the whole row rather than one of its cells. */
    public static final String ROW = "";

    /** How many rows the grid shows at first and adds at each "Load more". */
    public static final int PAGE = 500;

    private final SessionModel session;
    private final String schema;
    private final String table;
    private final ObservableList<EditRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper readOnly = new ReadOnlyStringWrapper(this, "readOnly", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final SessionModel.Watcher watcher = this::read;
    /** The grid's rows in order: loaded ones, then the ones added here; touched only on the lane. */
    private final List<Row> shown = new ArrayList<>();
    /** The columns as the grid shows them, with their enum labels; set on the lane at load. */
    private volatile List<ColumnInfo> columns = List.of();

    private int limit = PAGE;
    private boolean more;

    /**
     * A column of the grid: its catalog column, its enum labels (empty unless an enum), whether it is key, whether
     * it takes values, and the rows it may point to when it is a foreign-key column.
     */
    public record ColumnInfo(
            Column column,
            List<String> labels,
            boolean key,
            boolean settable,
            java.util.Optional<ForeignKeyChoices.Target> reference) {
        public String name() {
            return column.name();
        }
    }

    /**
     * One row of the grid as the session holds it.
     *
     * @param row the row object (touch it only through this model)
     * @param number the row's place in the grid, from 1
     * @param state the object state in words (pending, persistent, dirty, deleted, expired...)
     * @param texts each cell as shown ("NULL" for SQL NULL, "…" for an expired value)
     * @param nulls which cells hold SQL NULL
     * @param modified which cells have un-flushed changes
     * @param expired which cells are expired (read again on next load)
     * @param errors a flush failure placed at its columns, column name to message; under {@link #ROW} a failure of
     *     the whole row (a stale row: deleted or changed by someone else)
     */
    public record EditRow(
            Row row,
            int number,
            String state,
            List<String> texts,
            List<Boolean> nulls,
            List<Boolean> modified,
            List<Boolean> expired,
            Map<String, String> errors) {}

    public TableEditModel(SessionModel session, String schema, String table) {
        this.session = session;
        this.schema = schema;
        this.table = table;
        session.watch(watcher);
    }

    /** Loads the first page of rows through the session (an autoflush first, when it is on). */
    public void load() {
        int wanted = limit; // read here: the lane must not see a later "Load more" half-way
        session.run(
                "Loading " + schema + "." + table,
                s -> {
                    var mapping = s.mapping(schema, table);
                    columns = columnsOf(s, mapping);
                    List<Row> loaded;
                    if (mapping.primaryKey().isEmpty()) {
                        loaded = s.pageWithoutKey(mapping, wanted + 1);
                    } else {
                        loaded = new ArrayList<>(s.select(mapping, firstRows(mapping, wanted + 1)));
                        // The server returns rows in storage order, which moves as rows change: key order keeps the
                        // grid (and its first page) stable.
                        loaded.sort(TableEditModel::byKey);
                    }
                    var pending = new ArrayList<Row>();
                    for (Row row : shown) if (!loaded.contains(row)) pending.add(row);
                    shown.clear();
                    shown.addAll(loaded.subList(0, Math.min(wanted, loaded.size())));
                    more = loaded.size() > wanted;
                    loadedCount = shown.size();
                    for (Row row : pending) if (s.contains(row)) shown.add(row);
                    return mapping.readOnlyReason().orElse("");
                },
                reason -> readOnly.set(reason));
    }

    /** Shows {@value #PAGE} more rows. */
    public void loadMore() {
        limit += PAGE;
        load();
    }

    /**
     * The first {@code count} rows by key, so that a large table does not fill the session (a relation without a
     * key is paged by {@link Session#pageWithoutKey}).
     */
    private static org.jooq.Condition firstRows(TableMapping mapping, int count) {
        if (mapping.primaryKey().isEmpty()) return org.jooq.impl.DSL.noCondition();
        var key = mapping.primaryKey().stream()
                .map(column -> org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(column)))
                .toArray(org.jooq.Field[]::new);
        var table = org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(
                mapping.target().schema(), mapping.target().name()));
        return org.jooq
                .impl
                .DSL
                .row(key)
                .in(org.jooq.impl.DSL.select(key).from(table).orderBy(key).limit(count));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int byKey(Row a, Row b) {
        var left = a.key().map(key -> key.values()).orElse(List.of());
        var right = b.key().map(key -> key.values()).orElse(List.of());
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            if (left.get(i) instanceof Comparable x
                    && right.get(i) != null
                    && x.getClass() == right.get(i).getClass()) {
                int order = x.compareTo(right.get(i));
                if (order != 0) return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static List<ColumnInfo> columnsOf(Session session, TableMapping mapping) {
        var infos = new ArrayList<ColumnInfo>();
        for (Column column : mapping.columns()) {
            var labels = session.catalog()
                    .enumType(column.typeOid())
                    .map(type -> type.labels())
                    .orElse(List.of());
            boolean settable = mapping.editable()
                    && column.identity().orElse(null) != dev.athanor.model.catalog.Identity.ALWAYS
                    && !column.generated();
            infos.add(new ColumnInfo(
                    column,
                    labels,
                    mapping.primaryKey().contains(column.name()),
                    settable,
                    ForeignKeyChoices.Target.of(session.catalog(), mapping.relation(), column.name())));
        }
        return List.copyOf(infos);
    }

    /**
     * Sets the cell to what the user typed, checked against the column's type first; a value the type refuses
     * changes nothing and says why ({@link #messageProperty()}).
     */
    public void set(EditRow row, String column, String text) {
        var info = column(column);
        Object value;
        try {
            value = CellValue.parse(info.column(), info.labels(), text);
        } catch (IllegalArgumentException e) {
            message.set(column + ": " + e.getMessage());
            return;
        }
        change("Editing " + column, s -> row.row().set(column, value));
    }

    /** The searchable rows {@code column} may point to; empty unless it is a foreign-key column. */
    public java.util.Optional<ForeignKeyChoices> choices(String column) {
        return column(column)
                .reference()
                .map(target -> references.computeIfAbsent(
                        target.foreignKey().name(),
                        name -> new ForeignKeyChoices(session.background(), session.engine(), target)));
    }

    private final Map<String, ForeignKeyChoices> references = new HashMap<>();

    /**
     * Points {@code row} at the chosen referenced row: every column of the foreign key is set, each checked against
     * its type as typed values are.
     */
    public void choose(EditRow row, ForeignKeyChoices.Target target, ForeignKeyChoices.Choice choice) {
        var values = new java.util.LinkedHashMap<String, Object>();
        var columns = target.foreignKey().columns();
        for (int c = 0; c < columns.size(); c++) {
            var info = column(columns.get(c));
            try {
                values.put(
                        info.name(),
                        CellValue.parse(
                                info.column(), info.labels(), choice.key().get(c)));
            } catch (IllegalArgumentException e) {
                message.set(info.name() + ": " + e.getMessage());
                return;
            }
        }
        change(
                "Choosing " + choice.label(),
                s -> values.forEach((name, value) -> row.row().set(name, value)));
    }

    /** Sets the cell to SQL NULL (an empty text is the empty string, not NULL). */
    public void setNull(EditRow row, String column) {
        change("Setting " + column + " to NULL", s -> row.row().set(column, null));
    }

    /** Adds a new row (pending: inserted at the next flush). */
    public void add() {
        change("Adding a row", s -> {
            var row = s.newRow(schema, table);
            s.add(row);
            shown.add(row);
        });
    }

    /** Adds a copy of {@code row} without its key and generated values. */
    public void duplicate(EditRow original) {
        change("Duplicating a row", s -> {
            var copy = s.newRow(schema, table);
            for (ColumnInfo info : columns) {
                if (info.key() || !info.settable() || original.row().isExpired(info.name())) continue;
                if (info.column().defaultExpression().isPresent()
                        && original.row().get(info.name()) == null) continue;
                copy.set(info.name(), original.row().get(info.name()));
            }
            s.add(copy);
            shown.add(copy);
        });
    }

    /** Marks {@code row} for deletion (a new row just leaves the session). */
    public void delete(EditRow row) {
        change("Deleting a row", s -> {
            if (row.row().state() == ObjectState.PENDING) {
                s.expunge(row.row());
                shown.remove(row.row());
            } else {
                s.delete(row.row());
            }
        });
    }

    private void change(String description, java.util.function.Consumer<Session> work) {
        message.set("");
        session.act(description, work);
    }

    private ColumnInfo column(String name) {
        for (ColumnInfo info : columns) if (info.name().equals(name)) return info;
        throw new IllegalArgumentException(name);
    }

    /** Reads the grid's rows (on the lane); the returned action shows them. */
    private Runnable read(Session s) {
        var failure = s.failure().or(s::savepointFailure).orElse(null);
        var snapshot = new ArrayList<EditRow>();
        int number = 0;
        for (Row row : shown) {
            number++;
            var texts = new ArrayList<String>();
            var nulls = new ArrayList<Boolean>();
            var modified = new ArrayList<Boolean>();
            var expired = new ArrayList<Boolean>();
            for (ColumnInfo info : columns) {
                boolean stale = row.isExpired(info.name());
                Object value = stale ? null : row.get(info.name());
                texts.add(stale ? "…" : value == null ? "NULL" : value.toString());
                nulls.add(!stale && value == null);
                modified.add(row.isModified(info.name()));
                expired.add(stale);
            }
            snapshot.add(new EditRow(
                    row,
                    number,
                    state(s, row),
                    List.copyOf(texts),
                    List.copyOf(nulls),
                    List.copyOf(modified),
                    List.copyOf(expired),
                    failure == null ? Map.of() : errors(s, row, failure)));
        }
        boolean hasMore = more;
        int count = loadedCount;
        return () -> {
            rows.setAll(snapshot);
            hasMoreRows.set(hasMore);
            loadedText.set(
                    hasMore
                            ? String.format(java.util.Locale.ROOT, "First %,d rows loaded", count)
                            : String.format(java.util.Locale.ROOT, "All %,d rows loaded", count));
        };
    }

    private int loadedCount;
    private final javafx.beans.property.ReadOnlyBooleanWrapper hasMoreRows =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper loadedText = new ReadOnlyStringWrapper(this, "loaded", "");

    /** Whether the table has rows beyond those shown. */
    public boolean hasMore() {
        return hasMoreRows.get();
    }

    /** Whether the table has rows beyond those shown ("Load more" is off once the last row is loaded). */
    public javafx.beans.property.ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMoreRows.getReadOnlyProperty();
    }

    /** How many of the table's rows are loaded, in words: "First 500 rows loaded", "All 1,234 rows loaded". */
    public ReadOnlyStringProperty loadedProperty() {
        return loadedText.getReadOnlyProperty();
    }

    private static String state(Session s, Row row) {
        if (!row.mapping().editable()) return "read-only";
        if (!s.contains(row)) return row.state().label() + " (not in the session)";
        if (s.deletedRows().contains(row) && row.state() == ObjectState.PERSISTENT) return "marked for deletion";
        if (row.state() == ObjectState.PERSISTENT && row.isModified()) return "dirty";
        if (row.hasExpired()) return row.state().label() + ", expired";
        return row.state().label();
    }

    /** A failed flush placed at the row and columns it concerns, in plain words. */
    private Map<String, String> errors(Session s, Row row, Throwable failure) {
        if (failure instanceof StaleDataException stale) {
            return stale.row() == row ? Map.of(ROW, stale.getMessage()) : Map.of();
        }
        if (!(failure instanceof ConstraintViolation violation)) return Map.of();
        if (violation.table().isPresent() && !violation.table().get().equals(table)) return Map.of();
        var mapping = row.mapping();
        var concerned = new ArrayList<String>();
        violation.column().ifPresent(concerned::add);
        String rule = violation.constraint().orElse("");
        mapping.relation().constraints().stream()
                .filter(constraint -> constraint.name().equals(rule))
                .findFirst()
                .ifPresent(constraint -> {
                    if (concerned.isEmpty()) concerned.addAll(constraint.columns());
                    if (constraint instanceof CheckConstraint check) {
                        rulesText.put(rule, check.expression());
                    }
                });
        var errors = new HashMap<String, String>();
        for (String column : concerned) {
            if (!mapping.hasColumn(column)) continue;
            boolean touched = row.state() == ObjectState.PENDING || row.isModified(column);
            if (!touched) continue;
            errors.put(column, plainWords(violation, column, rulesText.getOrDefault(rule, "")));
        }
        return Map.copyOf(errors);
    }

    private final Map<String, String> rulesText = new java.util.concurrent.ConcurrentHashMap<>();

    private static String plainWords(ConstraintViolation violation, String column, String expression) {
        String rule = violation.constraint().map(name -> " (" + name + ")").orElse("");
        return switch (violation.sqlState()) {
            case "23514" ->
                column + " breaks the rule " + (expression.isEmpty() ? "" : expression + " ") + rule.strip()
                        + ". Correct the value, then roll back and flush again.";
            case "23505" -> "Another row already has this " + column + rule + ". Choose another value.";
            case "23502" -> column + " needs a value: it cannot be NULL.";
            case "23503" -> "No row of the referenced table has this " + column + rule + ".";
            default -> violation.userMessage();
        };
    }

    public ObservableList<EditRow> rows() {
        return rows;
    }

    /** The grid's columns, known once the first load is done. */
    public List<ColumnInfo> columns() {
        return columns;
    }

    /** Why the table cannot be edited (a view, no primary key); empty when it can. */
    public ReadOnlyStringProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Why the last typed value was refused; empty when it was taken. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public SessionModel session() {
        return session;
    }

    public String title() {
        return schema + "." + table;
    }

    /** Stops following the session (the grid is gone); its rows stay in the session. */
    @Override
    public void close() {
        references.values().forEach(ForeignKeyChoices::cancel);
        session.unwatch(watcher);
    }
}
