package dev.athanor.model.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema and the objects in it, each list ordered by name.
 *
 * @param oid the schema OID
 * @param name the schema name
 * @param owner the owning role
 * @param comment the schema comment
 * @param relations tables, partitions, views, materialized views, foreign tables and composite types
 * @param sequences sequences (not those behind identity columns)
 * @param enums enum types
 * @param domains domains
 * @param routines functions, procedures, aggregates and window functions (overloads are separate entries)
 */
public record Schema(
        long oid,
        String name,
        String owner,
        Optional<String> comment,
        List<Relation> relations,
        List<Sequence> sequences,
        List<EnumType> enums,
        List<DomainType> domains,
        List<Routine> routines)
        implements CatalogObject {

    public Schema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(comment, "comment");
        relations = List.copyOf(relations);
        sequences = List.copyOf(sequences);
        enums = List.copyOf(enums);
        domains = List.copyOf(domains);
        routines = List.copyOf(routines);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SCHEMA;
    }

    /** Returns the relations that hold rows (tables, partitioned tables, partitions, foreign tables). */
    public List<Relation> tables() {
        return relations.stream().filter(r -> r.kind().isTable()).toList();
    }

    /** Returns the relation with this exact name, whatever its kind. */
    public Optional<Relation> relation(String relationName) {
        return relations.stream().filter(r -> r.name().equals(relationName)).findFirst();
    }

    /** Returns the objects of one kind, ordered by name. */
    public List<SchemaObject> objects(ObjectKind kind) {
        return all().stream().filter(o -> o.kind() == kind).toList();
    }

    /**
     * Returns the schema's objects grouped by kind, groups in {@link ObjectKind} order, empty groups left out:
     * the shape of a schema node in an object tree.
     */
    public Map<ObjectKind, List<SchemaObject>> objectsByKind() {
        var groups = new EnumMap<ObjectKind, List<SchemaObject>>(ObjectKind.class);
        for (SchemaObject o : all()) {
            groups.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
        }
        var result = new LinkedHashMap<ObjectKind, List<SchemaObject>>();
        groups.forEach((kind, objects) -> result.put(kind, List.copyOf(objects)));
        return Collections.unmodifiableMap(result);
    }

    private List<SchemaObject> all() {
        var all = new ArrayList<SchemaObject>(
                relations.size() + sequences.size() + enums.size() + domains.size() + routines.size());
        all.addAll(relations);
        all.addAll(sequences);
        all.addAll(enums);
        all.addAll(domains);
        all.addAll(routines);
        return all;
    }
}
