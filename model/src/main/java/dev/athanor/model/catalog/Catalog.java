package dev.athanor.model.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a database's schemas and objects, loaded by {@link CatalogLoader}. Lookups by name
 * and OID and the foreign-key graph are indexed once, so every query here is answered from memory.
 *
 * <p>Immutable, so it can be shared between threads and kept while a newer catalog loads.
 *
 * <p>Names are matched exactly as stored: {@code table("public", "Orders")} finds the table created as
 * {@code "Orders"}, not {@code orders}.
 */
public final class Catalog {

    private final String database;
    private final List<Schema> schemas;
    private final Map<String, Schema> schemasByName = new HashMap<>();
    private final Map<QualifiedName, Relation> relationsByName = new HashMap<>();
    private final Map<Long, Relation> relationsByOid = new HashMap<>();
    private final Map<Long, SchemaObject> typesByOid = new HashMap<>();
    private final Map<Long, List<ForeignKey>> incoming = new HashMap<>();
    private final TableOrder tableOrder;

    /**
     * Creates a catalog from schemas already assembled.
     *
     * @param database the database the schemas belong to
     * @param schemas the schemas, in the order they are to be listed
     */
    public Catalog(String database, List<Schema> schemas) {
        this.database = Objects.requireNonNull(database, "database");
        this.schemas = List.copyOf(schemas);
        var tables = new ArrayList<Relation>();
        for (Schema schema : this.schemas) {
            schemasByName.put(schema.name(), schema);
            for (Relation relation : schema.relations()) {
                relationsByName.put(relation.qualifiedName(), relation);
                relationsByOid.put(relation.oid(), relation);
                if (relation.kind().isTable()) {
                    tables.add(relation);
                }
                if (relation.kind() == ObjectKind.COMPOSITE_TYPE) {
                    typesByOid.put(relation.oid(), relation);
                }
            }
            schema.enums().forEach(e -> typesByOid.put(e.oid(), e));
            schema.domains().forEach(d -> typesByOid.put(d.oid(), d));
        }
        for (Schema schema : this.schemas) {
            for (Relation relation : schema.relations()) {
                for (ForeignKey fk : relation.foreignKeys()) {
                    incoming.computeIfAbsent(fk.referencedTableOid(), k -> new ArrayList<>())
                            .add(fk);
                }
            }
        }
        incoming.replaceAll((oid, keys) -> List.copyOf(keys));
        this.tableOrder = TableOrder.of(tables);
    }

    /** Returns the name of the database this catalog describes. */
    public String database() {
        return database;
    }

    /** Returns the schemas, ordered by name. */
    public List<Schema> schemas() {
        return schemas;
    }

    /** Returns the schema with this exact name. */
    public Optional<Schema> schema(String name) {
        return Optional.ofNullable(schemasByName.get(name));
    }

    /** Returns the relation (of any kind: table, view, ...) with this exact schema and name. */
    public Optional<Relation> relation(String schema, String name) {
        return Optional.ofNullable(relationsByName.get(new QualifiedName(schema, name)));
    }

    /** Returns the relation with this name, if any. */
    public Optional<Relation> relation(QualifiedName name) {
        return Optional.ofNullable(relationsByName.get(name));
    }

    /** Returns the relation with this OID. */
    public Optional<Relation> relation(long oid) {
        return Optional.ofNullable(relationsByOid.get(oid));
    }

    /**
     * Returns the table with this exact schema and name: a relation that holds rows (table, partitioned table,
     * partition or foreign table). Views and other relations are not tables; use {@link #relation(String,
     * String)} for those.
     */
    public Optional<Relation> table(String schema, String name) {
        return relation(schema, name).filter(r -> r.kind().isTable());
    }

    /** Returns every relation of every schema. */
    public List<Relation> relations() {
        return schemas.stream().flatMap(s -> s.relations().stream()).toList();
    }

    /** Returns the enum, domain or composite type with this OID (see {@link Column#typeOid()}). */
    public Optional<SchemaObject> type(long oid) {
        return Optional.ofNullable(typesByOid.get(oid));
    }

    /** Returns the enum type with this OID, when the type is an enum. */
    public Optional<EnumType> enumType(long oid) {
        return type(oid).filter(EnumType.class::isInstance).map(EnumType.class::cast);
    }

    /**
     * Returns the foreign keys that reference {@code table} (held by other tables or by the table itself), the
     * material of one-to-many relationships.
     */
    public List<ForeignKey> incomingForeignKeys(Relation table) {
        return incomingForeignKeys(table.oid());
    }

    /** Returns the foreign keys that reference the table with this OID. */
    public List<ForeignKey> incomingForeignKeys(long tableOid) {
        return incoming.getOrDefault(tableOid, List.of());
    }

    /**
     * Returns every table ordered by foreign-key dependency: a referenced table comes before the tables that
     * reference it, the order in which rows can be inserted and tables created; a partitioned table comes
     * before its partitions. Tables unrelated by keys keep schema and name order. Self-references are ignored; keys that form a cycle between tables are set aside (see
     * {@link #cyclicForeignKeys()}) and the tables of the cycle keep name order among themselves.
     */
    public List<Relation> sortedTables() {
        return tableOrder.tables();
    }

    /**
     * Returns the foreign keys that {@link #sortedTables()} had to ignore because they close a cycle between
     * two or more tables: rows linked through them need an insert followed by an update, or deferred checks.
     */
    public List<ForeignKey> cyclicForeignKeys() {
        return tableOrder.cyclicKeys();
    }
}
