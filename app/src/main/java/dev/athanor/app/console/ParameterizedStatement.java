package dev.athanor.app.console;

import dev.athanor.app.sqltext.SqlLexer;
import dev.athanor.app.sqltext.SqlToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A statement whose {@code :name} parameters are rewritten to JDBC {@code ?} placeholders, so that their values are
 * bound by the driver and never pasted into the SQL text.
 *
 * <p>Question marks that were in the text already (the jsonb operators {@code ?}, {@code ?|}, {@code ?&}) are
 * doubled, which is how the PostgreSQL driver tells them apart from placeholders.
 */
public final class ParameterizedStatement {
    private final String original;
    private final String jdbcSql;
    private final List<String> bindOrder;
    private final int[] serverToOriginal;

    private ParameterizedStatement(String original, String jdbcSql, List<String> bindOrder, int[] serverToOriginal) {
        this.original = original;
        this.jdbcSql = jdbcSql;
        this.bindOrder = bindOrder;
        this.serverToOriginal = serverToOriginal;
    }

    /** Finds the named parameters of {@code sql}; those inside strings, comments or {@code ::casts} are not. */
    public static ParameterizedStatement parse(String sql) {
        var jdbc = new StringBuilder(sql.length());
        var names = new ArrayList<String>();
        // What the server sees: the driver turns the n-th '?' into "$n" and "??" into '?'.
        var mapping = new ArrayList<Integer>(sql.length() + 8);
        for (var token : SqlLexer.tokens(sql)) {
            if (token.kind() == Kind.PARAMETER) {
                names.add(sql.substring(token.start() + 1, token.end()));
                jdbc.append('?');
                String placeholder = "$" + names.size();
                for (int k = 0; k < placeholder.length(); k++)
                    mapping.add(token.start() + Math.min(k, token.length() - 1));
            } else {
                for (int i = token.start(); i < token.end(); i++) {
                    char c = sql.charAt(i);
                    boolean literal = token.kind() == Kind.OPERATOR && c == '?';
                    jdbc.append(literal ? "??" : String.valueOf(c));
                    mapping.add(i);
                }
            }
        }
        mapping.add(sql.length());
        int[] serverToOriginal = mapping.stream().mapToInt(Integer::intValue).toArray();
        return new ParameterizedStatement(sql, jdbc.toString(), List.copyOf(names), serverToOriginal);
    }

    /** The statement as written by the user. */
    public String original() {
        return original;
    }

    /** The text handed to {@code Connection.prepareStatement}. */
    public String jdbcSql() {
        return jdbcSql;
    }

    /** The parameter name of each placeholder, in placeholder order (a name used twice appears twice). */
    public List<String> bindOrder() {
        return bindOrder;
    }

    /** Each parameter name once, in order of first appearance: what the user is asked for. */
    public List<String> parameterNames() {
        return List.copyOf(new LinkedHashSet<>(bindOrder));
    }

    /**
     * Maps a position the server reports (1-based, in the text the server received) back to an offset in
     * {@link #original()}.
     */
    public int originalOffset(int serverPosition) {
        int index = Math.max(0, Math.min(serverPosition - 1, serverToOriginal.length - 1));
        return serverToOriginal[index];
    }
}
