package dev.athanor.query.model;

import java.util.Collection;
import java.util.Locale;

/**
 * Proposes short readable aliases for tables added to a query: {@code workers -> w}, a second {@code workers ->
 * w2}, {@code resumes -> r}, {@code vacancies_replies -> vr}, {@code "Order Items" -> oi}.
 */
public final class TableAliases {
    private TableAliases() {}

    /**
     * The first free alias for {@code tableName}: the initials of its words, then the initials followed by 2, 3,
     * ... while the alias is already taken (compared case-insensitively, as PostgreSQL folds unquoted names).
     *
     * @param tableName the table (or view, or CTE) name
     * @param taken aliases and unaliased table names already used in the query's FROM
     */
    public static String propose(String tableName, Collection<String> taken) {
        String base = initials(tableName);
        var used = taken.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (!used.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + n;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String initials(String tableName) {
        var result = new StringBuilder();
        for (String word : tableName.split("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})")) {
            if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
                result.append(Character.toLowerCase(word.charAt(0)));
            }
        }
        return result.isEmpty() ? "t" : result.toString();
    }
}
