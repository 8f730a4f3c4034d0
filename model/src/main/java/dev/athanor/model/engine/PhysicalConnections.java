package dev.athanor.model.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens real connections to the profile's server with the driver, asking the password source each time, so a
 * password typed or remembered later is used by the next connection. The pool sits on top of this.
 */
final class PhysicalConnections extends PlainDataSource {
    /** pgjdbc's default connect timeout is 10 s; a desktop tool should not wait longer for a dead host. */
    private static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    private final ConnectionProfile profile;
    private final PasswordSource passwords;
    private final String url;
    private volatile boolean passwordGiven = true;

    PhysicalConnections(ConnectionProfile profile, PasswordSource passwords) {
        this.profile = profile;
        this.passwords = passwords;
        this.url = profile.toJdbcUrl();
    }

    /** Whether the most recent connection attempt sent a password. */
    boolean passwordGiven() {
        return passwordGiven;
    }

    @Override
    public Connection getConnection() throws SQLException {
        var properties = new Properties();
        var password = passwords.lookup(profile);
        passwordGiven = password.isPresent();
        password.ifPresent(p -> properties.setProperty("password", p.text()));
        if (!profile.options().containsKey("connect_timeout")) {
            properties.setProperty("connectTimeout", Integer.toString(DEFAULT_CONNECT_TIMEOUT_SECONDS));
        }
        if (!profile.options().containsKey("application_name")) {
            properties.setProperty("ApplicationName", "Athanor");
        }
        // The URL carries user, database, sslmode and options; the password only ever travels in the properties.
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return "PhysicalConnections[" + profile.target() + "]";
    }
}
