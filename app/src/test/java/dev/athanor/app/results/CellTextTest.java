package dev.athanor.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellTextTest {

    @Test
    void nullAndEmptyStringLookDifferent() {
        assertThat(CellText.cell(null)).isEqualTo("NULL");
        assertThat(CellText.cell("")).isEmpty();
        assertThat(CellText.full(null)).isEmpty();
    }

    @Test
    void longTextIsCutInTheCellButWholeInTheViewer() {
        String text = "x".repeat(5000);
        assertThat(CellText.cell(text)).hasSize(CellText.MAX_CELL_CHARS + 1).endsWith("…");
        assertThat(CellText.full(text)).isEqualTo(text);
    }

    @Test
    void multiLineTextShowsItsFirstLineInTheCell() {
        assertThat(CellText.cell("first\nsecond")).isEqualTo("first…");
    }

    @Test
    void bytesShowAsHexWithTheirSize() {
        byte[] bytes = new byte[40];
        bytes[0] = (byte) 0xde;
        bytes[1] = (byte) 0xad;
        assertThat(CellText.cell(bytes)).startsWith("\\xdead").contains("…").endsWith("(40 bytes)");
        assertThat(CellText.full(new byte[] {1, (byte) 0xff})).isEqualTo("\\x01ff");
    }

    @Test
    void tsvFieldsWithTabsOrLineBreaksAreQuoted() {
        assertThat(ResultsGrid.tsvField("plain")).isEqualTo("plain");
        assertThat(ResultsGrid.tsvField("a\tb")).isEqualTo("\"a\tb\"");
        assertThat(ResultsGrid.tsvField("say \"hi\"\n")).isEqualTo("\"say \"\"hi\"\"\n\"");
    }

    @Test
    void rowCountsSayWhetherMoreMayFollow() {
        assertThat(CellText.rows(1, true)).isEqualTo("1 row");
        assertThat(CellText.rows(1234, true)).isEqualTo("1,234 rows");
        assertThat(CellText.rows(500, false)).isEqualTo("500+ rows");
    }

    @Test
    void durationsReadAsMillisecondsSecondsOrMinutes() {
        assertThat(CellText.duration(12_400_000L)).isEqualTo("12 ms");
        assertThat(CellText.duration(1_254_000_000L)).isEqualTo("1.25 s");
        assertThat(CellText.duration(125_000_000_000L)).isEqualTo("2 min 05 s");
    }
}
