package dev.athanor.model.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A table, partitioned table, partition, view, materialized view, foreign table or composite type: anything
 * with columns. Parts a kind cannot have are empty (a view has no keys; only partitions have
 * {@link #partitionOf()}).
 *
 * @param oid the relation OID
 * @param schema the schema name
 * @param name the relation name
 * @param kind what the relation is ({@link ObjectKind#isRelation()} holds)
 * @param owner the owning role
 * @param comment the relation comment
 * @param columns the columns in column-number order
 * @param primaryKey the primary key
 * @param uniqueConstraints the {@code UNIQUE} constraints, by name
 * @param foreignKeys the foreign keys this relation holds (outgoing), by name
 * @param checkConstraints the check constraints, by name
 * @param exclusionConstraints the exclusion constraints, by name
 * @param indexes the indexes, by name (including those that enforce constraints)
 * @param triggers the user-defined triggers, by name
 * @param viewDefinition the {@code SELECT} of a view or materialized view ({@code pg_get_viewdef})
 * @param partitionOf the parent and bound of a partition
 * @param partitionKey the partition key of a partitioned table ({@code RANGE (at)})
 * @param partitions the partitions of a partitioned table, by name
 * @param foreignServer the server of a foreign table
 * @param foreignOptions the options of a foreign table ({@code OPTIONS (filename '...')}), in server order
 * @param estimatedRows the planner's row estimate, absent when the relation was never analyzed
 */
public record Relation(
        long oid,
        String schema,
        String name,
        ObjectKind kind,
        String owner,
        Optional<String> comment,
        List<Column> columns,
        Optional<PrimaryKey> primaryKey,
        List<UniqueConstraint> uniqueConstraints,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checkConstraints,
        List<ExclusionConstraint> exclusionConstraints,
        List<Index> indexes,
        List<Trigger> triggers,
        Optional<String> viewDefinition,
        Optional<PartitionOf> partitionOf,
        Optional<String> partitionKey,
        List<QualifiedName> partitions,
        Optional<String> foreignServer,
        Map<String, String> foreignOptions,
        OptionalLong estimatedRows)
        implements SchemaObject {

    public Relation {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        if (!Objects.requireNonNull(kind, "kind").isRelation()) {
            throw new IllegalArgumentException("not a relation kind: " + kind);
        }
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(comment, "comment");
        columns = List.copyOf(columns);
        Objects.requireNonNull(primaryKey, "primaryKey");
        uniqueConstraints = List.copyOf(uniqueConstraints);
        foreignKeys = List.copyOf(foreignKeys);
        checkConstraints = List.copyOf(checkConstraints);
        exclusionConstraints = List.copyOf(exclusionConstraints);
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(viewDefinition, "viewDefinition");
        Objects.requireNonNull(partitionOf, "partitionOf");
        Objects.requireNonNull(partitionKey, "partitionKey");
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(foreignServer, "foreignServer");
        foreignOptions = Collections.unmodifiableMap(new LinkedHashMap<>(foreignOptions));
        Objects.requireNonNull(estimatedRows, "estimatedRows");
    }

    /** Returns the column with this exact name. */
    public Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Returns every constraint of the relation: primary key, unique, foreign keys, checks, exclusions. */
    public List<Constraint> constraints() {
        var all = new ArrayList<Constraint>();
        primaryKey.ifPresent(all::add);
        all.addAll(uniqueConstraints);
        all.addAll(foreignKeys);
        all.addAll(checkConstraints);
        all.addAll(exclusionConstraints);
        return List.copyOf(all);
    }
}
