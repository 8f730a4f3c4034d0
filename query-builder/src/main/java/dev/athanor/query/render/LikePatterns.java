package dev.athanor.query.render;

import dev.athanor.query.model.Predicate;

/** LIKE patterns that match a text literally, for "contains", "starts with" and "ends with". */
public final class LikePatterns {
    private LikePatterns() {}

    /**
     * The LIKE pattern that finds {@code text} at {@code position}. {@code %}, {@code _} and the backslash in the
     * text are escaped with a backslash, LIKE's default escape character in PostgreSQL.
     */
    public static String pattern(String text, Predicate.TextMatch.Position position) {
        String escaped = escape(text);
        return switch (position) {
            case CONTAINS -> "%" + escaped + "%";
            case STARTS_WITH -> escaped + "%";
            case ENDS_WITH -> "%" + escaped;
        };
    }

    /** {@code text} with LIKE's wildcards and the escape character escaped. */
    public static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
