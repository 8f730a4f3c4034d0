package dev.athanor.app.schema;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CheckConstraint;
import dev.athanor.model.catalog.Column;
import dev.athanor.model.catalog.DomainType;
import dev.athanor.model.catalog.EnumType;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.Index;
import dev.athanor.model.catalog.IndexKey;
import dev.athanor.model.catalog.PartitionOf;
import dev.athanor.model.catalog.ReferentialAction;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.Routine;
import dev.athanor.model.catalog.Schema;
import dev.athanor.model.catalog.SchemaObject;
import dev.athanor.model.catalog.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link SchemaSnapshot} over a loaded {@link Catalog}: maps catalog objects to tree nodes and detail rows.
 *
 * <p>Functions are named with their argument types ({@code add(integer, integer)}) because overloads share a
 * name; every other object by its plain name.
 */
public final class CatalogSnapshot implements SchemaSnapshot {
    private final Catalog catalog;
    private final List<String> schemas;
    private final Map<String, Map<ObjectKind, List<SchemaNode.DbObject>>> objects = new HashMap<>();
    private final Map<SchemaNode.DbObject, SchemaObject> byNode = new HashMap<>();
    private final Map<SchemaNode.DbObject, List<SchemaNode.DbObject>> partitions = new HashMap<>();

    public CatalogSnapshot(Catalog catalog) {
        this.catalog = catalog;
        this.schemas = catalog.schemas().stream().map(Schema::name).toList();
        for (Schema schema : catalog.schemas()) {
            var kinds = new EnumMap<ObjectKind, List<SchemaNode.DbObject>>(ObjectKind.class);
            for (ObjectKind kind : ObjectKind.values()) {
                kinds.put(kind, new ArrayList<>());
            }
            for (Relation relation : schema.relations()) {
                kindOf(relation).ifPresent(kind -> add(kinds, schema, relation.name(), kind, relation));
            }
            // A partition is listed under its parent, not beside it.
            kinds.get(ObjectKind.TABLE)
                    .removeIf(node -> byNode.get(node) instanceof Relation r
                            && r.partitionOf().isPresent());
            schema.sequences().forEach(s -> add(kinds, schema, s.name(), ObjectKind.SEQUENCE, s));
            schema.enums().forEach(e -> add(kinds, schema, e.name(), ObjectKind.ENUM, e));
            schema.domains().forEach(d -> add(kinds, schema, d.name(), ObjectKind.DOMAIN, d));
            schema.routines()
                    .forEach(r ->
                            add(kinds, schema, r.name() + "(" + r.identityArguments() + ")", ObjectKind.FUNCTION, r));
            kinds.replaceAll((kind, list) -> list.stream()
                    .sorted(Comparator.comparing(SchemaNode.DbObject::name))
                    .toList());
            objects.put(schema.name(), kinds);
        }
        for (Schema schema : catalog.schemas()) {
            for (Relation relation : schema.relations()) {
                relation.partitionOf().ifPresent(p -> partitions
                        .computeIfAbsent(
                                tableNode(p.parent().schema(), p.parent().name()), k -> new ArrayList<>())
                        .add(tableNode(relation.schema(), relation.name())));
            }
        }
        partitions.replaceAll((parent, list) -> list.stream()
                .sorted(Comparator.comparing(SchemaNode.DbObject::name))
                .toList());
    }

    private static SchemaNode.DbObject tableNode(String schema, String name) {
        return new SchemaNode.DbObject(schema, name, ObjectKind.TABLE);
    }

    private void add(
            Map<ObjectKind, List<SchemaNode.DbObject>> kinds,
            Schema schema,
            String name,
            ObjectKind kind,
            SchemaObject object) {
        var node = new SchemaNode.DbObject(schema.name(), name, kind);
        kinds.get(kind).add(node);
        byNode.put(node, object);
    }

