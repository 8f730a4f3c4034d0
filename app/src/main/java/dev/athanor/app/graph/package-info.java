/**
 * The relationship browser and the strategy lab: a row's object graph expanded through the connection's Session,
 * relationship by relationship, with the strategy chosen for each and the statements each expansion sent; and one
 * browse scenario run under every strategy side by side.
 *
 * <p>Every load runs on the session's lane ({@link dev.athanor.app.graph.SessionLane}); the views show what the lane
 * read there (labels included: reading a row's attributes may send SQL when they are expired).
 */
package dev.athanor.app.graph;
