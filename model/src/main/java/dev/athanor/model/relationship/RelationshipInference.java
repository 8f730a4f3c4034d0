package dev.athanor.model.relationship;

import dev.athanor.model.catalog.Catalog;

/** Relationships from foreign keys; the rules are those of {@link Relationships}. */
final class RelationshipInference {
    private RelationshipInference() {}

    static Relationships infer(Catalog catalog) {
        throw new UnsupportedOperationException("not yet");
    }
}
