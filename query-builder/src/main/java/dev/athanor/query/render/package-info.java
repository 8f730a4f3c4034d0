/**
 * The one translator from the query model to jOOQ ({@link dev.athanor.query.render.QueryRenderer}): PostgreSQL SQL
 * with bind values to run, with inlined values or {@code :name} parameters to show.
 */
package dev.athanor.query.render;
