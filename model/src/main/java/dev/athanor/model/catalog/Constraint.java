package dev.athanor.model.catalog;

import java.util.List;
import java.util.Optional;

/** A constraint of a table (or, for checks, of a domain). */
public sealed interface Constraint extends CatalogObject
        permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint, ExclusionConstraint {

    /** Returns the constraint's OID in {@code pg_constraint}. */
    long oid();

    /** Returns the constrained columns in constraint order; empty for domain checks and expression-only checks. */
    List<String> columns();

    /** Returns the constraint comment, if any. */
    Optional<String> comment();
}
