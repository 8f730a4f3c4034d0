package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which database a project's queries run against, without any secret: the name of a saved connection profile
 * and/or a connection URL ({@code postgresql://alice@db:5432/shop} or {@code jdbc:postgresql://db/shop?user=alice}).
 * When both are given the profile wins and the URL documents where it pointed. The password always comes from
 * the prompt, {@code PGPASSWORD} or {@code ~/.pgpass}.
 *
 * @param profile a profile name of the profile store, or {@code null}
 * @param url a connection URL without password, or {@code null}
 */
@JsonPropertyOrder({"profile", "url"})
public record ConnectionReference(String profile, String url) {
    /** {@code user:password@} in a libpq URI. */
    private static final Pattern URI_PASSWORD = Pattern.compile("^(postgres(?:ql)?://[^/@?]*?):[^/@?]*@");

    /** {@code password=...} among the query parameters of either URL form. */
    private static final Pattern QUERY_PASSWORD = Pattern.compile("([?&])password=[^&]*&?");

    public ConnectionReference {
        if (profile != null && profile.isBlank()) {
            profile = null;
        }
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url != null && !url.equals(withoutPassword(url))) {
            throw new IllegalArgumentException(
                    "A project never stores a password, but the connection URL holds one; remove it (the password"
                            + " comes from PGPASSWORD, ~/.pgpass or the prompt)");
        }
        if (url != null) {
            var lower = url.strip().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("postgresql://")
                    && !lower.startsWith("postgres://")
                    && !lower.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(
                        "The connection URL must start with postgresql:// or jdbc:postgresql:, not '" + url + "'");
            }
        }
    }

    /** No connection: the command line then uses the built-in sample database. */
    public static ConnectionReference none() {
        return new ConnectionReference(null, null);
    }

    /** A reference to a saved profile. */
    public static ConnectionReference profile(String name) {
        return new ConnectionReference(name, null);
    }

    /** A reference to a URL, with any password in it removed first. */
    public static ConnectionReference url(String url) {
        return new ConnectionReference(null, withoutPassword(url));
    }

    /** True when neither a profile nor a URL is named. */
    @JsonIgnore
    public boolean isEmpty() {
        return profile == null && url == null;
    }

    /** {@code url} with a password in its user part or its {@code password} parameter removed. */
    public static String withoutPassword(String url) {
        var stripped = URI_PASSWORD.matcher(url).replaceFirst("$1@");
        stripped = QUERY_PASSWORD.matcher(stripped).replaceAll("$1");
        if (stripped.endsWith("?") || stripped.endsWith("&")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
