package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.RelationshipKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link Relationship} as a project file holds it (format version 3): the model's relationship is the one
 * definition; this record is only its JSON layout. Converting checks the values, so a bad kind or strategy is
 * reported with its place in the file.
 *
 * @param name what the parent calls the related rows
 * @param kind {@code many-to-one}, {@code one-to-many}, {@code one-to-one} or {@code many-to-many}
 * @param from the parent table and its matching columns
 * @param to the target table and its matching columns, paired in order with {@code from}'s
 * @param association for a many-to-many only: the table in between
 * @param condition SQL over the target's columns, unqualified ({@code workload = 'parttime'}), or {@code null}
 * @param orderBy the order of the related rows
 * @param backPopulates the name of the same link seen from the target, or {@code null}
 * @param foreignKey the foreign key constraint an inferred relationship comes from (a user's override of an
 *     inferred relationship), or {@code null} for the user's own
 * @param loading the strategy's label: {@code lazy}, {@code joined}, {@code selectin}, {@code subquery},
 *     {@code raise}, {@code contains_eager}
 */
@JsonPropertyOrder({
    "name",
    "kind",
    "from",
    "to",
    "association",
    "condition",
    "orderBy",
    "backPopulates",
    "foreignKey",
    "loading"
})
record StoredRelationship(
        String name,
        String kind,
        End from,
        End to,
        Through association,
        String condition,
        List<Order> orderBy,
        String backPopulates,
        String foreignKey,
        String loading) {

    /** The schema a table without one in the file belongs to. */
    static final String DEFAULT_SCHEMA = "public";

    StoredRelationship {
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        // Converting here reports every inconsistency while the file is read, with its position.
        relationship(name, kind, from, to, association, condition, orderBy, backPopulates, foreignKey, loading);
    }

    static StoredRelationship of(Relationship relationship) {
        return new StoredRelationship(
                relationship.name(),
                kindLabel(relationship.kind()),
                new End(relationship.parent().schema(), relationship.parent().name(), relationship.parentColumns()),
                new End(relationship.target().schema(), relationship.target().name(), relationship.targetColumns()),
                relationship
                        .association()
                        .map(a ->
                                new Through(a.table().schema(), a.table().name(), a.parentColumns(), a.targetColumns()))
                        .orElse(null),
                relationship.condition().orElse(null),
                relationship.orderBy().stream()
                        .map(k -> new Order(k.column(), k.descending() ? Boolean.TRUE : null))
                        .toList(),
                relationship.backPopulates().orElse(null),
                relationship.foreignKey().orElse(null),
                relationship.loading().label());
    }

    Relationship relationship() {
        return relationship(name, kind, from, to, association, condition, orderBy, backPopulates, foreignKey, loading);
    }

    private static Relationship relationship(
            String name,
            String kind,
            End from,
            End to,
            Through association,
            String condition,
            List<Order> orderBy,
            String backPopulates,
            String foreignKey,
            String loading) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A relationship needs \"from\" and \"to\"");
        }
        return new Relationship(
                name,
                kind(kind),
                from.qualified(),
                from.columns(),
                to.qualified(),
                to.columns(),
                Optional.ofNullable(association)
                        .map(a -> new Relationship.Association(a.qualified(), a.fromColumns(), a.toColumns())),
                Optional.ofNullable(condition),
                orderBy.stream()
                        .map(o -> new Relationship.SortKey(o.column(), Boolean.TRUE.equals(o.descending())))
                        .toList(),
                Optional.ofNullable(backPopulates),
                Optional.ofNullable(foreignKey),
                loading(loading));
    }

    /** {@code many-to-one} for {@link RelationshipKind#MANY_TO_ONE}. */
    static String kindLabel(RelationshipKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static RelationshipKind kind(String label) {
        return Arrays.stream(RelationshipKind.values())
                .filter(k -> kindLabel(k).equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + label + "' is not a relationship kind (expected"
                        + " one of: "
                        + String.join(
                                ", ",
                                Arrays.stream(RelationshipKind.values())
                                        .map(StoredRelationship::kindLabel)
                                        .toList())
                        + ")"));
    }

    private static LoaderStrategy loading(String label) {
        return Arrays.stream(LoaderStrategy.values())
                .filter(s -> s.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + label + "' is not a loader strategy (expected"
                        + " one of: "
                        + String.join(
                                ", ",
                                Arrays.stream(LoaderStrategy.values())
                                        .map(LoaderStrategy::label)
                                        .toList())
                        + ")"));
    }

    /**
     * One side of a relationship.
     *
     * @param schema the schema; {@value StoredRelationship#DEFAULT_SCHEMA} when left out
     * @param name the table
     * @param columns its matching columns, in order
     */
    @JsonPropertyOrder({"schema", "table", "columns"})
    record End(
            String schema,
            String table,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> columns) {
        End {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("A relationship end needs a table");
            }
            columns = columns == null ? List.of() : List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("A relationship end needs at least one column");
            }
        }

        QualifiedName qualified() {
            return new QualifiedName(schema == null ? DEFAULT_SCHEMA : schema, table);
        }
    }

    /**
     * The table a many-to-many goes through.
     *
     * @param schema the schema; {@value StoredRelationship#DEFAULT_SCHEMA} when left out
     * @param table the association table
     * @param fromColumns its columns matching {@code from}'s columns
     * @param toColumns its columns matching {@code to}'s columns
     */
    @JsonPropertyOrder({"schema", "table", "fromColumns", "toColumns"})
    record Through(String schema, String table, List<String> fromColumns, List<String> toColumns) {
        Through {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("An association table needs a name");
            }
            fromColumns = fromColumns == null ? List.of() : List.copyOf(fromColumns);
            toColumns = toColumns == null ? List.of() : List.copyOf(toColumns);
        }

        QualifiedName qualified() {
            return new QualifiedName(schema == null ? DEFAULT_SCHEMA : schema, table);
        }
    }

    /**
     * One key of the related rows' order.
     *
     * @param column a target column
     * @param descending {@code true} for {@code DESC}; left out for ascending
     */
    @JsonPropertyOrder({"column", "descending"})
    record Order(String column, Boolean descending) {
        Order {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("An order key needs a column");
            }
        }
    }
}
