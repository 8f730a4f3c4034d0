/**
 * The Session: rows edited as objects with SQLAlchemy 2.0's semantics. One object per row per session (the
 * identity map), attribute state (committed value, current value, expired), object states (transient, pending,
 * persistent, deleted, detached) and the unit of work that turns changes into INSERT, UPDATE and DELETE statements
 * in foreign-key order ({@link dev.athanor.model.session.FlushPlan}). Row objects are generic over the
 * {@link dev.athanor.model.catalog.Catalog}: a table's mapping comes from its
 * {@link dev.athanor.model.catalog.Relation}.
 *
 * <p>No JavaFX here: a UI observes a {@link dev.athanor.model.session.Session} through
 * {@link dev.athanor.model.session.SessionListener}.
 */
package dev.athanor.model.session;
