package dev.athanor.model.session;

import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import java.util.Objects;

/**
 * Repeated lazy loads of one relationship: the N+1 pattern. Raised when {@value Session#N_PLUS_ONE_THRESHOLD}
 * lazy loads of the same relationship happen within {@link Session#N_PLUS_ONE_WINDOW} (once per relationship
 * until the loads stop for that long).
 *
 * @param relationship the relationship loaded again and again
 * @param lazyLoads how many lazy loads of it were counted
 * @param suggested the strategy to use instead: selectin for a collection, joined for a many-to-one or
 *     one-to-one
 */
public record NPlusOneWarning(Relationship relationship, int lazyLoads, LoaderStrategy suggested) {
    public NPlusOneWarning {
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(suggested, "suggested");
    }

    /** The strategy to use for {@code relationship} instead of lazy loads. */
    public static LoaderStrategy suggestionFor(Relationship relationship) {
        return relationship.isCollection() ? LoaderStrategy.SELECTIN : LoaderStrategy.JOINED;
    }

    /** The warning in a person's words. */
    public String message() {
        return lazyLoads + " lazy loads of " + relationship.qualifiedName() + ", one SELECT per parent (N+1): load it"
                + " with " + suggested.label() + " instead ("
                + (relationship.isCollection()
                        ? "one SELECT ... IN (...) per 500 parents"
                        : "one LEFT OUTER JOIN in the parent query")
                + ").";
    }

    @Override
    public String toString() {
        return message();
    }
}
