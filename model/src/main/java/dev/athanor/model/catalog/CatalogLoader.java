package dev.athanor.model.catalog;

import dev.athanor.model.engine.DatabaseErrors;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.engine.Transaction;
import dev.athanor.model.engine.TransactionMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a database's catalog into an immutable {@link Catalog}.
 *
 * <p>The loader runs a fixed number of bulk {@code pg_catalog} queries ({@link #STATEMENTS}: schemas,
 * relations, sequences, columns, constraints, indexes, types, routines, triggers), however many objects the database
 * holds, and assembles the records in memory. On a connection in auto-commit mode the queries share one
 * read-only {@code REPEATABLE READ} transaction ({@link TransactionMode#READ_ONLY_SNAPSHOT}), so they all see the
 * same state of the catalog; the connection is handed back with its auto-commit and isolation settings restored. Inside a transaction the caller already
 * opened, the queries simply run in it.
 *
 * <p>Thread-safe: the loader holds no state; the connection must not be used by another thread meanwhile.
 */
public final class CatalogLoader {

    /** The number of statements one load executes, whatever the size of the database. */
    public static final int STATEMENTS = 9;

    /**
     * What to load.
     *
     * @param includeSystemSchemas also load {@code pg_catalog}, {@code information_schema} and {@code pg_toast}
     *     (temporary schemas are never loaded)
     */
    public record Options(boolean includeSystemSchemas) {

        /** User schemas only. */
        public static Options defaults() {
            return new Options(false);
        }
    }

    /** Lists sort case-insensitively, ties broken by exact spelling, so the order is total and stable. */
    static final Comparator<String> NAME_ORDER = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private CatalogLoader() {}

    /**
     * Loads the user schemas of the connection's database.
     *
     * @param connection an open connection; it is left open, with its settings as they were
     * @return the catalog
     * @throws DatabaseException when a catalog query fails (classified by SQLSTATE)
     */
    public static Catalog load(Connection connection) {
        return load(connection, Options.defaults());
    }

    /**
     * Loads the connection's database catalog.
     *
     * @param connection an open connection; it is left open, with its settings as they were
     * @param options what to load
     * @return the catalog
     * @throws DatabaseException when a catalog query fails (classified by SQLSTATE)
     */
    public static Catalog load(Connection connection, Options options) {
        try {
            if (!connection.getAutoCommit()) {
                return read(connection, options);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.classify(e);
        }
        return Transaction.onBorrowedConnection(
                connection, TransactionMode.READ_ONLY_SNAPSHOT, transaction -> read(transaction.connection(), options));
    }

    private static Catalog read(Connection connection, Options options) throws SQLException {
        var drafts = new Drafts();
        query(connection, options, CatalogQueries.SCHEMAS_SQL, drafts::addSchema);
        query(connection, options, CatalogQueries.RELATIONS_SQL, drafts::addRelation);
        query(connection, options, CatalogQueries.SEQUENCES_SQL, drafts::addSequence);
        query(connection, options, CatalogQueries.COLUMNS_SQL, drafts::addColumn);
        query(connection, options, CatalogQueries.CONSTRAINTS_SQL, drafts::addConstraint);
        query(connection, options, CatalogQueries.INDEXES_SQL, drafts::addIndex);
        query(connection, options, CatalogQueries.TYPES_SQL, drafts::addType);
        query(connection, options, CatalogQueries.ROUTINES_SQL, drafts::addRoutine);
        query(connection, options, CatalogQueries.TRIGGERS_SQL, drafts::addTrigger);
        String database = connection.getCatalog();
        return drafts.build(database == null ? "" : database);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, Options options, String sql, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBoolean(1, options.includeSystemSchemas());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    /** The mutable working state of one load; nothing of it escapes except the finished records. */
    private static final class Drafts {
        private final Map<Long, SchemaDraft> schemas = new HashMap<>();
        private final Map<Long, RelationDraft> relations = new HashMap<>();
        private final Map<Long, DomainDraft> domains = new HashMap<>();
        private final Map<Long, IndexDraft> indexes = new HashMap<>();
        private final Map<Long, ConstraintRow> indexOwners = new HashMap<>();
        private final List<ConstraintRow> constraints = new ArrayList<>();

        void addSchema(ResultSet row) throws SQLException {
            var schema = new SchemaDraft(row.getLong(1), row.getString(2), row.getString(3), optional(row, 4));
            schemas.put(schema.oid, schema);
        }

        void addRelation(ResultSet row) throws SQLException {
            SchemaDraft schema = schemas.get(row.getLong(2));
            if (schema == null) {
                return; // created after the schema query ran (only possible outside a snapshot)
            }
            long oid = row.getLong(1);
            String name = row.getString(3);
            String relkind = row.getString(4);
            String owner = row.getString(6);
            Optional<String> comment = optional(row, 7);
            boolean partition = row.getBoolean(5);
            var draft = new RelationDraft(oid, schema.name, name, kind(relkind, partition), owner, comment);
            draft.viewDefinition = optional(row, 8);
            long parentOid = row.getLong(9);
            if (partition && !row.wasNull()) {
                draft.partitionOf = Optional.of(new PartitionOf(
                        parentOid, new QualifiedName(row.getString(10), row.getString(11)), row.getString(12)));
            }
            draft.partitionKey = optional(row, 13);
            draft.foreignServer = optional(row, 14);
            for (String option : strings(row.getArray(16))) {
                int equals = option.indexOf('=');
                draft.foreignOptions.put(option.substring(0, equals), option.substring(equals + 1));
            }
            double tuples = row.getDouble(15);
            // reltuples is -1 until the first VACUUM or ANALYZE (PostgreSQL 14 and later).
            draft.estimatedRows = tuples < 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(tuples));
            relations.put(oid, draft);
            schema.relations.add(draft);
        }

        void addSequence(ResultSet row) throws SQLException {
            SchemaDraft schema = schemas.get(row.getLong(2));
            if (schema == null) {
                return;
            }
            Optional<ColumnReference> ownedBy = row.getString(15) == null
                    ? Optional.empty()
                    : Optional.of(new ColumnReference(
                            new QualifiedName(row.getString(13), row.getString(14)), row.getString(15)));
            schema.sequences.add(new Sequence(
                    row.getLong(1),
                    schema.name,
                    row.getString(3),
                    row.getString(4),
                    optional(row, 5),
                    row.getString(6),
                    row.getLong(7),
                    row.getLong(8),
                    row.getLong(9),
                    row.getLong(10),
                    row.getLong(11),
                    row.getBoolean(12),
                    ownedBy));
        }

        void addColumn(ResultSet row) throws SQLException {
            RelationDraft relation = relations.get(row.getLong(1));
            if (relation == null) {
                return;
            }
            String identity = row.getString(9);
            boolean generated = !row.getString(10).isEmpty();
            Optional<String> expression = optional(row, 11);
            relation.columns.add(new Column(
                    row.getString(3),
                    row.getInt(2),
                    row.getString(4),
                    row.getLong(5),
                    TypeKind.of(row.getString(6), row.getString(7)),
                    !row.getBoolean(8),
                    generated ? Optional.empty() : expression,
                    switch (identity) {
                        case "a" -> Optional.of(Identity.ALWAYS);
                        case "d" -> Optional.of(Identity.BY_DEFAULT);
                        default -> Optional.empty();
                    },
                    generated ? expression : Optional.empty(),
                    optional(row, 12)));
        }

        void addConstraint(ResultSet row) throws SQLException {
            var c = new ConstraintRow(
                    row.getLong(1),
                    row.getString(2),
                    row.getString(3),
                    row.getLong(4),
                    row.getLong(5),
                    row.getLong(6),
                    row.getBoolean(7),
                    row.getBoolean(8),
                    row.getBoolean(9),
                    shorts(row.getString(10)),
                    row.getLong(11),
                    shorts(row.getString(12)),
                    row.getString(13),
                    row.getString(14),
                    row.getString(15),
                    row.getString(16),
                    optional(row, 17));
            constraints.add(c);
            if (c.indexOid != 0 && !c.type.equals("f")) {
                indexOwners.put(c.indexOid, c);
            }
        }

        void addIndex(ResultSet row) throws SQLException {
            long tableOid = row.getLong(2);
            if (!relations.containsKey(tableOid)) {
                return;
            }
            var draft = new IndexDraft(
                    row.getLong(1),
                    tableOid,
                    row.getString(3),
                    row.getString(4),
                    row.getBoolean(5),
                    row.getBoolean(6),
                    row.getBoolean(7),
                    row.getInt(8),
                    spaceSeparated(row.getString(9)),
                    spaceSeparated(row.getString(10)),
                    row.getString(11),
                    optional(row, 12),
                    strings(row.getArray(13)),
                    optional(row, 14));
            indexes.put(draft.oid, draft);
        }

        void addType(ResultSet row) throws SQLException {
            SchemaDraft schema = schemas.get(row.getLong(2));
            if (schema == null) {
                return;
            }
            long oid = row.getLong(1);
            if (row.getString(4).equals("e")) {
                schema.enums.add(new EnumType(
                        oid,
                        schema.name,
                        row.getString(3),
                        row.getString(5),
                        optional(row, 6),
                        strings(row.getArray(11))));
            } else {
                var domain = new DomainDraft(
                        oid,
                        schema.name,
                        row.getString(3),
                        row.getString(5),
                        optional(row, 6),
                        row.getString(7),
                        row.getLong(8),
                        row.getBoolean(9),
                        optional(row, 10));
                schema.domains.add(domain);
                domains.put(oid, domain);
            }
        }

        void addRoutine(ResultSet row) throws SQLException {
            SchemaDraft schema = schemas.get(row.getLong(2));
            if (schema == null) {
                return;
            }
            ObjectKind kind =
                    switch (row.getString(4)) {
                        case "p" -> ObjectKind.PROCEDURE;
                        case "a" -> ObjectKind.AGGREGATE;
                        case "w" -> ObjectKind.WINDOW_FUNCTION;
                        default -> ObjectKind.FUNCTION;
                    };
            schema.routines.add(new Routine(
                    row.getLong(1),
                    schema.name,
                    row.getString(3),
                    kind,
                    row.getString(5),
                    optional(row, 6),
                    nonNull(row.getString(7)),
                    nonNull(row.getString(8)),
                    optional(row, 9),
                    row.getString(10),
                    Volatility.of(row.getString(11)),
                    row.getBoolean(12),
                    optional(row, 13)));
        }

        void addTrigger(ResultSet row) throws SQLException {
            RelationDraft relation = relations.get(row.getLong(2));
            if (relation == null) {
                return;
            }
            relation.triggers.add(new Trigger(
                    row.getLong(1),
                    row.getString(3),
                    row.getLong(4),
                    new QualifiedName(row.getString(5), row.getString(6)),
                    row.getString(7),
                    !"D".equals(row.getString(8)),
                    optional(row, 9)));
        }

        Catalog build(String database) {
            for (ConstraintRow c : constraints) {
                attach(c);
            }
            for (IndexDraft index : indexes.values()) {
                RelationDraft relation = relations.get(index.tableOid);
                ConstraintRow owner = indexOwners.get(index.oid);
                relation.indexes.add(index.build(relation, owner == null ? null : owner.name));
            }
            for (RelationDraft relation : relations.values()) {
                relation.partitionOf.ifPresent(p -> {
                    RelationDraft parent = relations.get(p.parentOid());
                    if (parent != null) {
                        parent.partitions.add(relation.qualifiedName());
                    }
                });
            }
            var built = new ArrayList<Schema>(schemas.size());
            for (SchemaDraft schema : schemas.values()) {
                built.add(schema.build());
            }
            built.sort(Comparator.comparing(Schema::name, NAME_ORDER));
            return new Catalog(database, built);
        }

        private void attach(ConstraintRow c) {
            if (c.relationOid == 0) {
                DomainDraft domain = domains.get(c.typeOid);
                if (domain != null && c.type.equals("c")) {
                    domain.checks.add(c.check(List.of()));
                }
                return;
            }
            RelationDraft relation = relations.get(c.relationOid);
            if (relation == null) {
                return;
            }
            List<String> columns = relation.columnNames(c.keys);
            String indexName = Optional.ofNullable(indexes.get(c.indexOid))
                    .map(i -> i.name)
                    .orElse("");
            switch (c.type) {
                case "p" ->
                    relation.primaryKey = Optional.of(
                            new PrimaryKey(c.oid, c.name, columns, indexName, c.deferrable, c.deferred, c.comment));
                case "u" ->
                    relation.uniqueConstraints.add(new UniqueConstraint(
                            c.oid, c.name, columns, indexName, c.deferrable, c.deferred, c.comment));
                case "c" -> relation.checkConstraints.add(c.check(columns));
                case "x" ->
                    relation.exclusionConstraints.add(new ExclusionConstraint(
                            c.oid, c.name, columns, indexName, c.definition, c.deferrable, c.deferred, c.comment));
                case "f" -> {
                    RelationDraft referenced = relations.get(c.referencedOid);
                    if (referenced == null) {
                        return; // a table outside the loaded schemas; nothing could navigate to it
                    }
                    relation.foreignKeys.add(new ForeignKey(
                            c.oid,
                            c.name,
                            relation.oid,
                            relation.qualifiedName(),
                            columns,
                            referenced.oid,
                            referenced.qualifiedName(),
                            referenced.columnNames(c.referencedKeys),
                            ReferentialAction.of(c.onUpdate),
                            ReferentialAction.of(c.onDelete),
                            "f".equals(c.match),
                            c.deferrable,
                            c.deferred,
                            c.validated,
                            c.comment));
                }
                default -> {
                    // contype values added by later server versions are not shown yet
                }
            }
        }
    }

    private static final class SchemaDraft {
        final long oid;
        final String name;
        final String owner;
        final Optional<String> comment;
        final List<RelationDraft> relations = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<EnumType> enums = new ArrayList<>();
        final List<DomainDraft> domains = new ArrayList<>();
        final List<Routine> routines = new ArrayList<>();

        SchemaDraft(long oid, String name, String owner, Optional<String> comment) {
            this.oid = oid;
            this.name = name;
            this.owner = owner;
            this.comment = comment;
        }

        Schema build() {
            var builtRelations = new ArrayList<Relation>(relations.size());
            for (RelationDraft relation : relations) {
                builtRelations.add(relation.build());
            }
            builtRelations.sort(Comparator.comparing(Relation::name, NAME_ORDER));
            sequences.sort(Comparator.comparing(Sequence::name, NAME_ORDER));
            enums.sort(Comparator.comparing(EnumType::name, NAME_ORDER));
            var builtDomains = new ArrayList<DomainType>(domains.size());
            for (DomainDraft domain : domains) {
                builtDomains.add(domain.build());
            }
            builtDomains.sort(Comparator.comparing(DomainType::name, NAME_ORDER));
            routines.sort(Comparator.comparing(Routine::name, NAME_ORDER).thenComparing(Routine::identityArguments));
            return new Schema(oid, name, owner, comment, builtRelations, sequences, enums, builtDomains, routines);
        }
    }

    private static final class RelationDraft {
        final long oid;
        final String schema;
        final String name;
        final ObjectKind kind;
        final String owner;
        final Optional<String> comment;
        final List<Column> columns = new ArrayList<>();
        Map<Integer, String> columnsByNumber;
        Optional<PrimaryKey> primaryKey = Optional.empty();
        final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checkConstraints = new ArrayList<>();
        final List<ExclusionConstraint> exclusionConstraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        Optional<String> viewDefinition = Optional.empty();
        Optional<PartitionOf> partitionOf = Optional.empty();
        Optional<String> partitionKey = Optional.empty();
        final List<QualifiedName> partitions = new ArrayList<>();
        Optional<String> foreignServer = Optional.empty();
        final Map<String, String> foreignOptions = new LinkedHashMap<>();
        OptionalLong estimatedRows = OptionalLong.empty();

        RelationDraft(long oid, String schema, String name, ObjectKind kind, String owner, Optional<String> comment) {
            this.oid = oid;
            this.schema = schema;
            this.name = name;
            this.kind = kind;
            this.owner = owner;
            this.comment = comment;
        }

        QualifiedName qualifiedName() {
            return new QualifiedName(schema, name);
        }

        String columnName(int number) {
            if (columnsByNumber == null) {
                columnsByNumber = new HashMap<>();
                for (Column column : columns) {
                    columnsByNumber.put(column.ordinal(), column.name());
                }
            }
            // System columns (ctid, xmin, ...) can appear in expressions but never in key lists; the number
            // keeps the list aligned should one ever show up.
            return columnsByNumber.getOrDefault(number, "#" + number);
        }

        List<String> columnNames(int[] numbers) {
            var names = new ArrayList<String>(numbers.length);
            for (int number : numbers) {
                names.add(columnName(number));
            }
            return names;
        }

        Relation build() {
            columns.sort(Comparator.comparingInt(Column::ordinal));
            uniqueConstraints.sort(Comparator.comparing(UniqueConstraint::name, NAME_ORDER));
            foreignKeys.sort(Comparator.comparing(ForeignKey::name, NAME_ORDER));
            checkConstraints.sort(Comparator.comparing(CheckConstraint::name, NAME_ORDER));
            exclusionConstraints.sort(Comparator.comparing(ExclusionConstraint::name, NAME_ORDER));
            indexes.sort(Comparator.comparing(Index::name, NAME_ORDER));
            triggers.sort(Comparator.comparing(Trigger::name, NAME_ORDER));
            partitions.sort(Comparator.comparing(QualifiedName::name, NAME_ORDER));
            return new Relation(
                    oid,
                    schema,
                    name,
                    kind,
                    owner,
                    comment,
                    columns,
                    primaryKey,
                    uniqueConstraints,
                    foreignKeys,
                    checkConstraints,
                    exclusionConstraints,
                    indexes,
                    triggers,
                    viewDefinition,
                    partitionOf,
                    partitionKey,
                    partitions,
                    foreignServer,
                    foreignOptions,
                    estimatedRows);
        }
    }

    private record ConstraintRow(
            long oid,
            String name,
            String type,
            long relationOid,
            long typeOid,
            long indexOid,
            boolean deferrable,
            boolean deferred,
            boolean validated,
            int[] keys,
            long referencedOid,
            int[] referencedKeys,
            String onUpdate,
            String onDelete,
            String match,
            String definition,
            Optional<String> comment) {

        CheckConstraint check(List<String> columns) {
            return new CheckConstraint(oid, name, columns, checkExpression(definition), definition, validated, comment);
        }
    }

    private record IndexDraft(
            long oid,
            long tableOid,
            String name,
            String method,
            boolean unique,
            boolean primary,
            boolean valid,
            int keyCount,
            int[] columnNumbers,
            int[] options,
            String definition,
            Optional<String> predicate,
            List<String> keyTexts,
            Optional<String> comment) {

        Index build(RelationDraft table, String constraint) {
            var keys = new ArrayList<IndexKey>(keyCount);
            var included = new ArrayList<String>();
            int expression = 0;
            for (int k = 0; k < columnNumbers.length; k++) {
                int number = columnNumbers[k];
                if (k >= keyCount) {
                    included.add(table.columnName(number));
                    continue;
                }
                int option = k < options.length ? options[k] : 0;
                // indoption bits: 1 = DESC, 2 = NULLS FIRST (src/include/catalog/pg_index.h)
                boolean descending = (option & 1) != 0;
                boolean nullsFirst = (option & 2) != 0;
                if (number == 0) {
                    String text = k < keyTexts.size() ? keyTexts.get(k) : "expression " + (++expression);
                    keys.add(new IndexKey(text, true, descending, nullsFirst));
                } else {
                    keys.add(new IndexKey(table.columnName(number), false, descending, nullsFirst));
                }
            }
            return new Index(
                    oid,
                    name,
                    keys,
                    included,
                    unique,
                    primary,
                    method,
                    predicate,
                    definition,
                    valid,
                    Optional.ofNullable(constraint),
                    comment);
        }
    }

    private static final class DomainDraft {
        final long oid;
        final String schema;
        final String name;
        final String owner;
        final Optional<String> comment;
        final String baseType;
        final long baseTypeOid;
        final boolean notNull;
        final Optional<String> defaultExpression;
        final List<CheckConstraint> checks = new ArrayList<>();

        DomainDraft(
                long oid,
                String schema,
                String name,
                String owner,
                Optional<String> comment,
                String baseType,
                long baseTypeOid,
                boolean notNull,
                Optional<String> defaultExpression) {
            this.oid = oid;
            this.schema = schema;
            this.name = name;
            this.owner = owner;
            this.comment = comment;
            this.baseType = baseType;
            this.baseTypeOid = baseTypeOid;
            this.notNull = notNull;
            this.defaultExpression = defaultExpression;
        }

        DomainType build() {
            checks.sort(Comparator.comparing(CheckConstraint::name, NAME_ORDER));
            return new DomainType(
                    oid, schema, name, owner, comment, baseType, baseTypeOid, notNull, defaultExpression, checks);
        }
    }

    private static ObjectKind kind(String relkind, boolean partition) {
        return switch (relkind) {
            case "r" -> partition ? ObjectKind.PARTITION : ObjectKind.TABLE;
            case "p" -> ObjectKind.PARTITIONED_TABLE;
            case "v" -> ObjectKind.VIEW;
            case "m" -> ObjectKind.MATERIALIZED_VIEW;
            case "f" -> partition ? ObjectKind.PARTITION : ObjectKind.FOREIGN_TABLE;
            case "c" -> ObjectKind.COMPOSITE_TYPE;
            default -> throw new IllegalArgumentException("unexpected relkind " + relkind);
        };
    }

    /**
     * Takes the expression out of {@code CHECK (expression) [NO INHERIT] [NOT VALID]}, the fixed shape
     * {@code pg_get_constraintdef} gives checks. Asking the server with {@code pg_get_expr(conbin, conrelid)}
     * instead would open every constrained table, which dominates the load time on large catalogs.
     */
    static String checkExpression(String definition) {
        int close = definition.lastIndexOf(')');
        if (!definition.startsWith("CHECK (") || close < 0) {
            return definition;
        }
        return definition.substring("CHECK (".length(), close);
    }

    private static Optional<String> optional(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    /** Parses an {@code int2[]} in text form ({@code {1,2}}); reading it as text avoids an array object per row. */
    private static int[] shorts(String text) {
        if (text == null || text.length() <= 2) {
            return new int[0];
        }
        String[] parts = text.substring(1, text.length() - 1).split(",");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i].trim());
        }
        return values;
    }

    /** Parses an {@code int2vector} in text form ({@code 1 2}). */
    private static int[] spaceSeparated(String text) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        String[] parts = text.trim().split(" ");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i]);
        }
        return values;
    }
}
