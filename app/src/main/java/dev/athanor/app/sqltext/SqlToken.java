package dev.athanor.app.sqltext;

/**
 * One lexical piece of SQL text: {@code text.substring(start, end)} has the given kind.
 *
 * @param kind what the piece is
 * @param start offset of its first character
 * @param end offset just past its last character
 */
public record SqlToken(Kind kind, int start, int end) {

    /** The kinds of pieces the console tells apart. */
    public enum Kind {
        WHITESPACE,
        LINE_COMMENT,
        BLOCK_COMMENT,
        /** {@code 'text'}, {@code E'te\'xt'} and other prefixed forms. */
        STRING,
        /** {@code $$body$$} or {@code $tag$body$tag$}. */
        DOLLAR_STRING,
        /** {@code "Mixed Case"}. */
        QUOTED_IDENTIFIER,
        NUMBER,
        /** A reserved or well-known word. */
        KEYWORD,
        /** Any other word: names of tables, columns, functions. */
        IDENTIFIER,
        /** A named parameter {@code :name}, bound when the statement runs. */
        PARAMETER,
        /** {@code $1}: a positional parameter written by hand. */
        POSITIONAL_PARAMETER,
        SEMICOLON,
        /** Operators and punctuation, including the cast {@code ::}. */
        OPERATOR
    }

    public int length() {
        return end - start;
    }

    /** Whitespace and comments: pieces that carry no meaning for the server. */
    public boolean isTrivia() {
        return kind == Kind.WHITESPACE || kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
    }
}
