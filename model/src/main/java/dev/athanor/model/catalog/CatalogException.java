package dev.athanor.model.catalog;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The catalog could not be read or an object's DDL could not be produced. Keeps the JDBC cause and its
 * SQLSTATE, so callers classify the failure by code (for example {@code 42501}, insufficient privilege).
 */
public final class CatalogException extends RuntimeException {

    private final String sqlState;

    CatalogException(String message, SQLException cause) {
        super(message, cause);
        this.sqlState = cause.getSQLState();
    }

    /** Returns the SQLSTATE of the failure reported by the server or driver, if it gave one. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
