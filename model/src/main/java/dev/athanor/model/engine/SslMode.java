package dev.athanor.model.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the connection negotiates TLS; the six modes and spellings of libpq's {@code sslmode}, which pgjdbc shares. */
public enum SslMode {
    DISABLE("disable"),
    ALLOW("allow"),
    PREFER("prefer"),
    REQUIRE("require"),
    VERIFY_CA("verify-ca"),
    VERIFY_FULL("verify-full");

    private final String keyword;

    SslMode(String keyword) {
        this.keyword = keyword;
    }

    /** The spelling used in connection strings, e.g. {@code verify-full}. */
    public String keyword() {
        return keyword;
    }

    /**
     * Reads a libpq / JDBC spelling ({@code require}, {@code verify-full}); case does not matter.
     *
     * @throws ProfileFormatException naming the value and the accepted ones
     */
    public static SslMode parse(String text) {
        var wanted = text.trim().toLowerCase(Locale.ROOT);
        for (var mode : values()) {
            if (mode.keyword.equals(wanted) || mode.name().equalsIgnoreCase(wanted)) {
                return mode;
            }
        }
        throw new ProfileFormatException("unknown sslmode '" + text + "' (expected one of "
                + Arrays.stream(values()).map(SslMode::keyword).collect(Collectors.joining(", ")) + ")");
    }
}
