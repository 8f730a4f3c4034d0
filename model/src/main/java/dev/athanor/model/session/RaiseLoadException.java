package dev.athanor.model.session;

import dev.athanor.model.relationship.Relationship;
import java.util.Objects;

/**
 * A relationship loaded with {@code raise} was accessed: the guard against accidental N+1. Nothing was sent for
 * it. The message names the relationship and the strategy to load it with.
 */
public final class RaiseLoadException extends IllegalStateException {
    private final transient Relationship relationship;
    private final transient LoadReport report;

    RaiseLoadException(Relationship relationship, LoadReport report) {
        super(relationship.qualifiedName() + " is not loaded and its strategy is raise: load it with "
                + NPlusOneWarning.suggestionFor(relationship).label() + " in the query (or lazy) instead.");
        this.relationship = Objects.requireNonNull(relationship, "relationship");
        this.report = Objects.requireNonNull(report, "report");
    }

    /** The relationship accessed. */
    public Relationship relationship() {
        return relationship;
    }

    /** What the load sent before the access (the parents), when a load raised it; empty otherwise. */
    public LoadReport report() {
        return report;
    }
}
