package dev.athanor.model.catalog;

import dev.athanor.model.engine.DatabaseErrors;
import dev.athanor.model.engine.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Produces the DDL of one catalog object on request, for a details pane. Tables, sequences, enums, domains and
 * composite types are written from the catalog records (identifiers quoted as PostgreSQL requires); views, index
 * definitions and routines come from the server's own printers ({@code pg_get_viewdef}, {@code pg_get_indexdef},
 * {@code pg_get_functiondef}), which is why every method takes a connection.
 *
 * <p>Each call runs a few small queries: call it off the UI thread. The connection is only read from; its
 * transaction state is left as it was.
 */
public final class DdlSource {

    private DdlSource() {}

    /**
     * Returns the DDL that creates {@code object}: {@code CREATE TABLE} with its constraints, followed by its
     * other indexes, triggers and comments; {@code CREATE VIEW}; {@code CREATE FUNCTION}; and so on.
     *
     * @param connection a connection to the database the object belongs to
     * @param object the object, as loaded by {@link CatalogLoader}
     * @return one or more SQL statements, each ending with a semicolon
     * @throws DatabaseException when the server cannot print the object (for example, it was dropped)
     */
    public static String ddl(Connection connection, SchemaObject object) {
        try {
            return switch (object) {
                case Relation relation -> relation(connection, relation);
                case Sequence sequence -> sequence(sequence);
                case EnumType enumType -> enumType(enumType);
                case DomainType domain -> domain(domain);
                case Routine routine -> routine(connection, routine);
            };
        } catch (SQLException e) {
            throw DatabaseErrors.classify(e);
        }
    }

    /**
     * Returns the {@code CREATE INDEX} statement of {@code index}, as {@code pg_get_indexdef} prints it.
     *
     * @throws DatabaseException when the index no longer exists or the query fails
     */
    public static String ddl(Connection connection, Index index) {
        try {
            return single(connection, "SELECT pg_get_indexdef(?::oid)", index.oid()) + ";";
        } catch (SQLException e) {
            throw DatabaseErrors.classify(e);
        }
    }

    /**
     * Returns {@code ALTER TABLE ... ADD CONSTRAINT ...} for a constraint of {@code table}, the constraint text
     * from {@code pg_get_constraintdef}.
     *
     * @throws DatabaseException when the constraint no longer exists or the query fails
     */
    public static String ddl(Connection connection, Relation table, Constraint constraint) {
        try {
            String definition = single(connection, "SELECT pg_get_constraintdef(?::oid, true)", constraint.oid());
            return "ALTER TABLE " + table.qualifiedName().toSql() + " ADD CONSTRAINT "
                    + SqlIdentifiers.quote(constraint.name()) + " " + definition + ";";
        } catch (SQLException e) {
            throw DatabaseErrors.classify(e);
        }
    }

    /** Returns {@code CREATE SCHEMA} for {@code schema}, with its comment; the objects inside are not included. */
    public static String ddl(Schema schema) {
        var out = new StringBuilder("CREATE SCHEMA ")
                .append(SqlIdentifiers.quote(schema.name()))
                .append(";\n");
        schema.comment().ifPresent(comment -> out.append("COMMENT ON SCHEMA ")
                .append(SqlIdentifiers.quote(schema.name()))
                .append(" IS ")
                .append(literal(comment))
                .append(";\n"));
        return out.toString();
    }

    /** Returns the {@code CREATE TRIGGER} statement of {@code trigger}. */
    public static String ddl(Trigger trigger) {
        return trigger.definition() + ";";
    }

