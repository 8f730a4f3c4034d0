/**
 * Edits of a query as pure functions: each takes a {@link dev.athanor.query.model.Query.Select} and returns a
 * changed copy, so the builder's undo history is just the list of results. {@link dev.athanor.query.edit.FromClause}
 * edits the FROM clause in the canvas's terms (boxes known by alias, joins between them),
 * {@link dev.athanor.query.edit.SelectEdits} the other clauses, and {@link dev.athanor.query.edit.ColumnRewrite}
 * renames a table alias everywhere it is used.
 */
package dev.athanor.query.edit;
