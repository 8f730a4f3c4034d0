package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.SortItem;
import java.util.List;
import java.util.Objects;

/**
 * A relationship the user defined between two tables, with the way its rows are loaded.
 *
 * @param name what the parent calls the related rows ({@code resumes_parttime})
 * @param from the parent side
 * @param to the related side; its columns pair with {@code from}'s in order
 * @param kind the cardinality
 * @param association the table a many-to-many goes through, else {@code null}
 * @param condition an extra condition on the related rows ({@code workload = 'parttime'}), or {@code null}
 * @param orderBy the order of the related rows; empty for none
 * @param loading the loader strategy chosen for this relationship
 */
@JsonPropertyOrder({"name", "kind", "from", "to", "association", "condition", "orderBy", "loading"})
public record Relationship(
        String name,
        RelationshipEnd from,
        RelationshipEnd to,
        RelationshipKind kind,
        AssociationTable association,
        Predicate condition,
        List<SortItem> orderBy,
        LoaderStrategy loading) {
    public Relationship {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A relationship needs a name");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loading, "loading");
        orderBy = List.copyOf(orderBy);
        if (kind == RelationshipKind.MANY_TO_MANY) {
            if (association == null) {
                throw new IllegalArgumentException("A many-to-many relationship needs an association table");
            }
            if (association.fromColumns().size() != from.columns().size()
                    || association.toColumns().size() != to.columns().size()) {
                throw new IllegalArgumentException(
                        "The association table's columns must pair with the from and to columns one by one");
            }
        } else {
            if (association != null) {
                throw new IllegalArgumentException(
                        "Only a many-to-many relationship goes through an association table");
            }
            if (from.columns().size() != to.columns().size()) {
                throw new IllegalArgumentException("The from and to columns must pair one by one");
            }
        }
    }

    /** A relationship without association table, condition or order. */
    public static Relationship of(
            String name, RelationshipEnd from, RelationshipEnd to, RelationshipKind kind, LoaderStrategy loading) {
        return new Relationship(name, from, to, kind, null, null, List.of(), loading);
    }

    public Relationship withName(String newName) {
        return new Relationship(newName, from, to, kind, association, condition, orderBy, loading);
    }

    public Relationship withCondition(Predicate newCondition) {
        return new Relationship(name, from, to, kind, association, newCondition, orderBy, loading);
    }

    public Relationship withOrderBy(List<SortItem> newOrderBy) {
        return new Relationship(name, from, to, kind, association, condition, newOrderBy, loading);
    }

    public Relationship withLoading(LoaderStrategy newLoading) {
        return new Relationship(name, from, to, kind, association, condition, orderBy, newLoading);
    }
}
