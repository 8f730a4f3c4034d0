package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static java.util.List<String> texts(String script) {
        return SqlScript.statements(script).stream().map(ScriptStatement::text).toList();
    }

    @Test
    void splitsOnSemicolons() {
        assertThat(texts("SELECT 1; SELECT 2;\nSELECT 3")).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void semicolonInsideStringDoesNotSplit() {
        assertThat(texts("SELECT 'a;b', E'c\\';d'; SELECT 2")).containsExactly("SELECT 'a;b', E'c\\';d'", "SELECT 2");
    }

    @Test
    void semicolonInsideQuotedIdentifierDoesNotSplit() {
        assertThat(texts("SELECT 1 AS \"x;y\"; SELECT 2")).containsExactly("SELECT 1 AS \"x;y\"", "SELECT 2");
    }

    @Test
    void semicolonsInsideDollarQuotedBodyDoNotSplit() {
        String function = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql";
        assertThat(texts(function + "; DO $$ BEGIN PERFORM 1; END $$;"))
                .containsExactly(function, "DO $$ BEGIN PERFORM 1; END $$");
    }

    @Test
    void semicolonsInsideCommentsDoNotSplit() {
        assertThat(texts("SELECT 1 -- one; two\n; /* a; /* nested; */ b; */ SELECT 2"))
                .containsExactly("SELECT 1 -- one; two", "SELECT 2");
    }

    @Test
    void piecesWithOnlyCommentsAndBlanksAreNotStatements() {
        assertThat(texts(";; -- nothing\n ; SELECT 1;  ")).containsExactly("SELECT 1");
    }

    @Test
    void statementOffsetsPointIntoTheScript() {
        String script = "SELECT 1;\n  SELECT 2 ;";
        var second = SqlScript.statements(script).get(1);
        assertThat(script.substring(second.start(), second.end())).isEqualTo("SELECT 2");
        assertThat(second.start()).isEqualTo(12);
    }

    @Test
    void caretInsideAStatementPicksIt() {
        String script = "SELECT 1;\nSELECT 22;\nSELECT 333;";
        assertThat(SqlScript.statementAt(script, script.indexOf("22"))
                        .orElseThrow()
                        .text())
                .isEqualTo("SELECT 22");
    }

    @Test
    void caretJustAfterTheSemicolonPicksTheStatementBefore() {
        String script = "SELECT 1;\nSELECT 22;\nSELECT 333;";
        assertThat(SqlScript.statementAt(script, script.indexOf("22;") + 3)
                        .orElseThrow()
                        .text())
                .isEqualTo("SELECT 22");
    }

    @Test
    void caretInTrailingBlankSpacePicksTheLastStatement() {
        String script = "SELECT 1;\nSELECT 2;\n\n";
        assertThat(SqlScript.statementAt(script, script.length()).orElseThrow().text())
                .isEqualTo("SELECT 2");
    }

    @Test
    void emptyScriptHasNoStatementAtTheCaret() {
        assertThat(SqlScript.statementAt("  -- only a comment\n", 3)).isEmpty();
    }
}
