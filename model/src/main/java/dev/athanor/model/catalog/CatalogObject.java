package dev.athanor.model.catalog;

/**
 * Anything the catalog describes: schemas, the objects inside them, and the parts of relations (columns,
 * constraints, indexes, triggers). All implementations are immutable records.
 */
public sealed interface CatalogObject permits Schema, SchemaObject, Column, Constraint, Index, Trigger {

    /** Returns what this object is; the UI maps it to an icon. */
    ObjectKind kind();

    /** Returns the object's name exactly as stored in the catalog (not quoted). */
    String name();
}
