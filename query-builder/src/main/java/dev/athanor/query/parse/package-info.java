/**
 * SQL text into the query model through jOOQ's parser ({@link dev.athanor.query.parse.SqlImporter}); what the model
 * cannot hold stays as raw SQL in place, with a warning.
 */
package dev.athanor.query.parse;
