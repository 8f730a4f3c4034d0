package dev.athanor.model.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses, for each {@code ?} placeholder of a statement, the name of the column or parameter it is bound to, so
 * that values bound to {@code password}, {@code api_token}... can be masked in the echo log.
 *
 * <p>Two shapes are recognised: {@code name <op> ?} (WHERE / SET, also through {@code cast(? as ...)}) and the
 * value tuples of {@code INSERT INTO t (a, b) VALUES (?, ?)}. Anything else gets no name. The scanner skips
 * string literals, dollar quotes, quoted identifiers and comments, and treats {@code ??} as pgjdbc does (an escaped
 * question mark, not a placeholder).
 */
final class BindNames {
    private static final Set<String> OPERATORS =
            Set.of("=", "<>", "!=", "<", ">", "<=", ">=", ":=", "like", "ilike", "in", "is", "distinct", "from");

    private BindNames() {}

    private enum Kind {
        WORD,
        QUOTED,
        SYMBOL,
        PLACEHOLDER
    }

    private record Token(Kind kind, String text) {}

    /** One name (or null) per placeholder, in order. */
    static List<String> of(String sql) {
        var tokens = tokenize(sql);
        var names = new ArrayList<String>();
        var insertColumns = insertColumns(tokens);
        var valuesStart = insertColumns == null ? -1 : indexOfWord(tokens, "values", 0);
        var depth = 0;
        var tuplePosition = 0;
        for (var i = 0; i < tokens.size(); i++) {
            var token = tokens.get(i);
            if (valuesStart >= 0 && i > valuesStart && token.kind() == Kind.SYMBOL) {
                switch (token.text()) {
                    case "(" -> {
                        depth++;
                        if (depth == 1) {
                            tuplePosition = 0;
                        }
                    }
                    case ")" -> depth--;
                    case "," -> {
                        if (depth == 1) {
                            tuplePosition++;
                        }
                    }
                    default -> {}
                }
            }
            if (token.kind() != Kind.PLACEHOLDER) {
                continue;
            }
            String name = null;
            if (valuesStart >= 0 && i > valuesStart && depth >= 1 && tuplePosition < insertColumns.size()) {
                name = insertColumns.get(tuplePosition);
            }
            if (name == null) {
                name = comparedName(tokens, i);
            }
            names.add(name);
        }
        return names;
    }

    /** The identifier in {@code ident <op> [cast(] ?}, or null. */
    private static String comparedName(List<Token> tokens, int placeholder) {
        var i = placeholder - 1;
        for (var skipped = 0; i >= 0 && skipped < 2; skipped++) {
            var t = tokens.get(i);
            if (t.text().equals("(") || (t.kind() == Kind.WORD && t.text().equals("cast"))) {
                i--;
            } else {
                break;
            }
        }
        var sawOperator = false;
        while (i >= 0
                && OPERATORS.contains(tokens.get(i).text())
                && tokens.get(i).kind() != Kind.QUOTED) {
            sawOperator = true;
            i--;
        }
        if (!sawOperator || i < 0) {
            return null;
        }
        var t = tokens.get(i);
        return t.kind() == Kind.WORD || t.kind() == Kind.QUOTED ? t.text() : null;
    }

    /** The column list of {@code INSERT INTO t (a, b, ...)}, or null when the statement is not such an insert. */
    private static List<String> insertColumns(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.getFirst().text().equals("insert")) {
            return null;
        }
        var values = indexOfWord(tokens, "values", 0);
        if (values < 0) {
            return null;
        }
        var open = -1;
        for (var i = 0; i < values; i++) {
            if (tokens.get(i).text().equals("(")) {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return null;
        }
        var columns = new ArrayList<String>();
        for (var i = open + 1; i < values && !tokens.get(i).text().equals(")"); i++) {
            var t = tokens.get(i);
            if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED) {
                columns.add(t.text());
            }
        }
        return columns;
    }

    private static int indexOfWord(List<Token> tokens, String word, int from) {
        for (var i = from; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.WORD && tokens.get(i).text().equals(word)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Token> tokenize(String sql) {
        var tokens = new ArrayList<Token>();
        var n = sql.length();
        var i = 0;
        while (i < n) {
            var c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                var end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                var end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
            } else if (c == '"') {
                var end = skipQuoted(sql, i, '"');
                var inner = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
                tokens.add(new Token(Kind.QUOTED, inner));
                i = end;
            } else if (c == '$' && i + 1 < n && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1)))) {
                var close = sql.indexOf('$', i + 1);
                var tag = close < 0 ? null : sql.substring(i, close + 1);
                if (tag != null
                        && tag.chars()
                                .skip(1)
                                .limit(tag.length() - 2L)
                                .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                    var end = sql.indexOf(tag, close + 1);
                    i = end < 0 ? n : end + tag.length();
                } else {
                    tokens.add(new Token(Kind.SYMBOL, "$"));
                    i++;
                }
            } else if (c == '?') {
                if (i + 1 < n && sql.charAt(i + 1) == '?') {
                    tokens.add(new Token(Kind.SYMBOL, "??"));
                    i += 2;
                } else {
                    tokens.add(new Token(Kind.PLACEHOLDER, "?"));
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_') {
                var start = i;
                while (i < n
                        && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT)));
            } else if (c == '.') {
                i++; // qualified names: keep only the last part, which is what follows
            } else if ("<>!=:".indexOf(c) >= 0) {
                var start = i;
                while (i < n && "<>!=:".indexOf(sql.charAt(i)) >= 0) {
                    i++;
                }
                var op = sql.substring(start, i);
                if (op.equals("::")) {
                    continue; // a cast does not separate a name from its value
                }
                tokens.add(new Token(Kind.SYMBOL, op));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    /** Index just after the closing quote (a doubled quote stays inside). */
    private static int skipQuoted(String sql, int start, char quote) {
        var i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