    private static String relation(Connection connection, Relation relation) throws SQLException {
        var out = new StringBuilder();
        String name = relation.qualifiedName().toSql();
        switch (relation.kind()) {
            case VIEW ->
                out.append("CREATE VIEW ")
                        .append(name)
                        .append(" AS\n")
                        .append(withoutSemicolon(viewDefinition(connection, relation)))
                        .append(";\n");
            case MATERIALIZED_VIEW ->
                out.append("CREATE MATERIALIZED VIEW ")
                        .append(name)
                        .append(" AS\n")
                        .append(withoutSemicolon(viewDefinition(connection, relation)))
                        .append("\nWITH DATA;\n");
            case COMPOSITE_TYPE -> {
                var attributes = new StringJoiner(",\n", "CREATE TYPE " + name + " AS (\n", "\n);\n");
                for (Column column : relation.columns()) {
                    attributes.add("    " + SqlIdentifiers.quote(column.name()) + " " + column.type());
                }
                out.append(attributes);
            }
            default -> out.append(table(connection, relation));
        }
        for (String index : standaloneIndexes(connection, relation)) {
            out.append(index).append(";\n");
        }
        var parentTriggers = new HashSet<String>();
        if (relation.partitionOf().isPresent()) {
            // Triggers of a partitioned table are cloned onto its partitions under the same name.
            parentTriggers.addAll(names(
                    connection,
                    "SELECT tgname FROM pg_trigger WHERE tgrelid = ?::oid",
                    relation.partitionOf().get().parentOid()));
        }
        for (Trigger trigger : relation.triggers()) {
            if (!parentTriggers.contains(trigger.name())) {
                out.append(ddl(trigger)).append('\n');
            }
        }
        String objectWord =
                switch (relation.kind()) {
                    case VIEW -> "VIEW";
                    case MATERIALIZED_VIEW -> "MATERIALIZED VIEW";
                    case FOREIGN_TABLE -> "FOREIGN TABLE";
                    case COMPOSITE_TYPE -> "TYPE";
                    default -> "TABLE";
                };
        relation.comment().ifPresent(comment -> out.append("COMMENT ON ")
                .append(objectWord)
                .append(' ')
                .append(name)
                .append(" IS ")
                .append(literal(comment))
                .append(";\n"));
        for (Column column : relation.columns()) {
            column.comment().ifPresent(comment -> out.append("COMMENT ON COLUMN ")
                    .append(name)
                    .append('.')
                    .append(SqlIdentifiers.quote(column.name()))
                    .append(" IS ")
                    .append(literal(comment))
                    .append(";\n"));
        }
        return out.toString();
    }

    private static String table(Connection connection, Relation table) throws SQLException {
        String name = table.qualifiedName().toSql();
        var lines = new ArrayList<String>();
        var after = new StringBuilder();
        String head;
        String create = table.foreignServer().isPresent() ? "CREATE FOREIGN TABLE " : "CREATE TABLE ";
        if (table.partitionOf().isPresent()) {
            head = create + name + " PARTITION OF "
                    + table.partitionOf().get().parent().toSql();
            // A partition's columns and the constraints it inherits come from its parent: repeating them would
            // fail. Only constraints declared on the partition itself are written.
            Set<String> own = new HashSet<>(names(
                    connection,
                    "SELECT conname FROM pg_constraint WHERE conrelid = ?::oid AND conparentid = 0 AND coninhcount = 0",
                    table.oid()));
            for (Constraint constraint : table.constraints()) {
                if (own.contains(constraint.name())) {
                    lines.add(constraintClause(constraint));
                }
            }
        } else {
            head = create + name;
            for (Column column : table.columns()) {
                lines.add(columnClause(column));
            }
            for (Constraint constraint : table.constraints()) {
                if (constraint instanceof CheckConstraint check && !check.validated()) {
                    // NOT VALID is only accepted by ALTER TABLE ... ADD CONSTRAINT
                    after.append("ALTER TABLE ")
                            .append(name)
                            .append(" ADD ")
                            .append(constraintClause(check))
                            .append(";\n");
                } else {
                    lines.add(constraintClause(constraint));
                }
            }
        }
        var out = new StringBuilder(head);
        if (!lines.isEmpty()) {
            out.append(" (\n    ").append(String.join(",\n    ", lines)).append("\n)");
        } else if (table.partitionOf().isEmpty()) {
            out.append(" ()");
        }
        table.partitionOf().ifPresent(p -> out.append('\n').append(p.bound()));
        table.partitionKey().ifPresent(key -> out.append("\nPARTITION BY ").append(key));
        table.foreignServer().ifPresent(server -> out.append("\nSERVER ").append(SqlIdentifiers.quote(server)));
        if (!table.foreignOptions().isEmpty()) {
            var options = new StringJoiner(", ", "\nOPTIONS (", ")");
            table.foreignOptions()
                    .forEach((key, value) -> options.add(SqlIdentifiers.quote(key) + " " + literal(value)));
            out.append(options);
        }
        out.append(";\n").append(after);
        return out.toString();
    }

