package dev.athanor.app.results;

import java.sql.SQLException;
import java.util.Locale;
import org.postgresql.util.PSQLException;

/**
 * Why a statement failed, in words for people, with the server's particulars kept for a "details" view.
 * Classified by SQLSTATE, never by message text.
 *
 * @param kind what sort of failure it is
 * @param message one plain sentence for the user
 * @param details the server's message, detail, hint, context and SQLSTATE (several lines; may be empty)
 * @param sqlState the SQLSTATE, or an empty string when the failure did not come from the server
 * @param position 1-based position in the statement text the server reports (syntax errors), or 0
 */
public record QueryFailure(Kind kind, String message, String details, String sqlState, int position) {

    /** The sorts of failures the console and grid tell apart. */
    public enum Kind {
        SYNTAX,
        CANCELLED,
        CONSTRAINT,
        /** An earlier statement failed and the transaction refuses work until it is rolled back. */
        TRANSACTION_ABORTED,
        CONNECTION,
        OTHER
    }

    /** Describes {@code failure}, looking through wrappers for the database error that caused it. */
    public static QueryFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) return ofSql(sql);
        }
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new QueryFailure(Kind.OTHER, sentence(text), failure.toString(), "", 0);
    }

    private static QueryFailure ofSql(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        var server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String serverText = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
        int position = server != null ? server.getPosition() : 0;
        var details = new StringBuilder();
        details.append(serverText);
        if (server != null) {
            if (server.getDetail() != null) details.append("\nDetail: ").append(server.getDetail());
            if (server.getHint() != null) details.append("\nHint: ").append(server.getHint());
            if (server.getWhere() != null) details.append("\nWhere: ").append(server.getWhere());
            if (server.getTable() != null) details.append("\nTable: ").append(server.getTable());
            if (server.getColumn() != null) details.append("\nColumn: ").append(server.getColumn());
            if (server.getConstraint() != null) details.append("\nConstraint: ").append(server.getConstraint());
        }
        if (!state.isEmpty()) details.append("\nSQLSTATE: ").append(state);
        String constraint = server != null && server.getConstraint() != null ? server.getConstraint() : null;
        String detail = server != null && server.getDetail() != null ? " " + server.getDetail() : "";
        return switch (state) {
            case "57014" ->
                new QueryFailure(Kind.CANCELLED, "The statement was cancelled.", details.toString(), state, 0);
            case "25P02" ->
                new QueryFailure(
                        Kind.TRANSACTION_ABORTED,
                        "An earlier statement failed, so the transaction refuses further work. Roll it back to go on.",
                        details.toString(),
                        state,
                        0);
            case "23505" ->
                constraint(
                        "This would create a duplicate where values must be unique",
                        constraint,
                        detail,
                        details,
                        state);
            case "23503" ->
                constraint("This would break a reference to another table", constraint, detail, details, state);
            case "23502" -> constraint("A required value is missing", constraint, detail, details, state);
            case "23514" -> constraint("A value breaks a check rule", constraint, detail, details, state);
            case "23P01" -> constraint("This would overlap an existing row", constraint, detail, details, state);
            default -> {
                Kind kind;
                if (state.startsWith("42")) kind = position > 0 || "42601".equals(state) ? Kind.SYNTAX : Kind.OTHER;
                else if (state.startsWith("08")) kind = Kind.CONNECTION;
                else kind = Kind.OTHER;
                String message = sentence(serverText);
                if (kind == Kind.CONNECTION) message = "The connection to the server was lost: " + message;
                yield new QueryFailure(kind, message, details.toString(), state, position);
            }
        };
    }

    private static QueryFailure constraint(
            String what, String constraint, String detail, StringBuilder details, String state) {
        String message = what + (constraint == null ? "" : " (" + constraint + ")") + "." + detail;
        return new QueryFailure(Kind.CONSTRAINT, message, details.toString(), state, 0);
    }

    /** The server writes "syntax error at or near ..."; a sentence starts with a capital and ends with a stop. */
    private static String sentence(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) return "The statement failed.";
        String first = trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1);
        return first.endsWith(".") ? first : first + ".";
    }
}
