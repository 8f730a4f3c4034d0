package dev.athanor.model.session;

import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One relationship to load with the parents, by its path from them, and how.
 *
 * @param path the relationships from the parents' table to the one loaded ({@code [workers.resumes,
 *     resumes.vacancies]}); each starts at the previous one's target
 * @param strategy how to load the last relationship of the path
 * @param eagerJoin for {@link LoaderStrategy#CONTAINS_EAGER}: the user's own join that fills the collection
 *     (required then, empty otherwise)
 */
public record LoadOption(List<Relationship> path, LoaderStrategy strategy, Optional<EagerJoin> eagerJoin) {

    public LoadOption {
        path = List.copyOf(path);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(eagerJoin, "eagerJoin");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("A load option needs a relationship");
        }
        for (int i = 1; i < path.size(); i++) {
            if (!path.get(i).parent().equals(path.get(i - 1).target())) {
                throw new IllegalArgumentException(path.get(i).qualifiedName() + " does not start where "
                        + path.get(i - 1).qualifiedName() + " leads");
            }
        }
        if ((strategy == LoaderStrategy.CONTAINS_EAGER) != eagerJoin.isPresent()) {
            throw new IllegalArgumentException("contains_eager, and only it, takes the join that fills the collection");
        }
        if (strategy == LoaderStrategy.CONTAINS_EAGER && path.size() != 1) {
            throw new IllegalArgumentException("contains_eager fills a relationship of the parents themselves");
        }
    }

    /** {@code strategy} for the relationship at the end of {@code path}. */
    public static LoadOption of(LoaderStrategy strategy, Relationship... path) {
        return new LoadOption(List.of(path), strategy, Optional.empty());
    }

    /**
     * {@code contains_eager}: the parent query joins {@code relationship}'s target itself (an inner join: parents
     * without a matching row are left out, as in SQLAlchemy) and the joined rows fill the collection.
     */
    public static LoadOption containsEager(Relationship relationship, EagerJoin join) {
        return new LoadOption(List.of(relationship), LoaderStrategy.CONTAINS_EAGER, Optional.of(join));
    }

    /** The relationship loaded: the last of the path. */
    public Relationship relationship() {
        return path.getLast();
    }

    /**
     * The user's own join for {@code contains_eager}.
     *
     * @param filter a condition on the joined target rows, SQL over the target's columns unqualified ({@code
     *     workload = 'parttime'}); empty for none
     * @param firstBy when not empty, only each parent's first target row in this order is joined, through a
     *     correlated {@code LIMIT 1} subquery ({@code id DESC}: each worker's newest resume)
     */
    public record EagerJoin(Optional<String> filter, List<SortKey> firstBy) {
        public EagerJoin {
            filter = Objects.requireNonNull(filter, "filter").filter(f -> !f.isBlank());
            firstBy = List.copyOf(firstBy);
        }

        /** The target rows matching {@code condition}. */
        public static EagerJoin filtered(String condition) {
            return new EagerJoin(Optional.of(condition), List.of());
        }

        /** Each parent's first target row in {@code order}. */
        public static EagerJoin firstBy(SortKey... order) {
            return new EagerJoin(Optional.empty(), List.of(order));
        }
    }
}
