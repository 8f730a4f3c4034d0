package dev.athanor.app.sqltext;

import dev.athanor.app.sqltext.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts PostgreSQL text into {@link SqlToken}s. One lexer feeds highlighting, statement splitting and parameter
 * detection, so that all three agree on where strings, comments and dollar-quoted bodies start and end.
 *
 * <p>Never fails: unterminated strings and comments run to the end of the text, which is what the server would
 * complain about, and what the editor should colour while the user is still typing.
 */
public final class SqlLexer {

    private static final Set<String> KEYWORDS = Set.of(
            "ALL",
            "ALTER",
            "ANALYZE",
            "AND",
            "ANY",
            "ARRAY",
            "AS",
            "ASC",
            "ASYMMETRIC",
            "BEGIN",
            "BETWEEN",
            "BIGINT",
            "BOOLEAN",
            "BOTH",
            "BY",
            "CASCADE",
            "CASE",
            "CAST",
            "CHECK",
            "COLLATE",
            "COLUMN",
            "COMMIT",
            "CONSTRAINT",
            "COPY",
            "CREATE",
            "CROSS",
            "CURRENT_DATE",
            "CURRENT_TIME",
            "CURRENT_TIMESTAMP",
            "CURRENT_USER",
            "DATABASE",
            "DEFAULT",
            "DEFERRABLE",
            "DELETE",
            "DESC",
            "DISTINCT",
            "DO",
            "DROP",
            "ELSE",
            "END",
            "ENUM",
            "EXCEPT",
            "EXISTS",
            "EXPLAIN",
            "EXTENSION",
            "FALSE",
            "FETCH",
            "FILTER",
            "FIRST",
            "FOLLOWING",
            "FOR",
            "FOREIGN",
            "FROM",
            "FULL",
            "FUNCTION",
            "GRANT",
            "GROUP",
            "GROUPING",
            "HAVING",
            "IF",
            "ILIKE",
            "IN",
            "INDEX",
            "INNER",
            "INSERT",
            "INTEGER",
            "INTERSECT",
            "INTERVAL",
            "INTO",
            "IS",
            "ISNULL",
            "JOIN",
            "KEY",
            "LAST",
            "LATERAL",
            "LEADING",
            "LEFT",
            "LIKE",
            "LIMIT",
            "LOCAL",
            "MATERIALIZED",
            "NATURAL",
            "NOT",
            "NOTNULL",
            "NOTHING",
            "NULL",
            "NULLS",
            "OFFSET",
            "ON",
            "ONLY",
            "OR",
            "ORDER",
            "OUTER",
            "OVER",
            "OVERLAPS",
            "PARTITION",
            "PRECEDING",
            "PRIMARY",
            "PROCEDURE",
            "RANGE",
            "RECURSIVE",
            "REFERENCES",
            "RELEASE",
            "RENAME",
            "RETURNING",
            "RETURNS",
            "REVOKE",
            "RIGHT",
            "ROLLBACK",
            "ROW",
            "ROWS",
            "SAVEPOINT",
            "SCHEMA",
            "SELECT",
            "SEQUENCE",
            "SESSION_USER",
            "SET",
            "SHOW",
            "SIMILAR",
            "SOME",
            "SYMMETRIC",
            "TABLE",
            "TABLESAMPLE",
            "TEMP",
            "TEMPORARY",
            "TEXT",
            "THEN",
            "TIES",
            "TO",
            "TRAILING",
            "TRANSACTION",
            "TRIGGER",
            "TRUE",
            "TRUNCATE",
            "TYPE",
            "UNBOUNDED",
            "UNION",
            "UNIQUE",
            "UNLOGGED",
            "UPDATE",
            "USER",
            "USING",
            "VACUUM",
            "VALUES",
            "VARCHAR",
            "VARIADIC",
            "VIEW",
            "WHEN",
            "WHERE",
            "WINDOW",
            "WITH",
            "WITHIN",
            "WITHOUT");

    private SqlLexer() {}