    private static Optional<ObjectKind> kindOf(Relation relation) {
        return switch (relation.kind()) {
            case TABLE, PARTITIONED_TABLE, PARTITION, FOREIGN_TABLE -> Optional.of(ObjectKind.TABLE);
            case VIEW -> Optional.of(ObjectKind.VIEW);
            case MATERIALIZED_VIEW -> Optional.of(ObjectKind.MATERIALIZED_VIEW);
            default -> Optional.empty();
        };
    }

    /** The catalog this snapshot reads. */
    public Catalog catalog() {
        return catalog;
    }

    /** The catalog object behind a tree node, if it still exists in this snapshot. */
    public Optional<SchemaObject> find(SchemaNode.DbObject node) {
        return Optional.ofNullable(byNode.get(node));
    }

    @Override
    public List<String> schemas() {
        return schemas;
    }

    @Override
    public List<SchemaNode.DbObject> objects(String schema, ObjectKind kind) {
        var kinds = objects.get(schema);
        return kinds == null ? List.of() : kinds.get(kind);
    }

    @Override
    public List<SchemaNode.DbObject> partitions(SchemaNode.DbObject table) {
        return partitions.getOrDefault(table, List.of());
    }

    @Override
    public Optional<String> partitionBound(SchemaNode.DbObject object) {
        return byNode.get(object) instanceof Relation relation
                ? relation.partitionOf().map(PartitionOf::bound)
                : Optional.empty();
    }

    @Override
    public KindIcon icon(SchemaNode.DbObject object) {
        if (byNode.get(object) instanceof Relation relation) {
            if (relation.kind() == dev.athanor.model.catalog.ObjectKind.PARTITIONED_TABLE) {
                return KindIcon.PARTITIONED_TABLE;
            }
            if (relation.partitionOf().isPresent()) {
                return KindIcon.PARTITION;
            }
        }
        return object.icon();
    }

    @Override
    public List<SchemaNode.Column> columns(SchemaNode.DbObject relation) {
        if (!(byNode.get(relation) instanceof Relation table)) {
            return List.of();
        }
        List<String> key = table.primaryKey().map(pk -> pk.columns()).orElse(List.of());
        return table.columns().stream()
                .map(c -> new SchemaNode.Column(relation, c.name(), c.type(), key.contains(c.name())))
                .toList();
    }

    @Override
    public ObjectDetails details(SchemaNode.DbObject object) {
        return switch (byNode.get(object)) {
            case Relation relation -> relationDetails(object, relation);
            case Sequence sequence ->
                new ObjectDetails(
                        object,
                        sequence.comment().orElse(""),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(
                                new ObjectDetails.Fact("Data type", sequence.dataType()),
                                new ObjectDetails.Fact("Start", Long.toString(sequence.start())),
                                new ObjectDetails.Fact("Increment", Long.toString(sequence.increment())),
                                new ObjectDetails.Fact("Minimum", Long.toString(sequence.minValue())),
                                new ObjectDetails.Fact("Maximum", Long.toString(sequence.maxValue())),
                                new ObjectDetails.Fact("Cache", Long.toString(sequence.cache())),
                                new ObjectDetails.Fact("Cycles", sequence.cycle() ? "yes" : "no"),
                                new ObjectDetails.Fact(
                                        "Owned by",
                                        sequence.ownedBy()
                                                .map(ref -> ref.table() + "." + ref.column())
                                                .orElse(""))));
            case EnumType type ->
                new ObjectDetails(
                        object,
                        type.comment().orElse(""),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(
                                new ObjectDetails.Fact("Values", String.join(", ", type.labels())),
                                new ObjectDetails.Fact("Owner", type.owner())));
            case DomainType domain ->
                new ObjectDetails(
                        object,
                        domain.comment().orElse(""),
                        List.of(),
                        domain.checks().stream().map(CatalogSnapshot::checkRow).toList(),
                        List.of(),
                        List.of(
                                new ObjectDetails.Fact("Base type", domain.baseType()),
                                new ObjectDetails.Fact("Not null", domain.notNull() ? "yes" : "no"),
                                new ObjectDetails.Fact(
                                        "Default", domain.defaultExpression().orElse(""))));
            case Routine routine ->
                new ObjectDetails(
                        object,
                        routine.comment().orElse(""),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(
                                new ObjectDetails.Fact("Kind", routine.kind().label()),
                                new ObjectDetails.Fact("Arguments", routine.arguments()),
                                new ObjectDetails.Fact(
                                        "Returns", routine.returnType().orElse("")),
                                new ObjectDetails.Fact("Language", routine.language()),
                                new ObjectDetails.Fact(
                                        "Volatility",
                                        routine.volatility().name().toLowerCase(java.util.Locale.ROOT)),
                                new ObjectDetails.Fact("Security definer", routine.securityDefiner() ? "yes" : "no")));
            case null -> new ObjectDetails(object, "", List.of(), List.of(), List.of(), List.of());
        };
    }

