package dev.athanor.model.relationship;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.ObjectKind;
import dev.athanor.model.catalog.PrimaryKey;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Relationships from foreign keys; the rules are those of {@link Relationships}. */
final class RelationshipInference {
    private final Catalog catalog;
    /** Names taken per table: its columns and the relationships named so far. */
    private final Map<QualifiedName, Set<String>> taken = new HashMap<>();

    private RelationshipInference(Catalog catalog) {
        this.catalog = catalog;
    }

    static Relationships infer(Catalog catalog) {
        return new RelationshipInference(catalog).run();
    }

    /** A draft: the two sides of one foreign key (or of one association) before naming is final. */
    private record Pair(Relationship forward, Relationship back) {}

    private Relationships run() {
        var pairs = new ArrayList<Pair>();
        List<Relation> tables = catalog.relations().stream()
                .filter(r -> r.kind() == ObjectKind.TABLE || r.kind() == ObjectKind.PARTITIONED_TABLE)
                .toList();
        for (Relation table : tables) {
            for (ForeignKey key : table.foreignKeys()) {
                if (catalog.relation(key.referencedTable()).isPresent()) {
                    pairs.add(fromForeignKey(table, key));
                }
            }
        }
        for (Relation table : tables) {
            association(table).ifPresent(keys -> {
                pairs.add(manyToMany(table, keys.get(0), keys.get(1)));
            });
        }
        var all = new ArrayList<Relationship>();
        for (Pair pair : pairs) {
            all.add(pair.forward());
            all.add(pair.back());
        }
        all.sort(java.util.Comparator.comparing((Relationship r) -> r.parent().schema())
                .thenComparing(r -> r.parent().name()));
        return Relationships.of(all);
    }

    private Pair fromForeignKey(Relation child, ForeignKey key) {
        QualifiedName parent = key.referencedTable();
        boolean unique = isUnique(child, key.columns());
        long keysToParent = child.foreignKeys().stream()
                .filter(k -> k.referencedTable().equals(parent))
                .count();
        String manyToOneName = free(child.qualifiedName(), baseManyToOneName(key), key);
        String backBase;
        if (unique) {
            backBase = singular(child.name());
        } else if (key.selfReferencing() || keysToParent > 1) {
            backBase = child.name() + "_of_" + manyToOneName;
        } else {
            backBase = child.name();
        }
        String backName = free(parent, backBase, key);
        RelationshipKind forwardKind = unique ? RelationshipKind.ONE_TO_ONE : RelationshipKind.MANY_TO_ONE;
        RelationshipKind backKind = unique ? RelationshipKind.ONE_TO_ONE : RelationshipKind.ONE_TO_MANY;
        var forward = inferred(
                manyToOneName,
                forwardKind,
                child.qualifiedName(),
                key.columns(),
                parent,
                key.referencedColumns(),
                null,
                backName,
                key.name());
        var back = inferred(
                backName,
                backKind,
                parent,
                key.referencedColumns(),
                child.qualifiedName(),
                key.columns(),
                null,
                manyToOneName,
                key.name());
        return new Pair(forward, back);
    }

    private Pair manyToMany(Relation association, ForeignKey first, ForeignKey second) {
        QualifiedName one = first.referencedTable();
        QualifiedName other = second.referencedTable();
        boolean sameTable = one.equals(other);
        // The far key's many-to-one name tells apart two associations of one table with itself.
        String towardsOther = sameTable
                ? other.name() + "_via_" + association.name() + "_" + baseManyToOneName(second)
                : other.name();
        String towardsOne =
                sameTable ? one.name() + "_via_" + association.name() + "_" + baseManyToOneName(first) : one.name();
        String viaTowardsOther = other.name() + "_via_" + association.name() + "_" + baseManyToOneName(second);
        String viaTowardsOne = one.name() + "_via_" + association.name() + "_" + baseManyToOneName(first);
        String forwardName = free(one, isFree(one, towardsOther) ? towardsOther : viaTowardsOther, first);
        String backName = free(other, isFree(other, towardsOne) ? towardsOne : viaTowardsOne, second);
        var forward = new Relationship(
                forwardName,
                RelationshipKind.MANY_TO_MANY,
                one,
                first.referencedColumns(),
                other,
                second.referencedColumns(),
                Optional.of(
                        new Relationship.Association(association.qualifiedName(), first.columns(), second.columns())),
                Optional.empty(),
                List.of(),
                Optional.of(backName),
                Optional.of(first.name()),
                LoaderStrategy.LAZY);
        var back = new Relationship(
                backName,
                RelationshipKind.MANY_TO_MANY,
                other,
                second.referencedColumns(),
                one,
                first.referencedColumns(),
                Optional.of(
                        new Relationship.Association(association.qualifiedName(), second.columns(), first.columns())),
                Optional.empty(),
                List.of(),
                Optional.of(forwardName),
                Optional.of(second.name()),
                LoaderStrategy.LAZY);
        return new Pair(forward, back);
    }

