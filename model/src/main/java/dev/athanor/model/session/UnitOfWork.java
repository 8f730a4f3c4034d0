package dev.athanor.model.session;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.Column;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.StableOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders a session's changes into statements: the flush planner. Parents are inserted before children and children
 * deleted before parents, following the catalog's table order; rows of one table keep the order they were added
 * (inserts) or key order (updates, deletes); in a self-referencing table or a cycle of tables the rows are ordered
 * one by one from their links and key values. Consecutive statements of the same shape form one JDBC batch,
 * unless a row needs a key that an earlier row of the batch has yet to receive.
 *
 * <p>Pure: it reads the rows and sends nothing. Statement texts are rendered once per shape and kept.
 */
final class UnitOfWork {
    private final Catalog catalog;
    private final Map<QualifiedName, Integer> rank = new HashMap<>();
    private final Map<QualifiedName, QualifiedName> group = new HashMap<>();
    private final Set<QualifiedName> rowByRow = new HashSet<>();

    UnitOfWork(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        List<Relation> sorted = catalog.sortedTables();
        for (int i = 0; i < sorted.size(); i++) {
            rank.putIfAbsent(sorted.get(i).qualifiedName(), i);
        }
        for (Relation table : sorted) {
            for (ForeignKey fk : table.foreignKeys()) {
                if (fk.selfReferencing()) {
                    rowByRow.add(table.qualifiedName());
                }
            }
        }
        // Tables joined by a cycle of keys are one group, ordered row by row.
        for (ForeignKey fk : catalog.cyclicForeignKeys()) {
            QualifiedName a = root(fk.table());
            QualifiedName b = root(fk.referencedTable());
            if (!a.equals(b)) {
                group.put(a, b);
            }
            rowByRow.add(fk.table());
            rowByRow.add(fk.referencedTable());
        }
    }

    private QualifiedName root(QualifiedName table) {
        QualifiedName current = table;
        QualifiedName parent;
        while ((parent = group.get(current)) != null) {
            current = parent;
        }
        return current;
    }

    private int rankOf(QualifiedName table) {
        return rank.getOrDefault(table, Integer.MAX_VALUE);
    }

    /** A statement shape: everything but the bind values. */
    record Shape(
            Operation operation,
            TableMapping mapping,
            int[] columns,
            int versionColumn,
            boolean checkXmin,
            int[] returning,
            boolean returnXmin,
            String sql,
            int[] rest) {}

