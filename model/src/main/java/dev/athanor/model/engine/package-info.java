/**
 * Connecting to PostgreSQL: connection profiles and strings, passwords, the Engine and its statement log.
 *
 * <ul>
 *   <li>{@link dev.athanor.model.engine.ConnectionProfile} says where and as whom to connect (never a password);
 *       {@link dev.athanor.model.engine.ConnectionString} reads libpq URIs and JDBC URLs with libpq's defaults;
 *       {@link dev.athanor.model.engine.ProfileStore} keeps profiles in the user's configuration directory.
 *   <li>{@link dev.athanor.model.engine.PasswordSource} finds passwords (typed, remembered for the run,
 *       {@code PGPASSWORD}, {@code ~/.pgpass}) and tells the UI where one came from or that it must ask.
 *   <li>{@link dev.athanor.model.engine.Engine} owns the pool (or no pool), jOOQ's PostgreSQL dialect and the
 *       {@link dev.athanor.model.engine.EchoLog} of every statement sent.
 *   <li>Failures leave as one of the {@link dev.athanor.model.engine.DatabaseException} family, classified by
 *       SQLSTATE in {@link dev.athanor.model.engine.DatabaseErrors}.
 * </ul>
 */
package dev.athanor.model.engine;
