package dev.athanor.model.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the two connection-string forms people paste: libpq URIs ({@code postgresql://alice@db:5432/shop?sslmode=require},
 * also {@code postgres://}) and pgjdbc URLs ({@code jdbc:postgresql://db:5432/shop?user=alice}).
 *
 * <p>Parts left out default the way libpq does: {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER},
 * {@code PGSSLMODE}, {@code PGAPPNAME}, {@code PGCONNECT_TIMEOUT}, {@code PGOPTIONS} from the given environment, else localhost, 5432, the login name, a database named after the user
 * and {@code prefer}. A password found in the string is handed back separately and never enters the profile.
 */
public final class ConnectionString {

    /** What a connection string said: the profile, and the password if the string carried one. */
    public record Parsed(ConnectionProfile profile, Optional<Password> password) {
        public Parsed {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(password, "password");
        }
    }

    private static final Map<String, String> JDBC_TO_LIBPQ = Map.of(
            "ApplicationName", "application_name",
            "connectTimeout", "connect_timeout",
            "options", "options",
            "sslrootcert", "sslrootcert",
            "sslcert", "sslcert",
            "sslkey", "sslkey");

    private ConnectionString() {}

    /**
     * Parses a libpq URI or a JDBC URL.
     *
     * @param text the string as typed (surrounding blanks are ignored)
     * @param environment environment variables for the defaults (pass {@code System.getenv()} in the application)
     * @throws ProfileFormatException with a message naming the problem, e.g. {@code port 'abc' is not a number}
     */
    public static Parsed parse(String text, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        var trimmed = Objects.requireNonNull(text, "text").strip();
        if (trimmed.startsWith("postgresql://")) {
            return parseUri(trimmed.substring("postgresql://".length()), false, environment);
        }
        if (trimmed.startsWith("postgres://")) {
            return parseUri(trimmed.substring("postgres://".length()), false, environment);
        }
        if (trimmed.startsWith("jdbc:postgresql://")) {
            return parseUri(trimmed.substring("jdbc:postgresql://".length()), true, environment);
        }
        if (trimmed.startsWith("jdbc:postgresql:")) {
            // jdbc:postgresql:shop names just the database
            var rest = trimmed.substring("jdbc:postgresql:".length());
            return parseUri("/" + rest, true, environment);
        }
        if (trimmed.isEmpty()) {
            throw new ProfileFormatException(
                    "the connection string is empty; expected postgresql:// or jdbc:postgresql://");
        }
        throw new ProfileFormatException("expected postgresql:// or jdbc:postgresql:// at the start of '"
                + abbreviate(Secrets.maskConnectionText(trimmed)) + "'");
    }

    private static Parsed parseUri(String rest, boolean jdbc, Map<String, String> environment) {
        var fields = new HashMap<String, String>();
        String password = null;
        var queryStart = rest.indexOf('?');
        var query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        var beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        var pathStart = beforeQuery.indexOf('/');
        var authority = pathStart < 0 ? beforeQuery : beforeQuery.substring(0, pathStart);
        var path = pathStart < 0 ? "" : beforeQuery.substring(pathStart + 1);

        var at = authority.lastIndexOf('@');
        if (at >= 0) {
            if (jdbc) {
                throw new ProfileFormatException("a JDBC URL takes the user as ?user=..., not before the host");
            }
            var userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            var colon = userInfo.indexOf(':');
            var user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name", false);
            if (!user.isEmpty()) {
                fields.put("user", user);
            }
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1), "password", false);
            }
        }
        parseHostAndPort(authority, fields, jdbc);
        if (!path.isEmpty()) {
            fields.put("dbname", decode(path, "database name", jdbc));
        }
        for (var parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            var equals = parameter.indexOf('=');
            if (equals < 0) {
                throw new ProfileFormatException("parameter '" + parameter + "' has no value (expected name=value)");
            }
            var key = decode(parameter.substring(0, equals), "parameter name", jdbc);
            var value = decode(parameter.substring(equals + 1), "value of " + key, jdbc);
            if (jdbc) {
                password = readJdbcParameter(key, value, fields, password);
            } else {
                password = readLibpqParameter(key, value, fields, password);
            }
        }
        var profile = buildProfile(fields, environment);
        return new Parsed(
                profile,
                Optional.ofNullable(password)
                        .map(p -> new Password(
                                p.toCharArray(), PasswordOrigin.CONNECTION_STRING, "the connection string")));
    }

    private static void parseHostAndPort(String authority, Map<String, String> fields, boolean jdbc) {
        if (authority.contains(",")) {
            throw new ProfileFormatException("several hosts ('" + authority + "') are not supported; give one host");
        }
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            var close = authority.indexOf(']');
            if (close < 0) {
                throw new ProfileFormatException("IPv6 address '" + authority + "' lacks its closing ']'");
            }
            host = authority.substring(1, close);
            var after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new ProfileFormatException("unexpected '" + after + "' after IPv6 address [" + host + "]");
            }
        } else {
            var colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw new ProfileFormatException(
                        "IPv6 address '" + authority + "' must be written in brackets, e.g. [::1]:5432");
            }
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
            host = decode(host, "host", jdbc);
        }
        if (!host.isEmpty()) {
            fields.put("host", host);
        }
        if (port != null && !port.isEmpty()) {
            fields.put("port", port);
        }
    }

    private static String readLibpqParameter(String key, String value, Map<String, String> fields, String password) {
        switch (key) {
            case "host", "port", "dbname", "user", "sslmode" -> fields.put(key, value);
            case "password" -> {
                return value;
            }
            case "ssl" -> fields.put("sslmode", sslFlag(value));
            default -> {
                if (!ConnectionProfile.OPTION_NAMES.contains(key)) {
                    throw new ProfileFormatException("unknown connection parameter '" + key + "'");
                }
                fields.put("option." + key, value);
            }
        }
        return password;
    }

    private static String readJdbcParameter(String key, String value, Map<String, String> fields, String password) {
        switch (key) {
            case "user", "sslmode" -> fields.put(key, value);
            case "PGHOST" -> fields.put("host", value);
            case "PGPORT" -> fields.put("port", value);
            case "PGDBNAME" -> fields.put("dbname", value);
            case "password" -> {
                return value;
            }
            case "ssl" -> fields.put("sslmode", sslFlag(value));
            default -> {
                var libpqName = JDBC_TO_LIBPQ.get(key);
                if (libpqName == null) {
                    throw new ProfileFormatException("JDBC property '" + key + "' is not supported (supported: user, "
                            + "password, sslmode, ssl, "
                            + String.join(", ", new TreeSet<>(JDBC_TO_LIBPQ.keySet()))
                            + ")");
                }
                fields.put("option." + libpqName, value);
            }
        }
        return password;
    }

    private static String sslFlag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes" -> "require";
            case "false", "0", "off", "no" -> "disable";
            default -> throw new ProfileFormatException("ssl '" + value + "' is not true or false");
        };
    }

    private static ConnectionProfile buildProfile(Map<String, String> fields, Map<String, String> environment) {
        var explicitHost = fields.get("host");
        if (explicitHost != null && explicitHost.startsWith("/")) {
            throw new ProfileFormatException("Unix socket directories ('" + explicitHost
                    + "') are not supported; give a host name such as localhost");
        }
        var environmentHost = environment.get("PGHOST");
        if (environmentHost != null && environmentHost.startsWith("/")) {
            environmentHost = null; // a socket directory in PGHOST means "this machine" for a TCP client
        }
        var host = firstNonBlank(explicitHost, environmentHost, "localhost");
        var portText = fields.get("port");
        var portSource = "port";
        if (portText == null) {
            portText = environment.get("PGPORT");
            portSource = "PGPORT";
        }
        var port = portText == null || portText.isBlank()
                ? ConnectionProfile.DEFAULT_PORT
                : parsePort(portText, portSource);
        var user = firstNonBlank(
                fields.get("user"),
                environment.get("PGUSER"),
                firstNonBlank(environment.get("USER"), environment.get("USERNAME"), System.getProperty("user.name")));
        var database = firstNonBlank(fields.get("dbname"), environment.get("PGDATABASE"), user);
        var sslText = fields.get("sslmode");
        var sslMode = SslMode.PREFER;
        if (sslText != null) {
            sslMode = SslMode.parse(sslText);
        } else if (environment.get("PGSSLMODE") != null
                && !environment.get("PGSSLMODE").isBlank()) {
            try {
                sslMode = SslMode.parse(environment.get("PGSSLMODE"));
            } catch (ProfileFormatException e) {
                throw new ProfileFormatException("PGSSLMODE: " + e.getMessage());
            }
        }
        var options = new HashMap<String, String>();
        fields.forEach((key, value) -> {
            if (key.startsWith("option.")) {
                options.put(key.substring("option.".length()), value);
            }
        });
        environmentOption(options, "application_name", environment.get("PGAPPNAME"));
        environmentOption(options, "connect_timeout", environment.get("PGCONNECT_TIMEOUT"));
        environmentOption(options, "options", environment.get("PGOPTIONS"));
        var name = user + "@" + host + "/" + database;
        return new ConnectionProfile(name, host, port, database, user, sslMode, options);
    }

    private static void environmentOption(Map<String, String> options, String key, String value) {
        if (value != null && !value.isBlank()) {
            options.putIfAbsent(key, value);
        }
    }

    private static int parsePort(String text, String source) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ProfileFormatException(source + " '" + text + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new ProfileFormatException(source + " " + port + " is out of range (1-65535)");
        }
        return port;
    }

    private static String firstNonBlank(String first, String second, String third) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        if (second != null && !second.isBlank()) {
            return second;
        }
        return third;
    }

    /** The pgjdbc spelling of a libpq parameter name. */
    static String jdbcName(String libpqName) {
        for (var entry : JDBC_TO_LIBPQ.entrySet()) {
            if (entry.getValue().equals(libpqName)) {
                return entry.getKey();
            }
        }
        return libpqName;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String text) {
        var out = new StringBuilder();
        for (var b : text.getBytes(StandardCharsets.UTF_8)) {
            var c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8. libpq keeps '+' literal; pgjdbc decodes URLs like HTML forms, where
     * '+' stands for a space.
     */
    static String decode(String text, String what, boolean plusIsSpace) {
        var bytes = new ByteArrayOutputStream();
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()
                        || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new ProfileFormatException("invalid percent-encoding in " + what + " ('"
                            + text.substring(i, Math.min(text.length(), i + 3)) + "')");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                var encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
