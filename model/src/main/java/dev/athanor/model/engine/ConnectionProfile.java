package dev.athanor.model.engine;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where and as whom to connect: everything needed to open a connection except the password, which never lives
 * in a profile (it comes from a {@link PasswordSource}).
 *
 * @param name what the user calls this connection ("local sample", "prod replica")
 * @param host host name, IP address (IPv6 without brackets) or a Unix socket directory
 * @param port TCP port, 1 to 65535
 * @param database database name
 * @param user role name to log in as
 * @param sslMode TLS negotiation
 * @param options further libpq connection parameters by their libpq names ({@code application_name},
 *     {@code connect_timeout}, {@code options}, {@code sslrootcert}, {@code sslcert}, {@code sslkey}); sorted by key
 */
public record ConnectionProfile(
        String name,
        String host,
        int port,
        String database,
        String user,
        SslMode sslMode,
        Map<String, String> options) {

    /** The libpq default port. */
    public static final int DEFAULT_PORT = 5432;

    /** The extra libpq parameters a profile may carry (everything else is a first-class field or refused). */
    public static final Set<String> OPTION_NAMES =
            Set.of("application_name", "connect_timeout", "options", "sslrootcert", "sslcert", "sslkey");

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        requireText(host, "host");
        requireText(database, "database");
        requireText(user, "user");
        Objects.requireNonNull(sslMode, "sslMode");
        if (port < 1 || port > 65535) {
            throw new ProfileFormatException("port " + port + " is out of range (1-65535)");
        }
        var sorted = new TreeMap<String, String>();
        for (var option : Objects.requireNonNull(options, "options").entrySet()) {
            var key = Objects.requireNonNull(option.getKey(), "option name");
            var value = Objects.requireNonNull(option.getValue(), () -> "value of option " + key);
            if (!OPTION_NAMES.contains(key)) {
                throw new ProfileFormatException("unknown connection parameter '" + key + "'");
            }
            if (key.equals("connect_timeout")) {
                requireNonNegativeInteger(key, value);
            }
            sorted.put(key, value);
        }
        options = Collections.unmodifiableMap(sorted);
    }

    /** A profile with the given fields, no extra options and {@link SslMode#PREFER} (the libpq default). */
    public static ConnectionProfile of(String name, String host, int port, String database, String user) {
        return new ConnectionProfile(name, host, port, database, user, SslMode.PREFER, Map.of());
    }

    /**
     * The profile libpq would use with nothing given: {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE},
     * {@code PGUSER}, {@code PGSSLMODE} from {@code environment}, else localhost, 5432, the login name ({@code USER}
     * or {@code USERNAME}, else the JVM's user) for both user and database, and {@code prefer}.
     *
     * @throws ProfileFormatException when an environment variable holds a bad value (the message names it)
     */
    public static ConnectionProfile fromEnvironment(String name, Map<String, String> environment) {
        return ConnectionString.parse("postgresql://", environment).profile().withName(name);
    }

    /** A copy with another name. */
    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, host, port, database, user, sslMode, options);
    }

    /** A copy pointing at another host. */
    public ConnectionProfile withHost(String newHost) {
        return new ConnectionProfile(name, newHost, port, database, user, sslMode, options);
    }

    /** A copy pointing at another port. */
    public ConnectionProfile withPort(int newPort) {
        return new ConnectionProfile(name, host, newPort, database, user, sslMode, options);
    }

    /** A copy for another database. */
    public ConnectionProfile withDatabase(String newDatabase) {
        return new ConnectionProfile(name, host, port, newDatabase, user, sslMode, options);
    }

    /** A copy logging in as another role. */
    public ConnectionProfile withUser(String newUser) {
        return new ConnectionProfile(name, host, port, database, newUser, sslMode, options);
    }

    /** A copy with another TLS mode. */
    public ConnectionProfile withSslMode(SslMode newSslMode) {
        return new ConnectionProfile(name, host, port, database, user, newSslMode, options);
    }

    /** A copy with {@code key} set to {@code value}, or removed when {@code value} is null. */
    public ConnectionProfile withOption(String key, String value) {
        var copy = new TreeMap<>(options);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new ConnectionProfile(name, host, port, database, user, sslMode, copy);
    }

    /** {@code connect_timeout} in seconds when set. */
    public OptionalInt connectTimeoutSeconds() {
        var value = options.get("connect_timeout");
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.trim()));
    }

    /**
     * The pgjdbc URL for this profile, e.g. {@code jdbc:postgresql://db.local:5432/shop?user=alice&sslmode=require}.
     * Never contains a password.
     */
    public String toJdbcUrl() {
        var url = new StringBuilder("jdbc:postgresql://")
                .append(hostForUrl())
                .append(':')
                .append(port)
                .append('/')
                .append(ConnectionString.encode(database))
                .append("?user=")
                .append(ConnectionString.encode(user))
                .append("&sslmode=")
                .append(sslMode.keyword());
        options.forEach((key, value) -> url.append('&')
                .append(ConnectionString.jdbcName(key))
                .append('=')
                .append(ConnectionString.encode(value)));
        return url.toString();
    }

    /**
     * The libpq URI for this profile, e.g. {@code postgresql://alice@db.local:5432/shop?sslmode=require}, as
     * {@code psql} accepts it. Never contains a password.
     */
    public String toLibpqUri() {
        var uri = new StringBuilder("postgresql://")
                .append(ConnectionString.encode(user))
                .append('@')
                .append(hostForUrl())
                .append(':')
                .append(port)
                .append('/')
                .append(ConnectionString.encode(database))
                .append("?sslmode=")
                .append(sslMode.keyword());
        options.forEach((key, value) -> uri.append('&').append(key).append('=').append(ConnectionString.encode(value)));
        return uri.toString();
    }

    /** {@code alice@db.local:5432/shop}: short enough for a title bar or a log line. */
    public String target() {
        return user + "@" + hostForUrl() + ":" + port + "/" + database;
    }

    private String hostForUrl() {
        if (host.contains(":")) {
            return "[" + host + "]";
        }
        // A Unix socket directory only survives a URL percent-encoded.
        return host.startsWith("/") ? ConnectionString.encode(host) : host;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ProfileFormatException(field + " is empty");
        }
    }

    static void requireNonNegativeInteger(String key, String value) {
        try {
            if (Integer.parseInt(value.trim()) >= 0) {
                return;
            }
        } catch (NumberFormatException e) {
            throw new ProfileFormatException(key + " '" + value + "' is not a number");
        }
        throw new ProfileFormatException(key + " '" + value + "' is negative");
    }

    @Override
    public String toString() {
        return "ConnectionProfile[" + name + ": " + toLibpqUri() + "]";
    }
}
