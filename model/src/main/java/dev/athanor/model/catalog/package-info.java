/**
 * The database catalog: immutable records describing schemas and what they hold, loaded in one go.
 *
 * <ul>
 *   <li>{@link dev.athanor.model.catalog.CatalogLoader#load(java.sql.Connection)} reads a database with a fixed
 *       number of bulk {@code pg_catalog} queries and returns a {@link dev.athanor.model.catalog.Catalog}.
 *   <li>{@link dev.athanor.model.catalog.Catalog} answers lookups from memory: schemas, relations by name or OID,
 *       types by OID, foreign keys pointing at a table, and tables in dependency order.
 *   <li>Every object is a {@link dev.athanor.model.catalog.CatalogObject} with an
 *       {@link dev.athanor.model.catalog.ObjectKind} (for icons). Objects directly in a schema are
 *       {@link dev.athanor.model.catalog.SchemaObject}s: {@link dev.athanor.model.catalog.Relation} (tables, views,
 *       partitions, ...), {@link dev.athanor.model.catalog.Sequence}, {@link dev.athanor.model.catalog.EnumType},
 *       {@link dev.athanor.model.catalog.DomainType} and {@link dev.athanor.model.catalog.Routine}.
 *   <li>{@link dev.athanor.model.catalog.DdlSource} prints one object's DDL on request (it queries the server;
 *       call it off the UI thread).
 *   <li>{@link dev.athanor.model.catalog.SqlIdentifiers} quotes names the way PostgreSQL's {@code quote_ident}
 *       does, so names read here can be written back into SQL.
 * </ul>
 *
 * <p>Names are kept exactly as stored (case, spaces, quotes, any script) and matched exactly.
 */
package dev.athanor.model.catalog;