    static String columnClause(Column column) {
        var out = new StringBuilder(SqlIdentifiers.quote(column.name()))
                .append(' ')
                .append(column.type());
        column.generatedExpression()
                .ifPresent(e -> out.append(" GENERATED ALWAYS AS (").append(e).append(") STORED"));
        column.identity()
                .ifPresent(i -> out.append(" GENERATED ").append(i.sql()).append(" AS IDENTITY"));
        column.defaultExpression().ifPresent(d -> out.append(" DEFAULT ").append(d));
        if (!column.nullable()) {
            out.append(" NOT NULL");
        }
        return out.toString();
    }

    static String constraintClause(Constraint constraint) {
        String head = "CONSTRAINT " + SqlIdentifiers.quote(constraint.name()) + " ";
        return head
                + switch (constraint) {
                    case PrimaryKey pk ->
                        "PRIMARY KEY " + columnList(pk.columns()) + deferrable(pk.deferrable(), pk.initiallyDeferred());
                    case UniqueConstraint u ->
                        "UNIQUE " + columnList(u.columns()) + deferrable(u.deferrable(), u.initiallyDeferred());
                    case ForeignKey fk ->
                        "FOREIGN KEY " + columnList(fk.columns()) + " REFERENCES "
                                + fk.referencedTable().toSql() + " " + columnList(fk.referencedColumns())
                                + (fk.matchFull() ? " MATCH FULL" : "")
                                + (fk.onUpdate() == ReferentialAction.NO_ACTION
                                        ? ""
                                        : " ON UPDATE " + fk.onUpdate().sql())
                                + (fk.onDelete() == ReferentialAction.NO_ACTION
                                        ? ""
                                        : " ON DELETE " + fk.onDelete().sql())
                                + deferrable(fk.deferrable(), fk.initiallyDeferred())
                                + (fk.validated() ? "" : " NOT VALID");
                    case CheckConstraint check -> check.definition();
                    case ExclusionConstraint exclusion -> exclusion.definition();
                };
    }

