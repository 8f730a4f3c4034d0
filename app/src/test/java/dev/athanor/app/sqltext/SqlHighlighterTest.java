package dev.athanor.app.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

    /** Pairs each styled stretch of text with its style classes. */
    private static List<String> styled(String text) {
        var spans = SqlHighlighter.highlight(text);
        var out = new ArrayList<String>();
        int at = 0;
        for (var span : spans) {
            Collection<String> style = span.getStyle();
            String piece = text.substring(at, at + span.getLength());
            if (!style.isEmpty()) out.add(String.join(",", style) + ":" + piece);
            at += span.getLength();
        }
        return out;
    }

    @Test
    void spansCoverTheWholeText() {
        String text = "SELECT 'a' FROM t -- end";
        assertThat(SqlHighlighter.highlight(text).length()).isEqualTo(text.length());
    }

    @Test
    void keywordsStringsNumbersCommentsParametersAndQuotedNamesAreStyled() {
        assertThat(styled("select \"Name\", 'it''s', 42, 1.5e3 from t where id = :id /* c */ -- d"))
                .containsExactly(
                        "keyword:select",
                        "quoted-identifier:\"Name\"",
                        "string:'it''s'",
                        "number:42",
                        "number:1.5e3",
                        "keyword:from",
                        "keyword:where",
                        "parameter::id",
                        "comment:/* c */",
                        "comment:-- d");
    }

    @Test
    void dollarQuotedBodyIsOneString() {
        assertThat(styled("DO $$ SELECT 'x'; $$")).containsExactly("keyword:DO", "string:$$ SELECT 'x'; $$");
    }

    @Test
    void unterminatedStringRunsToTheEnd() {
        assertThat(styled("SELECT 'abc")).containsExactly("keyword:SELECT", "string:'abc");
    }

    @Test
    void emptyTextGivesEmptySpans() {
        assertThat(SqlHighlighter.highlight("").length()).isZero();
    }
}
