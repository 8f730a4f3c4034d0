/**
 * Relationships between tables, as an ORM maps them: inferred from the catalog's foreign keys or defined by the
 * user (an extra condition and an order), and the {@link dev.athanor.model.relationship.LoaderStrategy} that says
 * how a relationship's rows are loaded. These records depend on the catalog only; the Session loads through them
 * and a project file saves the user's own.
 */
package dev.athanor.model.relationship;
