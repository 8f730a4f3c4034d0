package dev.athanor.model.relationship;

import dev.athanor.model.catalog.QualifiedName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relationship seen from its parent table: what the parent calls the related rows and how the two tables
 * match. Columns pair position by position, so composite keys need no special case.
 *
 * <p>Examples from the sample schema: {@code workers.resumes} is one-to-many from {@code workers(id)} to
 * {@code resumes(worker_id)}; {@code resumes.worker} is many-to-one from {@code resumes(worker_id)} to
 * {@code workers(id)}; {@code resumes.vacancies_replied} is many-to-many from {@code resumes(id)} to
 * {@code vacancies(id)} through {@code vacancies_replies(resume_id, vacancy_id)}.
 *
 * @param name what the parent calls the related rows ({@code resumes}, {@code worker}, {@code resumes_parttime})
 * @param kind the cardinality
 * @param parent the table the relationship belongs to
 * @param parentColumns the parent's columns that match ({@code workers.id}, or {@code resumes.worker_id})
 * @param target the related table
 * @param targetColumns the target's columns, position by position with {@code parentColumns} (for a
 *     many-to-many, the target's columns that the association table references)
 * @param association the table a many-to-many goes through, else empty
 * @param condition an extra condition on the target rows, SQL over the target's columns written unqualified
 *     ({@code workload = 'parttime'}), else empty
 * @param orderBy the order of a collection's rows; empty for none
 * @param backPopulates the name of the same link seen from the target, when there is one
 * @param foreignKey the foreign key constraint the relationship was inferred from, empty for a user-defined one
 * @param loading the strategy used unless a load asks for another
 */
public record Relationship(
        String name,
        RelationshipKind kind,
        QualifiedName parent,
        List<String> parentColumns,
        QualifiedName target,
        List<String> targetColumns,
        Optional<Association> association,
        Optional<String> condition,
        List<SortKey> orderBy,
        Optional<String> backPopulates,
        Optional<String> foreignKey,
        LoaderStrategy loading) {

    public Relationship {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A relationship needs a name");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(target, "target");
        parentColumns = List.copyOf(parentColumns);
        targetColumns = List.copyOf(targetColumns);
        Objects.requireNonNull(association, "association");
        condition = Objects.requireNonNull(condition, "condition").filter(c -> !c.isBlank());
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(backPopulates, "backPopulates");
        Objects.requireNonNull(foreignKey, "foreignKey");
        Objects.requireNonNull(loading, "loading");
        if (parentColumns.isEmpty() || parentColumns.size() != targetColumns.size()) {
            throw new IllegalArgumentException("The parent and target columns of " + name + " must pair one by one");
        }
        if ((kind == RelationshipKind.MANY_TO_MANY) != association.isPresent()) {
            throw new IllegalArgumentException(
                    "A many-to-many relationship, and only one, goes through an association table: " + name);
        }
        if (association.isPresent()
                && (association.get().parentColumns().size() != parentColumns.size()
                        || association.get().targetColumns().size() != targetColumns.size())) {
            throw new IllegalArgumentException(
                    "The association table's columns of " + name + " must pair with both sides one by one");
        }
    }

    /** Tells whether the parent holds a list of target rows rather than at most one. */
    public boolean isCollection() {
        return kind.isCollection();
    }

    /** Tells whether the relationship is the user's own rather than inferred from a foreign key. */
    public boolean userDefined() {
        return foreignKey.isEmpty();
    }

    /** The relationship as people name it: {@code public.workers.resumes}. */
    public String qualifiedName() {
        return parent.toSql() + "." + name;
    }

    public Relationship withName(String newName) {
        return new Relationship(
                newName,
                kind,
                parent,
                parentColumns,
                target,
                targetColumns,
                association,
                condition,
                orderBy,
                backPopulates,
                foreignKey,
                loading);
    }

    public Relationship withCondition(Optional<String> newCondition) {
        return new Relationship(
                name,
                kind,
                parent,
                parentColumns,
                target,
                targetColumns,
                association,
                newCondition,
                orderBy,
                backPopulates,
                foreignKey,
                loading);
    }

    public Relationship withOrderBy(List<SortKey> newOrderBy) {
        return new Relationship(
                name,
                kind,
                parent,
                parentColumns,
                target,
                targetColumns,
                association,
                condition,
                newOrderBy,
                backPopulates,
                foreignKey,
                loading);
    }

    public Relationship withLoading(LoaderStrategy newLoading) {
        return new Relationship(
                name,
                kind,
                parent,
                parentColumns,
                target,
                targetColumns,
                association,
                condition,
                orderBy,
                backPopulates,
                foreignKey,
                newLoading);
    }

    @Override
    public String toString() {
        return qualifiedName() + " (" + kind + " -> " + target.toSql() + ")";
    }

    /**
     * The table a many-to-many goes through. Its other columns ({@code vacancies_replies.cover_letter}) stay
     * reachable through the association table's own mapping.
     *
     * @param table the association table
     * @param parentColumns its columns that reference the parent's columns ({@code resume_id})
     * @param targetColumns its columns that reference the target's columns ({@code vacancy_id})
     */
    public record Association(QualifiedName table, List<String> parentColumns, List<String> targetColumns) {
        public Association {
            Objects.requireNonNull(table, "table");
            parentColumns = List.copyOf(parentColumns);
            targetColumns = List.copyOf(targetColumns);
            if (parentColumns.isEmpty() || targetColumns.isEmpty()) {
                throw new IllegalArgumentException("An association table needs columns towards both sides");
            }
        }
    }

    /**
     * One key of a collection's order.
     *
     * @param column a target column
     * @param descending whether the order is {@code DESC}
     */
    public record SortKey(String column, boolean descending) {
        public SortKey {
            Objects.requireNonNull(column, "column");
        }
    }
}
