/**
 * Checks a query against the catalog ({@link dev.athanor.query.validate.QueryValidator}), each problem located by
 * a path into the model ({@link dev.athanor.query.model.ModelPaths}).
 */
package dev.athanor.query.validate;