    /** The two foreign keys whose columns together make the table's whole primary key, if exactly two do. */
    private static Optional<List<ForeignKey>> association(Relation table) {
        if (table.primaryKey().isEmpty() || table.foreignKeys().size() < 2) {
            return Optional.empty();
        }
        Set<String> key =
                new HashSet<>(table.primaryKey().map(PrimaryKey::columns).orElseThrow());
        var keys = table.foreignKeys().stream()
                .filter(k -> key.containsAll(k.columns()))
                .toList();
        if (keys.size() != 2) {
            return Optional.empty();
        }
        Set<String> covered = new HashSet<>(keys.get(0).columns());
        boolean disjoint = keys.get(1).columns().stream().noneMatch(covered::contains);
        covered.addAll(keys.get(1).columns());
        return disjoint && covered.equals(key) ? Optional.of(keys) : Optional.empty();
    }

    /** A relationship read from a foreign key: no condition, no order, lazy unless a load says otherwise. */
    private static Relationship inferred(
            String name,
            RelationshipKind kind,
            QualifiedName parent,
            List<String> parentColumns,
            QualifiedName target,
            List<String> targetColumns,
            Relationship.Association association,
            String backPopulates,
            String foreignKey) {
        return new Relationship(
                name,
                kind,
                parent,
                parentColumns,
                target,
                targetColumns,
                Optional.ofNullable(association),
                Optional.empty(),
                List.of(),
                Optional.of(backPopulates),
                Optional.of(foreignKey),
                LoaderStrategy.LAZY);
    }

    /** Whether {@code columns} are the primary key or a unique constraint, in any order. */
    private static boolean isUnique(Relation table, List<String> columns) {
        Set<String> set = new HashSet<>(columns);
        if (table.primaryKey()
                .map(pk -> new HashSet<>(pk.columns()).equals(set))
                .orElse(false)) {
            return true;
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            if (new HashSet<>(unique.columns()).equals(set)) {
                return true;
            }
        }
        return false;
    }

    private static String baseManyToOneName(ForeignKey key) {
        if (key.columns().size() == 1) {
            String column = key.columns().getFirst();
            if (column.length() > 3 && column.endsWith("_id")) {
                return column.substring(0, column.length() - 3);
            }
        }
        return singular(key.referencedTable().name());
    }

    /** A plain English singular, good enough for table names: {@code vacancies -> vacancy}, {@code workers -> worker}. */
    static String singular(String name) {
        if (name.endsWith("ies") && name.length() > 3) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (name.endsWith("s") && !name.endsWith("ss") && name.length() > 1) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    private Set<String> takenOf(QualifiedName table) {
        return taken.computeIfAbsent(table, t -> {
            var names = new HashSet<String>();
            catalog.relation(t).ifPresent(r -> r.columns().forEach(c -> names.add(c.name())));
            return names;
        });
    }

    private boolean isFree(QualifiedName table, String name) {
        return !takenOf(table).contains(name);
    }

    /** {@code base}, or {@code base_<constraint>} when taken; reserved for {@code table} from now on. */
    private String free(QualifiedName table, String base, ForeignKey key) {
        Set<String> names = takenOf(table);
        String name = base;
        if (names.contains(name)) {
            name = base + "_" + key.name();
        }
        int n = 2;
        String candidate = name;
        while (names.contains(candidate)) {
            candidate = name + "_" + n++;
        }
        names.add(candidate);
        return candidate;
    }
}
