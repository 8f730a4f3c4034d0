package dev.athanor.model.catalog;

/**
 * What a catalog object is. Every record of the catalog reports one value through
 * {@link CatalogObject#kind()}; the UI maps each value to an icon and a label.
 */
public enum ObjectKind {
    SCHEMA("schema"),
    TABLE("table"),
    PARTITIONED_TABLE("partitioned table"),
    /** A table attached to a partitioned table; a sub-partitioned partition is a {@link #PARTITIONED_TABLE}. */
    PARTITION("partition"),
    VIEW("view"),
    MATERIALIZED_VIEW("materialized view"),
    FOREIGN_TABLE("foreign table"),
    /** A type created with {@code CREATE TYPE ... AS (...)}; it has columns like a relation. */
    COMPOSITE_TYPE("composite type"),
    SEQUENCE("sequence"),
    ENUM("enum"),
    DOMAIN("domain"),
    FUNCTION("function"),
    PROCEDURE("procedure"),
    AGGREGATE("aggregate function"),
    WINDOW_FUNCTION("window function"),
    COLUMN("column"),
    PRIMARY_KEY("primary key"),
    UNIQUE_CONSTRAINT("unique constraint"),
    FOREIGN_KEY("foreign key"),
    CHECK_CONSTRAINT("check constraint"),
    EXCLUSION_CONSTRAINT("exclusion constraint"),
    INDEX("index"),
    TRIGGER("trigger");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    /** Returns the name a person reads, in lower case ("materialized view"). */
    public String label() {
        return label;
    }

    /** Tells whether objects of this kind are relations (they live in {@code pg_class} and have columns). */
    public boolean isRelation() {
        return switch (this) {
            case TABLE, PARTITIONED_TABLE, PARTITION, VIEW, MATERIALIZED_VIEW, FOREIGN_TABLE, COMPOSITE_TYPE -> true;
            default -> false;
        };
    }

    /** Tells whether objects of this kind hold rows of their own that can be inserted, updated and deleted. */
    public boolean isTable() {
        return switch (this) {
            case TABLE, PARTITIONED_TABLE, PARTITION, FOREIGN_TABLE -> true;
            default -> false;
        };
    }

    /** Tells whether objects of this kind are functions or procedures. */
    public boolean isRoutine() {
        return switch (this) {
            case FUNCTION, PROCEDURE, AGGREGATE, WINDOW_FUNCTION -> true;
            default -> false;
        };
    }

    /** Tells whether objects of this kind are constraints of a table or a domain. */
    public boolean isConstraint() {
        return switch (this) {
            case PRIMARY_KEY, UNIQUE_CONSTRAINT, FOREIGN_KEY, CHECK_CONSTRAINT, EXCLUSION_CONSTRAINT -> true;
            default -> false;
        };
    }
}
