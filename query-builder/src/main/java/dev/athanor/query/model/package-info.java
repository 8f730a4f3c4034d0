/**
 * The query as immutable data: {@link dev.athanor.query.model.Query} (a SELECT, a set operation or raw SQL) built
 * from {@link dev.athanor.query.model.Expression}, {@link dev.athanor.query.model.Predicate},
 * {@link dev.athanor.query.model.TableSource} and a few plain records. Every node is a record; a component is read
 * with its accessor and copied with the matching {@code withX} method. The sealed interfaces carry Jackson type
 * information, so a query reads back from JSON as an equal object.
 */
package dev.athanor.query.model;