    /** Identifies a shape; the table by name, so equal mappings made separately share shapes. */
    private record ShapeKey(
            Operation operation,
            QualifiedName table,
            TableMapping mapping,
            BitSet columns,
            int versionColumn,
            boolean checkXmin,
            BitSet returning,
            boolean returnXmin) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ShapeKey k
                    && operation == k.operation
                    && table.equals(k.table)
                    && versionColumn == k.versionColumn
                    && checkXmin == k.checkXmin
                    && returnXmin == k.returnXmin
                    && columns.equals(k.columns)
                    && returning.equals(k.returning);
        }

        @Override
        public int hashCode() {
            return Objects.hash(operation, table, columns, versionColumn, checkXmin, returning, returnXmin);
        }
    }

    /** Rows sent together as one JDBC batch of one shape. */
    record Batch(Shape shape, List<Row> rows) {}

    private record Op(Operation operation, Row row, Shape shape) {}

    /**
     * Plans the flush of {@code pending} (in the order added), {@code dirty} and {@code deleted} rows.
     *
     * @param versionCheck for a table, the column whose value guards updates ({@link Statements#XMIN} for the
     *     server's row version), or null for none
     * @throws IllegalStateException for rows that reference each other in a cycle no order can satisfy
     */
    List<Batch> plan(
            List<Row> pending, List<Row> dirty, List<Row> deleted, Function<QualifiedName, String> versionCheck) {
        var saves = new LinkedHashMap<QualifiedName, List<Op>>();
        var updates = new ArrayList<>(dirty);
        updates.sort(byKey());
        for (Row row : updates) {
            Shape shape = updateShape(row, versionCheck.apply(row.mapping().target()));
            if (shape != null) {
                saves.computeIfAbsent(root(row.mapping().target()), k -> new ArrayList<>())
                        .add(new Op(Operation.UPDATE, row, shape));
            }
        }
        for (Row row : pending) {
            saves.computeIfAbsent(root(row.mapping().target()), k -> new ArrayList<>())
                    .add(new Op(
                            Operation.INSERT,
                            row,
                            insertShape(row, versionCheck.apply(row.mapping().target()))));
        }
        var deletes = new LinkedHashMap<QualifiedName, List<Op>>();
        var sortedDeletes = new ArrayList<>(deleted);
        sortedDeletes.sort(byKey());
        for (Row row : sortedDeletes) {
            deletes.computeIfAbsent(root(row.mapping().target()), k -> new ArrayList<>())
                    .add(new Op(
                            Operation.DELETE,
                            row,
                            deleteShape(row, versionCheck.apply(row.mapping().target()))));
        }

        var batches = new ArrayList<Batch>();
        var saveGroups = new ArrayList<>(saves.keySet());
        saveGroups.sort(Comparator.comparingInt(this::groupRank));
        for (QualifiedName g : saveGroups) {
            List<Op> ops = saves.get(g);
            // Within a group: each table's updates, then its inserts (as SQLAlchemy does), tables in order.
            ops.sort(Comparator.comparingInt((Op op) -> rankOf(op.row.mapping().target()))
                    .thenComparingInt(op -> op.operation == Operation.UPDATE ? 0 : 1));
            boolean rowLevel = isRowByRow(ops);
            batch(rowLevel ? orderRows(ops, false) : ops, rowLevel, false, batches);
        }
        var deleteGroups = new ArrayList<>(deletes.keySet());
        deleteGroups.sort(Comparator.comparingInt(this::groupRank).reversed());
        for (QualifiedName g : deleteGroups) {
            List<Op> ops = deletes.get(g);
            ops.sort(Comparator.comparingInt((Op op) -> rankOf(op.row.mapping().target()))
                    .reversed());
            boolean rowLevel = isRowByRow(ops);
            batch(rowLevel ? orderRows(ops, true) : ops, rowLevel, true, batches);
        }
        return batches;
    }

    private int groupRank(QualifiedName groupRoot) {
        int best = Integer.MAX_VALUE;
        for (var entry : rank.entrySet()) {
            if (root(entry.getKey()).equals(groupRoot)) {
                best = Math.min(best, entry.getValue());
            }
        }
        return best;
    }

    private boolean isRowByRow(List<Op> ops) {
        for (Op op : ops) {
            if (rowByRow.contains(op.row.mapping().target())) {
                return true;
            }
        }
        return false;
    }

    private void batch(List<Op> ops, boolean rowLevel, boolean deleting, List<Batch> out) {
        Shape shape = null;
        List<Row> rows = null;
        Set<Row> inBatch = new HashSet<>();
        for (Op op : ops) {
            boolean dependent = rowLevel && dependsOnAny(op, inBatch, deleting);
            if (shape != op.shape || dependent) {
                if (rows != null) {
                    out.add(new Batch(shape, List.copyOf(rows)));
                }
                shape = op.shape;
                rows = new ArrayList<>();
                inBatch.clear();
            }
            rows.add(op.row);
            inBatch.add(op.row);
        }
        if (rows != null) {
            out.add(new Batch(shape, List.copyOf(rows)));
        }
    }

    private boolean dependsOnAny(Op op, Set<Row> rows, boolean deleting) {
        for (Row other : rows) {
            if (deleting ? references(other, op.row, true) : references(op.row, other, false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Orders rows one by one so each comes after the rows it needs: for saves, a row after the pending parent it
     * references; for deletes, a parent after the children that reference it. Stable: rows keep their order
     * whenever nothing forces otherwise.
     */
    private List<Op> orderRows(List<Op> ops, boolean deleting) {
        int n = ops.size();
        var order = new StableOrder(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                Row a = ops.get(i).row;
                Row b = ops.get(j).row;
                // Saves: i needs j when i references pending j. Deletes: i needs j gone when j references i.
                boolean needs = deleting
                        ? references(b, a, true)
                        : ops.get(j).operation == Operation.INSERT && references(a, b, false);
                if (needs) {
                    order.require(j, i);
                }
            }
        }
        var ordered = new ArrayList<Op>(n);
        for (int i : order.order()) {
            ordered.add(ops.get(i));
        }
        if (ordered.size() < n) {
            var stuck = new ArrayList<String>();
            for (int i = 0; i < n; i++) {
                if (order.isStuck(i)) {
                    stuck.add(ops.get(i).row.describe());
                }
            }
            throw new IllegalStateException("These rows reference each other in a cycle, so no order of "
                    + (deleting ? "DELETEs" : "INSERTs") + " satisfies their foreign keys: " + String.join(", ", stuck)
                    + ". Save one of them without the reference first, or make the key DEFERRABLE.");
        }
        return ordered;
    }

    /**
     * Whether {@code child} references {@code parent}: through a link, or through foreign-key values equal to the
     * parent's key ({@code committed} values for deletes, current values for saves).
     */
    private static boolean references(Row child, Row parent, boolean committed) {
        for (ForeignKey fk : child.mapping().foreignKeys()) {
            if (!fk.referencedTable().equals(parent.mapping().target())
                    && !fk.referencedTable().equals(parent.mapping().name())) {
                continue;
            }
            if (child.parents().get(fk) == parent) {
                return true;
            }
            boolean all = true;
            for (int c = 0; c < fk.columns().size() && all; c++) {
                int ci = child.mapping().position(fk.columns().get(c));
                int pi = parent.mapping().position(fk.referencedColumns().get(c));
                Object value = committed ? child.committed(ci) : child.value(ci);
                Object target = committed ? parent.committed(pi) : parent.value(pi);
                all = value != null
                        && target != null
                        && Objects.equals(
                                new RowKey(fk.table(), List.of(value)), new RowKey(fk.table(), List.of(target)));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static Comparator<Row> byKey() {
        return (a, b) -> {
            QualifiedName ta = a.mapping().target();
            QualifiedName tb = b.mapping().target();
            if (ta != tb && !ta.equals(tb)) {
                int bySchema = ta.schema().compareTo(tb.schema());
                return bySchema != 0 ? bySchema : ta.name().compareTo(tb.name());
            }
            List<Object> ka = sortKey(a);
            List<Object> kb = sortKey(b);
            for (int i = 0; i < Math.min(ka.size(), kb.size()); i++) {
                int c = compare(ka.get(i), kb.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(ka.size(), kb.size());
        };
    }

    /** The row's key for ordering: its identity (normalized values), or its committed values. */
    private static List<Object> sortKey(Row row) {
        if (row.key().isPresent()) {
            return row.key().get().values();
        }
        return new RowKey(
                        row.mapping().target(),
                        row.committedKey().stream().map(v -> v == null ? "" : v).toList())
                .values();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private Shape insertShape(Row row, String version) {
        TableMapping mapping = row.mapping();
        Set<Integer> linked = linkedPositions(row);
        var columns = new BitSet();
        var returning = new BitSet();
        List<Column> all = mapping.columns();
        for (int i = 0; i < all.size(); i++) {
            boolean given = row.assigned(i)
                    && (linked.contains(i) || row.value(i) != null || !TableMapping.serverFilled(all.get(i)));
            if (given) {
                columns.set(i);
            } else if (TableMapping.serverFilled(all.get(i))) {
                // Only what the server fills comes back; a column left out without a default is NULL.
                returning.set(i);
            }
        }
        return shape(new ShapeKey(
                Operation.INSERT,
                mapping.name(),
                mapping,
                columns,
                -1,
                false,
                returning,
                Statements.XMIN.equals(version)));
    }

    private Shape updateShape(Row row, String version) {
        TableMapping mapping = row.mapping();
        var columns = new BitSet();
        for (int i = 0; i < mapping.columns().size(); i++) {
            if (row.modified(i)) {
                columns.set(i);
            }
        }
        if (columns.isEmpty()) {
            return null;
        }
        int versionColumn = versionColumn(row, version);
        if (versionColumn >= 0) {
            columns.set(versionColumn);
        }
        boolean xmin = Statements.XMIN.equals(version) && row.version() != null;
        var returning = new BitSet();
        for (int i = 0; i < mapping.columns().size(); i++) {
            Column column = mapping.columns().get(i);
            // A generated column follows the ones it is computed from. What triggers change is not known: those
            // columns are expired instead (read back of unbounded types would also stop the driver batching).
            if (!columns.get(i) && column.generated()) {
                returning.set(i);
            }
        }
        return shape(new ShapeKey(
                Operation.UPDATE,
                mapping.name(),
                mapping,
                columns,
                versionColumn,
                xmin,
                returning,
                Statements.XMIN.equals(version)));
    }

    private Shape deleteShape(Row row, String version) {
        boolean xmin = Statements.XMIN.equals(version) && row.version() != null;
        return shape(new ShapeKey(
                Operation.DELETE,
                row.mapping().name(),
                row.mapping(),
                NONE,
                versionColumn(row, version),
                xmin,
                NONE,
                false));
    }

    private static int versionColumn(Row row, String version) {
        if (version == null || Statements.XMIN.equals(version)) {
            return -1;
        }
        int i = row.mapping().position(version);
        return row.loaded(i) && row.committed(i) != null ? i : -1;
    }

    private static final BitSet NONE = new BitSet();

    /** The shape for {@code key}: its SQL is rendered once, the first time the shape is seen. */
    private Shape shape(ShapeKey key) {
        return shapes.computeIfAbsent(key, k -> {
            int[] columns = k.columns.stream().toArray();
            int[] returning = k.returning.stream().toArray();
            String sql =
                    switch (k.operation) {
                        case INSERT -> Statements.insert(k.mapping, columns, returning, k.returnXmin);
                        case UPDATE ->
                            Statements.update(
                                    k.mapping, columns, k.versionColumn, k.checkXmin, returning, k.returnXmin);
                        case DELETE -> Statements.delete(k.mapping, k.versionColumn, k.checkXmin);
                    };
            return new Shape(
                    k.operation,
                    k.mapping,
                    columns,
                    k.versionColumn,
                    k.checkXmin,
                    returning,
                    k.returnXmin,
                    sql,
                    rest(k.mapping, columns, returning));
        });
    }

    private final Map<ShapeKey, Shape> shapes = new HashMap<>();

    /** The non-key columns a statement neither sends nor reads back. */
    private static int[] rest(TableMapping mapping, int[] columns, int[] returning) {
        var covered = new boolean[mapping.columns().size()];
        for (int i : columns) {
            covered[i] = true;
        }
        for (int i : returning) {
            covered[i] = true;
        }
        for (int i : mapping.keyPositions()) {
            covered[i] = true;
        }
        var rest = new ArrayList<Integer>();
        for (int i = 0; i < covered.length; i++) {
            if (!covered[i]) {
                rest.add(i);
            }
        }
        return rest.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Set<Integer> linkedPositions(Row row) {
        if (row.parents().isEmpty()) {
            return Set.of();
        }
        var positions = new HashSet<Integer>();
        for (ForeignKey fk : row.parents().keySet()) {
            for (String column : fk.columns()) {
                positions.add(row.mapping().position(column));
            }
        }
        return positions;
    }

    /**
     * The bind values of {@code row} in {@code shape}. Linked foreign-key columns take the parent's key; when the
     * parent has none yet, the value is a {@link PlannedStatement.PendingKey} (for a plan) or an error (to send).
     */
    static List<Object> binds(Shape shape, Row row, boolean forPlan) {
        var values = new ArrayList<Object>(
                shape.columns.length + row.mapping().primaryKey().size() + 1);
        Map<Integer, Object> linked = linkedValues(row, forPlan);
        if (shape.operation != Operation.DELETE) {
            for (int i : shape.columns) {
                if (i == shape.versionColumn && !row.modified(i)) {
                    values.add(increment(row.committed(i)));
                } else {
                    values.add(linked.containsKey(i) ? linked.get(i) : row.value(i));
                }
            }
        }
        if (shape.operation != Operation.INSERT) {
            values.addAll(row.committedKey());
            if (shape.versionColumn >= 0) {
                values.add(row.committed(shape.versionColumn));
            }
            if (shape.checkXmin) {
                values.add(row.version());
            }
        }
        return values;
    }

    private static Map<Integer, Object> linkedValues(Row row, boolean forPlan) {
        if (row.parents().isEmpty()) {
            return Map.of();
        }
        var values = new HashMap<Integer, Object>();
        row.parents().forEach((fk, parent) -> {
            for (int c = 0; c < fk.columns().size(); c++) {
                String referenced = fk.referencedColumns().get(c);
                int pi = parent.mapping().position(referenced);
                Object value = parent.expiredAt(pi) ? null : parent.value(pi);
                if (value == null) {
                    if (!forPlan) {
                        throw new IllegalStateException(row.describe() + " references " + parent.describe()
                                + ", which has no " + referenced + " to give; add it to the session first.");
                    }
                    value = new PlannedStatement.PendingKey(parent, referenced);
                }
                values.put(row.mapping().position(fk.columns().get(c)), value);
            }
        });
        return values;
    }

    private static Object increment(Object version) {
        return switch (version) {
            case Integer i -> i + 1;
            case Long l -> l + 1;
            case Short s -> (short) (s + 1);
            case BigDecimal d -> d.add(BigDecimal.ONE);
            default -> throw new IllegalStateException("a version column must hold a number, not " + version);
        };
    }

    @Override
    public String toString() {
        return "UnitOfWork[" + catalog.database() + ", " + Arrays.toString(rowByRow.toArray()) + "]";
    }
}
