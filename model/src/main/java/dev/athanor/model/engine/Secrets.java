package dev.athanor.model.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps passwords and other secrets out of everything the product shows or records. */
final class Secrets {
    static final String MASK = "***";

    /** {@code scheme://user:secret@} in a URI. */
    private static final Pattern URI_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)[^@\\s]*@");

    /** {@code password=secret} in a conninfo string or a URL query. */
    private static final Pattern KEYWORD_PASSWORD =
            Pattern.compile("(?i)\\b(password|passwd|pwd|sslpassword)(\\s*=\\s*)('(?:[^'\\\\]|\\\\.|'')*'|[^\\s&;']+)");

    /** {@code PASSWORD 'secret'} in CREATE/ALTER ROLE / USER. */
    private static final Pattern SQL_PASSWORD = Pattern.compile("(?i)\\b(password\\s+)(E?'(?:[^']|'')*')");

    /** {@code password_hash = 'secret'}: a literal compared with or assigned to a secret-looking column. */
    private static final Pattern SECRET_COLUMN_LITERAL = Pattern.compile(
            "(?i)(\"?\\b\\w*(?:password|passwd|secret|token)\\w*\"?\\s*(?:=|:=|<>|!=)\\s*)(E?'(?:[^']|'')*')");

    private static final String[] SECRET_WORDS = {"password", "passwd", "secret", "token", "pwd", "apikey", "api_key"};

    private Secrets() {}

    /** Whether a parameter or column name suggests the value is a secret. */
    static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        var lower = name.toLowerCase(Locale.ROOT);
        for (var word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Masks passwords written inside connection strings. */
    static String maskConnectionText(String text) {
        var masked = URI_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
        return KEYWORD_PASSWORD.matcher(masked).replaceAll("$1$2" + MASK);
    }

    /** Masks password literals and connection-string passwords inside SQL text. */
    static String maskSql(String sql) {
        var masked = SQL_PASSWORD.matcher(sql).replaceAll("$1'" + MASK + "'");
        masked = SECRET_COLUMN_LITERAL.matcher(masked).replaceAll("$1'" + MASK + "'");
        return maskConnectionText(masked);
    }
}