    private static String deferrable(boolean deferrable, boolean initiallyDeferred) {
        if (!deferrable) {
            return "";
        }
        return initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    private static String columnList(List<String> columns) {
        var joiner = new StringJoiner(", ", "(", ")");
        columns.forEach(c -> joiner.add(SqlIdentifiers.quote(c)));
        return joiner.toString();
    }

    private static String sequence(Sequence sequence) {
        var out = new StringBuilder("CREATE SEQUENCE ")
                .append(sequence.qualifiedName().toSql())
                .append(" AS ")
                .append(sequence.dataType())
                .append("\n    INCREMENT BY ")
                .append(sequence.increment())
                .append(" MINVALUE ")
                .append(sequence.minValue())
                .append(" MAXVALUE ")
                .append(sequence.maxValue())
                .append("\n    START WITH ")
                .append(sequence.start())
                .append(" CACHE ")
                .append(sequence.cache())
                .append(sequence.cycle() ? " CYCLE" : " NO CYCLE")
                .append(";\n");
        sequence.ownedBy().ifPresent(owner -> out.append("ALTER SEQUENCE ")
                .append(sequence.qualifiedName().toSql())
                .append(" OWNED BY ")
                .append(owner.table().toSql())
                .append('.')
                .append(SqlIdentifiers.quote(owner.column()))
                .append(";\n"));
        comment(out, "SEQUENCE", sequence);
        return out.toString();
    }

    private static String enumType(EnumType enumType) {
        var labels = new StringJoiner(", ", "(", ")");
        enumType.labels().forEach(label -> labels.add(literal(label)));
        var out = new StringBuilder("CREATE TYPE ")
                .append(enumType.qualifiedName().toSql())
                .append(" AS ENUM ")
                .append(labels)
                .append(";\n");
        comment(out, "TYPE", enumType);
        return out.toString();
    }

    private static String domain(DomainType domain) {
        var out = new StringBuilder("CREATE DOMAIN ")
                .append(domain.qualifiedName().toSql())
                .append(" AS ")
                .append(domain.baseType());
        domain.defaultExpression().ifPresent(d -> out.append("\n    DEFAULT ").append(d));
        if (domain.notNull()) {
            out.append("\n    NOT NULL");
        }
        for (CheckConstraint check : domain.checks()) {
            out.append("\n    CONSTRAINT ")
                    .append(SqlIdentifiers.quote(check.name()))
                    .append(' ')
                    .append(check.definition());
        }
        out.append(";\n");
        comment(out, "DOMAIN", domain);
        return out.toString();
    }

    private static String routine(Connection connection, Routine routine) throws SQLException {
        var out = new StringBuilder();
        if (routine.kind() == ObjectKind.AGGREGATE) {
            out.append(aggregate(connection, routine));
        } else {
            out.append(withoutTrailingNewline(single(connection, "SELECT pg_get_functiondef(?::oid)", routine.oid())))
                    .append(";\n");
        }
        String word = routine.kind() == ObjectKind.PROCEDURE
                ? "PROCEDURE"
                : routine.kind() == ObjectKind.AGGREGATE ? "AGGREGATE" : "FUNCTION";
        routine.comment().ifPresent(comment -> out.append("COMMENT ON ")
                .append(word)
                .append(' ')
                .append(routine.signature())
                .append(" IS ")
                .append(literal(comment))
                .append(";\n"));
        return out.toString();
    }

    /** PostgreSQL has no printer for aggregates, so the main clauses are assembled from pg_aggregate. */
    private static String aggregate(Connection connection, Routine routine) throws SQLException {
        String sql = """
                SELECT a.aggtransfn::regproc::text, format_type(a.aggtranstype, NULL),
                       NULLIF(a.aggfinalfn, 0)::regproc::text, NULLIF(a.aggcombinefn, 0)::regproc::text,
                       a.agginitval
                FROM pg_aggregate a WHERE a.aggfnoid = ?::oid""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, routine.oid());
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("aggregate " + routine.signature() + " no longer exists", "42883");
                }
                var clauses = new StringJoiner(",\n    ", " (\n    ", "\n)");
                clauses.add("SFUNC = " + rows.getString(1));
                clauses.add("STYPE = " + rows.getString(2));
                if (rows.getString(3) != null) {
                    clauses.add("FINALFUNC = " + rows.getString(3));
                }
                if (rows.getString(4) != null) {
                    clauses.add("COMBINEFUNC = " + rows.getString(4));
                }
                if (rows.getString(5) != null) {
                    clauses.add("INITCOND = " + literal(rows.getString(5)));
                }
                return "CREATE AGGREGATE " + routine.signature() + clauses + ";\n";
            }
        }
    }

    private static void comment(StringBuilder out, String word, SchemaObject object) {
        object.comment().ifPresent(comment -> out.append("COMMENT ON ")
                .append(word)
                .append(' ')
                .append(object.qualifiedName().toSql())
                .append(" IS ")
                .append(literal(comment))
                .append(";\n"));
    }

    private static String viewDefinition(Connection connection, Relation view) throws SQLException {
        return single(connection, "SELECT pg_get_viewdef(?::oid, true)", view.oid());
    }

    /**
     * The indexes a {@code CREATE TABLE} does not already make: not behind a constraint and, for partitions,
     * not attached to an index of the parent.
     */
    private static List<String> standaloneIndexes(Connection connection, Relation relation) throws SQLException {
        String sql = """
                SELECT pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                JOIN pg_class ic ON ic.oid = i.indexrelid
                WHERE i.indrelid = ?::oid
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                  AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
                  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
                ORDER BY ic.relname""";
        return names(connection, sql, relation.oid());
    }

    private static List<String> names(Connection connection, String sql, long oid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, oid);
            try (var rows = statement.executeQuery()) {
                var result = new ArrayList<String>();
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
                return result;
            }
        }
    }

    private static String single(Connection connection, String sql, long oid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, oid);
            try (var rows = statement.executeQuery()) {
                String value = rows.next() ? rows.getString(1) : null;
                if (value == null) {
                    // The printers return NULL for an OID that no longer exists.
                    throw new SQLException("the object (OID " + oid + ") no longer exists", "42704");
                }
                return value;
            }
        }
    }

    /**
     * A string literal for DDL text. Doubling single quotes is the whole rule with
     * {@code standard_conforming_strings} on, the default since PostgreSQL 9.1.
     */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String withoutSemicolon(String definition) {
        String trimmed = definition.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String withoutTrailingNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
