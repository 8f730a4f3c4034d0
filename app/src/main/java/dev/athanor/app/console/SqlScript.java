package dev.athanor.app.console;

import dev.athanor.app.sqltext.SqlLexer;
import dev.athanor.app.sqltext.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a script into statements on semicolons that are not inside strings, quoted identifiers, dollar-quoted
 * bodies or comments.
 */
public final class SqlScript {
    private SqlScript() {}

    /** Every statement of {@code script}; pieces holding only whitespace and comments are left out. */
    public static List<ScriptStatement> statements(String script) {
        var statements = new ArrayList<ScriptStatement>();
        for (var chunk : chunks(script)) {
            chunk.statement().ifPresent(statements::add);
        }
        return List.copyOf(statements);
    }

    /**
     * The statement the caret is in. A caret right after a semicolon, or in the blank space after the last
     * statement, belongs to the statement before it: that is where the user just finished typing.
     */
    public static Optional<ScriptStatement> statementAt(String script, int caret) {
        ScriptStatement previous = null;
        for (var chunk : chunks(script)) {
            var statement = chunk.statement();
            if (caret >= chunk.from() && caret <= chunk.to()) {
                if (statement.isPresent()) return statement;
                return Optional.ofNullable(previous);
            }
            if (statement.isPresent()) previous = statement.get();
        }
        return Optional.ofNullable(previous);
    }

    /** A stretch of the script up to and including a semicolon (or the end of the text). */
    private record Chunk(int from, int to, Optional<ScriptStatement> statement) {}

    private static List<Chunk> chunks(String script) {
        var chunks = new ArrayList<Chunk>();
        var tokens = SqlLexer.tokens(script);
        int from = 0;
        int first = -1;
        int last = -1;
        for (var token : tokens) {
            if (token.kind() == Kind.SEMICOLON) {
                chunks.add(chunk(script, from, token.end(), first, last));
                from = token.end();
                first = -1;
                last = -1;
            } else if (!token.isTrivia()) {
                if (first < 0) first = token.start();
                last = token.end();
            } else if (token.kind() != Kind.WHITESPACE && first >= 0) {
                // A comment inside or after the statement's text stays with it.
                last = token.end();
            }
        }
        chunks.add(chunk(script, from, script.length(), first, last));
        return chunks;
    }

    private static Chunk chunk(String script, int from, int to, int first, int last) {
        Optional<ScriptStatement> statement = first < 0
                ? Optional.empty()
                : Optional.of(new ScriptStatement(script.substring(first, last), first, last));
        return new Chunk(from, to, statement);
    }
}