    /** The tokens of {@code text}, in order, covering every character exactly once. */
    public static List<SqlToken> tokens(String text) {
        var tokens = new ArrayList<SqlToken>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            char c = text.charAt(i);
            Kind kind;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(text.charAt(i))) i++;
                kind = Kind.WHITESPACE;
            } else if (c == '-' && at(text, i + 1, '-')) {
                while (i < n && text.charAt(i) != '\n') i++;
                kind = Kind.LINE_COMMENT;
            } else if (c == '/' && at(text, i + 1, '*')) {
                i = blockCommentEnd(text, i);
                kind = Kind.BLOCK_COMMENT;
            } else if (c == '\'') {
                i = quotedEnd(text, i, '\'', false);
                kind = Kind.STRING;
            } else if ((c == 'E' || c == 'e') && at(text, i + 1, '\'')) {
                i = quotedEnd(text, i + 1, '\'', true);
                kind = Kind.STRING;
            } else if (c == '"') {
                i = quotedEnd(text, i, '"', false);
                kind = Kind.QUOTED_IDENTIFIER;
            } else if (c == '$' && dollarTagEnd(text, i) > 0) {
                int tagEnd = dollarTagEnd(text, i);
                String tag = text.substring(i, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                kind = Kind.DOLLAR_STRING;
            } else if (c == '$' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                i++;
                while (i < n && Character.isDigit(text.charAt(i))) i++;
                kind = Kind.POSITIONAL_PARAMETER;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                i = numberEnd(text, i);
                kind = Kind.NUMBER;
            } else if (isWordStart(c)) {
                while (i < n && isWordPart(text.charAt(i))) i++;
                kind = KEYWORDS.contains(text.substring(start, i).toUpperCase(Locale.ROOT))
                        ? Kind.KEYWORD
                        : Kind.IDENTIFIER;
            } else if (c == ':' && isParameterStart(text, i)) {
                i++;
                while (i < n && isWordPart(text.charAt(i)) && text.charAt(i) != '$') i++;
                kind = Kind.PARAMETER;
            } else if (c == ';') {
                i++;
                kind = Kind.SEMICOLON;
            } else if (c == ':' && at(text, i + 1, ':')) {
                i += 2;
                kind = Kind.OPERATOR;
            } else {
                i++;
                kind = Kind.OPERATOR;
            }
            tokens.add(new SqlToken(kind, start, i));
        }
        return List.copyOf(tokens);
    }

    private static boolean at(String text, int index, char expected) {
        return index < text.length() && text.charAt(index) == expected;
    }

    // PostgreSQL block comments nest: /* a /* b */ still a comment */.
    private static int blockCommentEnd(String text, int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) return i;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static int quotedEnd(String text, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (at(text, i + 1, quote)) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** End of a dollar-quote opening tag ({@code $$} or {@code $tag$}) starting at {@code i}, or -1. */
    private static int dollarTagEnd(String text, int i) {
        // A '$' that continues a word (e.g. "a$b") is part of the identifier, never a quote.
        if (i > 0 && isWordPart(text.charAt(i - 1))) return -1;
        int j = i + 1;
        if (j < text.length() && isWordStart(text.charAt(j))) {
            while (j < text.length() && isWordPart(text.charAt(j)) && text.charAt(j) != '$') j++;
        }
        return at(text, j, '$') ? j + 1 : -1;
    }

    private static int numberEnd(String text, int i) {
        int n = text.length();
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
        if (i < n && text.charAt(i) == '.' && !at(text, i + 1, '.')) {
            i++;
            while (i < n && Character.isDigit(text.charAt(i))) i++;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) j++;
            if (j < n && Character.isDigit(text.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(text.charAt(i))) i++;
            }
        }
        return i;
    }

    /**
     * A colon starts a named parameter when a name follows and it is neither half of a {@code ::} cast nor glued to
     * the word before it (so array slices like {@code a[lo:hi]} stay as they are).
     */
    private static boolean isParameterStart(String text, int i) {
        if (!(i + 1 < text.length() && isWordStart(text.charAt(i + 1)))) return false;
        if (i > 0) {
            char before = text.charAt(i - 1);
            if (before == ':' || isWordPart(before) || before == ']' || before == ')' || before == '"') return false;
        }
        return true;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
