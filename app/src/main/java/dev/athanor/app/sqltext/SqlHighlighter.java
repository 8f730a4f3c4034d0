package dev.athanor.app.sqltext;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Colours SQL: a pure function from text to style spans, cheap enough to run on a worker thread after every pause
 * in typing. The style classes are defined in {@code sql-text.css} ({@link #stylesheet()}), for any node with the
 * {@code sql-editor} style class.
 */
public final class SqlHighlighter {
    private SqlHighlighter() {}

    /** The stylesheet colouring highlighted SQL in nodes with the {@code sql-editor} style class. */
    public static String stylesheet() {
        return SqlHighlighter.class.getResource("sql-text.css").toExternalForm();
    }

    /** Style spans covering all of {@code text}; plain text gets no style class. */
    public static StyleSpans<Collection<String>> highlight(String text) {
        var spans = new StyleSpansBuilder<Collection<String>>();
        if (text.isEmpty()) {
            spans.add(List.of(), 0);
            return spans.create();
        }
        for (var token : SqlLexer.tokens(text)) {
            spans.add(styleOf(token.kind()), token.length());
        }
        return spans.create();
    }

    /** The style classes of one kind of token (an empty list for plain text). */
    public static List<String> styleOf(SqlToken.Kind kind) {
        return switch (kind) {
            case KEYWORD -> List.of("keyword");
            case STRING, DOLLAR_STRING -> List.of("string");
            case NUMBER -> List.of("number");
            case LINE_COMMENT, BLOCK_COMMENT -> List.of("comment");
            case QUOTED_IDENTIFIER -> List.of("quoted-identifier");
            case PARAMETER, POSITIONAL_PARAMETER -> List.of("parameter");
            case WHITESPACE, IDENTIFIER, SEMICOLON, OPERATOR -> List.of();
        };
    }
}
