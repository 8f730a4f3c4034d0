package dev.athanor.model.relationship;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every relationship of a catalog: those inferred from its foreign keys plus the user's own. Immutable; {@link
 * #with(Relationship)} gives a new set.
 *
 * <p>Inference, per foreign key of a table {@code C} (columns {@code f}) to a table {@code P}:
 *
 * <ul>
 *   <li>{@code C} gets a many-to-one towards {@code P}, named after the key's column without its {@code _id}
 *       suffix ({@code resumes.worker_id} gives {@code resumes.worker}); for a composite key, or a column without
 *       the suffix, the singular of {@code P}'s name ({@code vacancies} gives {@code vacancy}).
 *   <li>{@code P} gets the one-to-many back, named after {@code C} ({@code workers.resumes}). When {@code C}
 *       holds several foreign keys to {@code P}, or the key references its own table, the name says which key:
 *       {@code C_of_<many-to-one name>} ({@code employees.employees_of_manager}).
 *   <li>When {@code f} is also {@code C}'s primary key or one of its unique constraints, both sides are
 *       one-to-one; {@code P}'s side is then named with the singular of {@code C} ({@code workers.profile}).
 *   <li>A table whose primary key is made of exactly the columns of two foreign keys (other columns allowed, like
 *       {@code vacancies_replies.cover_letter}) is an association table: each of the two referenced tables gets
 *       a many-to-many towards the other, named after the other table ({@code resumes.vacancies},
 *       {@code vacancies.resumes}). When both keys reference one table, or that name is taken, the name is
 *       {@code <other table>_via_<association table>_<many-to-one name of the far key>}. The association table
 *       keeps its own many-to-one and one-to-many relationships, so its extra columns stay reachable.
 *   <li>A name that equals one of the table's columns, or a name given twice, gets the foreign key's constraint
 *       name appended ({@code worker_resumes_worker_id_fkey}).
 * </ul>
 *
 * Each inferred relationship names the other side in {@link Relationship#backPopulates()}.
 */
public final class Relationships {
    private final Map<QualifiedName, List<Relationship>> byTable;

    private Relationships(Map<QualifiedName, List<Relationship>> byTable) {
        this.byTable = byTable;
    }

    /** No relationships at all. */
    public static Relationships none() {
        return new Relationships(Map.of());
    }

    /** The relationships the catalog's foreign keys imply (rules in the class description). */
    public static Relationships infer(Catalog catalog) {
        return RelationshipInference.infer(catalog);
    }

    /** A set made of exactly these relationships, in this order. */
    public static Relationships of(List<Relationship> relationships) {
        var byTable = new LinkedHashMap<QualifiedName, List<Relationship>>();
        for (Relationship relationship : relationships) {
            var ofTable = byTable.computeIfAbsent(relationship.parent(), t -> new ArrayList<>());
            for (Relationship existing : ofTable) {
                if (existing.name().equals(relationship.name())) {
                    throw new IllegalArgumentException("The table " + relationship.parent()
                            + " has two relationships called '" + relationship.name() + "'");
                }
            }
            ofTable.add(relationship);
        }
        byTable.replaceAll((table, list) -> List.copyOf(list));
        return new Relationships(byTable);
    }

    /**
     * This set with {@code relationship} added; one of the same table and name is replaced (so a user's
     * relationship can override an inferred one, or change its default strategy).
     */
    public Relationships with(Relationship relationship) {
        Objects.requireNonNull(relationship, "relationship");
        var all = new ArrayList<Relationship>();
        boolean replaced = false;
        for (Relationship existing : all()) {
            if (existing.parent().equals(relationship.parent())
                    && existing.name().equals(relationship.name())) {
                all.add(relationship);
                replaced = true;
            } else {
                all.add(existing);
            }
        }
        if (!replaced) {
            all.add(relationship);
        }
        return of(all);
    }

    /** This set without the relationship of {@code table} called {@code name}. */
    public Relationships without(QualifiedName table, String name) {
        return of(all().stream()
                .filter(r -> !(r.parent().equals(table) && r.name().equals(name)))
                .toList());
    }

    /** Every relationship, table by table. */
    public List<Relationship> all() {
        var all = new ArrayList<Relationship>();
        byTable.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** The relationships of {@code table} (seen from it), in a stable order. */
    public List<Relationship> of(QualifiedName table) {
        return byTable.getOrDefault(table, List.of());
    }

    /** The relationship of {@code table} called {@code name}. */
    public Optional<Relationship> find(QualifiedName table, String name) {
        return of(table).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The relationship of {@code table} called {@code name}, or an exception naming what exists. */
    public Relationship get(QualifiedName table, String name) {
        return find(table, name)
                .orElseThrow(
                        () -> new IllegalArgumentException(table + " has no relationship called '" + name + "'; it has "
                                + of(table).stream().map(Relationship::name).toList()));
    }

    /** The same link seen from the target ({@link Relationship#backPopulates()}), when there is one. */
    public Optional<Relationship> reverse(Relationship relationship) {
        return relationship.backPopulates().flatMap(name -> find(relationship.target(), name));
    }

    /** How many relationships the set holds. */
    public int size() {
        return byTable.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return "Relationships" + all();
    }
}
