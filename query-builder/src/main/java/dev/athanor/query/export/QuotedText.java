package dev.athanor.query.export;

/**
 * A string literal in double quotes, as Java and Python both spell it: quote and backslash escaped, line breaks and
 * tabs written as {@code \n}, {@code \r}, {@code \t}, everything else as it is.
 */
final class QuotedText {

    private QuotedText() {}

    static String of(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