    private static ObjectDetails relationDetails(SchemaNode.DbObject object, Relation relation) {
        var constraints = new ArrayList<ObjectDetails.ConstraintRow>();
        relation.primaryKey()
                .ifPresent(pk -> constraints.add(new ObjectDetails.ConstraintRow(
                        "Primary key", pk.name(), "(" + String.join(", ", pk.columns()) + ")")));
        relation.uniqueConstraints()
                .forEach(u -> constraints.add(new ObjectDetails.ConstraintRow(
                        "Unique", u.name(), "(" + String.join(", ", u.columns()) + ")")));
        relation.foreignKeys().forEach(fk -> constraints.add(foreignKeyRow(fk)));
        relation.checkConstraints().forEach(check -> constraints.add(checkRow(check)));

        var facts = new ArrayList<ObjectDetails.Fact>();
        facts.add(new ObjectDetails.Fact("Kind", relation.kind().label()));
        facts.add(new ObjectDetails.Fact("Owner", relation.owner()));
        relation.partitionKey().ifPresent(key -> facts.add(new ObjectDetails.Fact("Partitioned by", key)));
        relation.partitionOf().ifPresent(p -> {
            facts.add(new ObjectDetails.Fact("Partition of", p.parent().toSql()));
            facts.add(new ObjectDetails.Fact("Bound", p.bound()));
        });
        relation.estimatedRows()
                .ifPresent(rows -> facts.add(new ObjectDetails.Fact("Estimated rows", Long.toString(rows))));

        return new ObjectDetails(
                object,
                relation.comment().orElse(""),
                relation.columns().stream().map(CatalogSnapshot::columnRow).toList(),
                constraints,
                relation.indexes().stream().map(CatalogSnapshot::indexRow).toList(),
                facts);
    }

    private static ObjectDetails.ColumnRow columnRow(Column column) {
        String generated = column.identity()
                .map(identity -> "generated " + identity.sql().toLowerCase(java.util.Locale.ROOT) + " as identity")
                .or(() -> column.generatedExpression().map(expression -> "generated: " + expression))
                .orElse("");
        return new ObjectDetails.ColumnRow(
                column.name(),
                column.type(),
                column.nullable(),
                column.defaultExpression().orElse(""),
                generated,
                column.comment().orElse(""));
    }

    private static ObjectDetails.ConstraintRow foreignKeyRow(ForeignKey fk) {
        var text = new StringBuilder()
                .append('(')
                .append(String.join(", ", fk.columns()))
                .append(") → ")
                .append(fk.referencedTable())
                .append(" (")
                .append(String.join(", ", fk.referencedColumns()))
                .append(')');
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            text.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            text.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return new ObjectDetails.ConstraintRow("Foreign key", fk.name(), text.toString());
    }

    private static ObjectDetails.ConstraintRow checkRow(CheckConstraint check) {
        return new ObjectDetails.ConstraintRow("Check", check.name(), check.expression());
    }

    private static ObjectDetails.IndexRow indexRow(Index index) {
        var columns = new LinkedHashMap<String, Boolean>();
        for (IndexKey key : index.keys()) {
            columns.put(key.text() + (key.descending() ? " DESC" : ""), true);
        }
        return new ObjectDetails.IndexRow(
                index.name(),
                columns.keySet().stream().collect(Collectors.joining(", ")),
                index.unique(),
                index.primary(),
                index.definition());
    }
}
