package dev.athanor.app.schema;

import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.CheckConstraint;
import dev.athanor.model.catalog.Column;
import dev.athanor.model.catalog.DomainType;
import dev.athanor.model.catalog.EnumType;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.Routine;
import dev.athanor.model.catalog.Sequence;
import dev.athanor.model.catalog.SqlIdentifiers;
import dev.athanor.model.engine.DatabaseErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.stream.Collectors;

/**
 * {@link SchemaService} over the catalog loader: one bulk load per refresh, DDL rebuilt from the loaded
 * catalog (whose constraint, index and view texts come from {@code pg_get_*def}), and functions asked of the
 * server with {@code pg_get_functiondef}.
 */
public final class CatalogSchemaService implements SchemaService {
    /** Where the echo log says catalog statements come from. */
    public static final String ORIGIN = "schema tree";

    private final ConnectionOpener connections;
    private volatile CatalogSnapshot latest;

    /** Opens a pooled connection for the schema tree (blocking). */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open(String origin) throws SQLException;
    }

    public CatalogSchemaService(ConnectionOpener connections) {
        this.connections = connections;
    }

    @Override
    public SchemaSnapshot load() {
        try (Connection connection = connections.open(ORIGIN)) {
            var snapshot = new CatalogSnapshot(CatalogLoader.load(connection));
            latest = snapshot;
            return snapshot;
        } catch (SQLException e) {
            throw DatabaseErrors.classify(e);
        }
    }

    @Override
    public String ddl(SchemaNode.DbObject object) {
        CatalogSnapshot snapshot = latest;
        if (snapshot == null) {
            snapshot = (CatalogSnapshot) load();
        }
        return switch (snapshot.find(object).orElse(null)) {
            case Relation relation -> relationDdl(relation);
            case Sequence sequence -> sequenceDdl(sequence);
            case EnumType type ->
                "CREATE TYPE " + SqlIdentifiers.qualified(type.schema(), type.name()) + " AS ENUM ("
                        + type.labels().stream()
                                .map(CatalogSchemaService::literal)
                                .collect(Collectors.joining(", "))
                        + ");";
            case DomainType domain -> domainDdl(domain);
            case Routine routine -> functionDdl(routine);
            case null -> "-- " + object.name() + " no longer exists; refresh the schema.";
            default -> "-- no DDL for this kind of object";
        };
    }

    private static String relationDdl(Relation relation) {
        String name = SqlIdentifiers.qualified(relation.schema(), relation.name());
        if (relation.viewDefinition().isPresent()) {
            String kind = relation.kind() == dev.athanor.model.catalog.ObjectKind.MATERIALIZED_VIEW
                    ? "MATERIALIZED VIEW"
                    : "VIEW";
            return "CREATE " + kind + " " + name + " AS\n"
                    + relation.viewDefinition().get().stripTrailing();
        }
        var lines = new ArrayList<String>();
        for (Column column : relation.columns()) {
            var line = new StringBuilder("    ")
                    .append(SqlIdentifiers.quote(column.name()))
                    .append(' ')
                    .append(column.type());
            column.identity()
                    .ifPresent(identity ->
                            line.append(" GENERATED ").append(identity.sql()).append(" AS IDENTITY"));
            column.generatedExpression().ifPresent(expression -> line.append(" GENERATED ALWAYS AS (")
                    .append(expression)
                    .append(") STORED"));
            if (column.identity().isEmpty() && column.generatedExpression().isEmpty()) {
                column.defaultExpression()
                        .ifPresent(expression -> line.append(" DEFAULT ").append(expression));
            }
            if (!column.nullable()) {
                line.append(" NOT NULL");
            }
            lines.add(line.toString());
        }
        relation.primaryKey()
                .ifPresent(pk -> lines.add("    CONSTRAINT " + SqlIdentifiers.quote(pk.name()) + " PRIMARY KEY ("
                        + pk.columns().stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", ")) + ")"));
        relation.uniqueConstraints()
                .forEach(u -> lines.add("    CONSTRAINT " + SqlIdentifiers.quote(u.name()) + " UNIQUE ("
                        + u.columns().stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", ")) + ")"));
        relation.foreignKeys().forEach(fk -> {
            var line = new StringBuilder("    CONSTRAINT ")
                    .append(SqlIdentifiers.quote(fk.name()))
                    .append(" FOREIGN KEY (")
                    .append(fk.columns().stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", ")))
                    .append(") REFERENCES ")
                    .append(fk.referencedTable().toSql())
                    .append(" (")
                    .append(fk.referencedColumns().stream()
                            .map(SqlIdentifiers::quote)
                            .collect(Collectors.joining(", ")))
                    .append(')');
            if (fk.onDelete() != dev.athanor.model.catalog.ReferentialAction.NO_ACTION) {
                line.append(" ON DELETE ").append(fk.onDelete().sql());
            }
            if (fk.onUpdate() != dev.athanor.model.catalog.ReferentialAction.NO_ACTION) {
                line.append(" ON UPDATE ").append(fk.onUpdate().sql());
            }
            lines.add(line.toString());
        });
        for (CheckConstraint check : relation.checkConstraints()) {
            lines.add("    CONSTRAINT " + SqlIdentifiers.quote(check.name()) + " " + check.definition());
        }
        var ddl = new StringBuilder("CREATE TABLE ")
                .append(name)
                .append(" (\n")
                .append(String.join(",\n", lines))
                .append("\n);\n");
        relation.indexes().stream()
                .filter(index -> index.constraint().isEmpty())
                .forEach(index -> ddl.append('\n').append(index.definition()).append(';'));
        relation.triggers()
                .forEach(
                        trigger -> ddl.append('\n').append(trigger.definition()).append(';'));
        relation.comment().ifPresent(comment -> ddl.append("\n\nCOMMENT ON TABLE ")
                .append(name)
                .append(" IS ")
                .append(literal(comment))
                .append(';'));
        return ddl.toString().stripTrailing() + "\n";
    }

    private static String sequenceDdl(Sequence sequence) {
        return "CREATE SEQUENCE " + SqlIdentifiers.qualified(sequence.schema(), sequence.name())
                + "\n    AS " + sequence.dataType()
                + "\n    START WITH " + sequence.start()
                + "\n    INCREMENT BY " + sequence.increment()
                + "\n    MINVALUE " + sequence.minValue()
                + "\n    MAXVALUE " + sequence.maxValue()
                + "\n    CACHE " + sequence.cache()
                + (sequence.cycle() ? "\n    CYCLE" : "\n    NO CYCLE")
                + sequence.ownedBy()
                        .map(ref -> "\n    OWNED BY " + ref.table().toSql() + "." + SqlIdentifiers.quote(ref.column()))
                        .orElse("")
                + ";";
    }

    private static String domainDdl(DomainType domain) {
        var ddl = new StringBuilder("CREATE DOMAIN ")
                .append(SqlIdentifiers.qualified(domain.schema(), domain.name()))
                .append(" AS ")
                .append(domain.baseType());
        domain.defaultExpression()
                .ifPresent(expression -> ddl.append("\n    DEFAULT ").append(expression));
        if (domain.notNull()) {
            ddl.append("\n    NOT NULL");
        }
        domain.checks().forEach(check -> ddl.append("\n    CONSTRAINT ")
                .append(SqlIdentifiers.quote(check.name()))
                .append(' ')
                .append(check.definition()));
        return ddl.append(';').toString();
    }

    private String functionDdl(Routine routine) {
        if (routine.kind() == dev.athanor.model.catalog.ObjectKind.AGGREGATE) {
            return "-- aggregate " + routine.name() + "(" + routine.arguments() + ")";
        }
        try (Connection connection = connections.open(ORIGIN);
                var statement = connection.prepareStatement("SELECT pg_get_functiondef(?)")) {
            statement.setLong(1, routine.oid());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "-- " + routine.name() + " no longer exists";
            }
        } catch (SQLException e) {
            throw DatabaseErrors.classify(e);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
