package dev.athanor.query.validate;

import dev.athanor.query.validate.ValidationProblem.Kind;

/**
 * Text kept as raw SQL (what the builder's grammar does not cover, typed or imported) that cannot be an expression
 * or a condition at all, such as {@code %Python%} typed where an expression goes: it would only fail on the
 * server, so it is named before the query runs.
 *
 * <p>Raw SQL is raw because no parser at hand covers it, so this check reads only what holds for every PostgreSQL
 * expression: it does not start with an operator that only joins two operands ({@code %}, {@code *}, {@code =}...),
 * does not end with an operator waiting for its right operand, and its parentheses and quotes are closed.
 */
final class UnreadableSqlCheck {
    /** Operators that need a left operand (PostgreSQL's prefix operators are -, +, ~, @, |/ and ||/). */
    private static final String CANNOT_START = "%*/=<>^&,;#";

    /** Operators that need a right operand (PostgreSQL has no postfix operators since version 14). */
    private static final String CANNOT_END = "%/=<>^&|+-,~!#@";

    private UnreadableSqlCheck() {}

    static void expression(String sql, String path, Findings findings) {
        if (!readable(sql)) {
            findings.add(
                    Kind.UNREADABLE_SQL,
                    path,
                    "'" + sql + "' is not an expression PostgreSQL can read; a value is typed in a value field,"
                            + " or in quotes in an expression ('" + sql.replace("'", "''") + "').");
        }
    }

    static void condition(String sql, String path, Findings findings) {
        if (!readable(sql)) {
            findings.add(Kind.UNREADABLE_SQL, path, "'" + sql + "' is not a condition PostgreSQL can read.");
        }
    }

    static boolean readable(String sql) {
        String text = sql.strip();
        if (text.isEmpty()
                || CANNOT_START.indexOf(text.charAt(0)) >= 0
                || CANNOT_END.indexOf(text.charAt(text.length() - 1)) >= 0) {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote; // a doubled quote closes and reopens: still inside
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }
}
