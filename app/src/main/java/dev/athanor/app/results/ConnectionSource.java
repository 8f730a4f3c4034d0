package dev.athanor.app.results;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the console and the results grid get their connections. Called on a worker thread only; the caller closes
 * the connection it got (which hands a pooled connection back to its pool).
 *
 * <p>Wire it to the Engine with a lambda naming the origin the echo log shows, e.g.
 * {@code () -> engine.connection("table data")}.
 */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
