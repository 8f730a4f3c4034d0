package dev.athanor.model.engine;

import java.io.EOFException;
import java.io.Serial;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns driver, pool and jOOQ failures into the {@link DatabaseException} family, by SQLSTATE and by the type of
 * the underlying cause (never by message text).
 *
 * <p>Wrapped failures are unwrapped: HikariCP's checkout timeout carries the last connection failure as its cause,
 * jOOQ's {@code DataAccessException} carries the driver's exception, and both are classified by that cause.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {}

    /** Classifies a driver exception without knowing the connection (messages then say "the server"). */
    public static DatabaseException classify(SQLException failure) {
        return classify(failure, null, true);
    }

    /** Classifies any failure: driver, pool (HikariCP) or jOOQ exceptions, looking through their causes. */
    public static DatabaseException classify(Throwable failure) {
        return classify(failure, null, true);
    }

    /** Classifies a failure on a connection to {@code profile}, so messages can name the user, host and port. */
    public static DatabaseException classify(Throwable failure, ConnectionProfile profile) {
        return classify(failure, profile, true);
    }

    /**
     * @param passwordGiven whether a password was sent; when not, a refused login means "a password is needed"
     */
    static DatabaseException classify(Throwable failure, ConnectionProfile profile, boolean passwordGiven) {
        if (failure instanceof DatabaseException known) {
            return known;
        }
        var chain = chain(failure);
        for (var link : chain) {
            if (link instanceof DatabaseException known) {
                return known;
            }
        }
        var sql = mostSpecific(chain);
        var state = sql == null ? null : sql.getSQLState();
        var server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        var details = details(chain, sql, server);
        var serverText = server != null && server.getMessage() != null
                ? server.getMessage()
                : sql != null && sql.getMessage() != null ? sql.getMessage() : String.valueOf(failure.getMessage());
        serverText = Secrets.maskConnectionText(serverText);
        var user = profile == null ? "this user" : "user " + profile.user();
        var at = profile == null ? "the server" : "the server at " + hostAndPort(profile);

        if (sql == null || state == null) {
            var network = networkReason(chain);
            if (network != null) {
                return new ServerUnreachable("Cannot reach " + at + ": " + network + ".", state, details, failure);
            }
            if (chain.stream().anyMatch(t -> t instanceof SQLTransientConnectionException)) {
                return new PoolExhausted(
                        "No free connection to " + at.replace("the server at ", "")
                                + " within the connection timeout: every connection in the pool is in use.",
                        state,
                        details,
                        failure);
            }
            return new OtherDatabaseError(sentence(serverText), state, details, failure);
        }
        switch (state) {
            case "28P01" -> {
                return new AuthenticationFailed("Wrong password for " + user + ".", state, details, failure, false);
            }
            case "28000" -> {
                return new AuthenticationFailed(
                        "The server refused the login of " + user + ": " + serverText + ".",
                        state,
                        details,
                        failure,
                        false);
            }
            case "08004" -> {
                // pgjdbc reports "the server asked for a password but none was given" as a rejected connection.
                return passwordGiven
                        ? new AuthenticationFailed(
                                "The server rejected the connection for " + user + ": " + serverText,
                                state,
                                details,
                                failure,
                                false)
                        : new AuthenticationFailed(
                                "The server wants a password for " + user + ".", state, details, failure, true);
            }
            case "57014" -> {
                if (hasMarker(chain, CancelRequested.class)) {
                    return new QueryCancelled("The query was cancelled.", state, details, failure);
                }
                if (hasMarker(chain, TimeoutInEffect.class)) {
                    return new QueryTimeout(
                            "The query ran longer than its time limit and was stopped.", state, details, failure);
                }
                return new QueryCancelled(
                        "The query was cancelled (by a cancel request or a statement timeout).",
                        state,
                        details,
                        failure);
            }
            case "40001" -> {
                return new SerializationFailure(
                        "The transaction conflicted with a concurrent one and was rolled back; run it again.",
                        state,
                        details,
                        failure);
            }
            case "40P01" -> {
                return new SerializationFailure(
                        "The transaction was stopped to break a deadlock with another one; run it again.",
                        state,
                        details,
                        failure);
            }
            case "25P02" -> {
                return new TransactionAborted(
                        "An earlier statement failed, so the transaction refuses further work. Roll it back to go on.",
                        state,
                        details,
                        failure);
            }
            case "42501" -> {
                return new OtherDatabaseError("Permission denied: " + serverText + ".", state, details, failure);
            }
            default -> {
                // fall through to the class checks below
            }
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            var network = networkReason(chain);
            return new ServerUnreachable(
                    "Cannot reach " + at + ": " + (network != null ? network : serverText) + ".",
                    state,
                    details,
                    failure);
        }
        if (state.startsWith("42")) {
            return new SyntaxError(
                    sentence(serverText), state, details, failure, server == null ? 0 : server.getPosition());
        }
        if (state.startsWith("23")) {
            return constraintViolation(state, details, failure, server, serverText);
        }
        return new OtherDatabaseError(sentence(serverText), state, details, failure);
    }

    private static ConstraintViolation constraintViolation(
            String state, String details, Throwable failure, ServerErrorMessage server, String serverText) {
        var constraint = server == null ? null : server.getConstraint();
        var table = server == null ? null : server.getTable();
        var column = server == null ? null : server.getColumn();
        var detail = server == null ? null : server.getDetail();
        var kind =
                switch (state) {
                    case "23505" -> "unique constraint";
                    case "23503" -> "foreign key";
                    case "23502" -> "not-null constraint";
                    case "23514" -> "check constraint";
                    case "23P01" -> "exclusion constraint";
                    default -> "constraint";
                };
        String message;
        if (state.equals("23502") && column != null) {
            message = "Column " + column + (table == null ? "" : " of table " + table) + " needs a value (NOT NULL).";
        } else if (constraint != null) {
            message = "This change breaks the " + kind + " " + constraint + (table == null ? "" : " on table " + table)
                    + (detail == null ? "." : ": " + detail);
        } else {
            message = sentence(serverText);
        }
        return new ConstraintViolation(
                message,
                state,
                details,
                failure,
                constraint,
                server == null ? null : server.getSchema(),
                table,
                column,
                detail);
    }

    /** Marks a driver exception as the result of a cancel the application asked for. */
    static void markCancelRequested(SQLException failure) {
        failure.addSuppressed(new CancelRequested());
    }

    /** Marks a driver exception as raised while a query timeout was set on its statement. */
    static void markTimeoutInEffect(SQLException failure, int seconds) {
        failure.addSuppressed(new TimeoutInEffect(seconds));
    }

    /** Recorded on a failure when the application cancelled the statement (pgjdbc reports 57014 either way). */
    static final class CancelRequested extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        CancelRequested() {
            super("cancel requested by the application through Statement.cancel()", null, false, false);
        }
    }

    /** Recorded on a failure when its statement had a query timeout, telling a timeout from a cancel. */
    static final class TimeoutInEffect extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        TimeoutInEffect(int seconds) {
            super("the statement had a query timeout of " + seconds + " s", null, false, false);
        }
    }

    private static boolean hasMarker(List<Throwable> chain, Class<? extends Exception> marker) {
        for (var link : chain) {
            for (var suppressed : link.getSuppressed()) {
                if (marker.isInstance(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The failure, its causes and the driver's "next" exceptions, each once. */
    private static List<Throwable> chain(Throwable failure) {
        var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        var result = new ArrayList<Throwable>();
        collect(failure, seen, result);
        return result;
    }

    private static void collect(Throwable failure, Set<Throwable> seen, List<Throwable> result) {
        for (var link = failure; link != null && seen.add(link); link = link.getCause()) {
            result.add(link);
            if (link instanceof SQLException sql && sql.getNextException() != null) {
                collect(sql.getNextException(), seen, result);
            }
        }
    }

    /** The driver's own exception when present (it has the server fields), else the first with a SQLSTATE. */
    private static SQLException mostSpecific(List<Throwable> chain) {
        SQLException withState = null;
        for (var link : chain) {
            if (link instanceof PSQLException psql && psql.getSQLState() != null) {
                return psql;
            }
            if (withState == null && link instanceof SQLException sql && sql.getSQLState() != null) {
                withState = sql;
            }
        }
        if (withState != null) {
            return withState;
        }
        for (var link : chain) {
            if (link instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String networkReason(List<Throwable> chain) {
        for (var link : chain) {
            if (link instanceof UnknownHostException) {
                return "unknown host name";
            }
            if (link instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (link instanceof ConnectException) {
                return "connection refused";
            }
            if (link instanceof SocketTimeoutException) {
                return "no answer within the time limit";
            }
            if (link instanceof EOFException || link instanceof SocketException) {
                return "the connection was closed";
            }
        }
        return null;
    }

    private static String hostAndPort(ConnectionProfile profile) {
        var host = profile.host().contains(":") ? "[" + profile.host() + "]" : profile.host();
        return host + ":" + profile.port();
    }

    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "The database reported an error.";
        }
        var trimmed = text.strip();
        var first = trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1);
        return first.endsWith(".") ? first : first + ".";
    }

    private static String details(List<Throwable> chain, SQLException sql, ServerErrorMessage server) {
        var out = new StringBuilder();
        if (server != null) {
            line(out, server.getSeverity(), server.getMessage());
            line(out, "Detail", server.getDetail());
            line(out, "Hint", server.getHint());
            if (server.getPosition() > 0) {
                line(out, "Position", Integer.toString(server.getPosition()));
            }
            line(out, "Where", server.getWhere());
            line(out, "Internal query", server.getInternalQuery());
            line(out, "Schema", server.getSchema());
            line(out, "Table", server.getTable());
            line(out, "Column", server.getColumn());
            line(out, "Data type", server.getDatatype());
            line(out, "Constraint", server.getConstraint());
            line(out, "Routine", server.getRoutine());
        }
        if (sql != null) {
            line(out, "SQLSTATE", sql.getSQLState());
        }
        for (var link : chain) {
            line(
                    out,
                    link == chain.getFirst() ? "Error" : "Caused by",
                    link.getClass().getName() + ": " + link.getMessage());
        }
        return Secrets.maskConnectionText(out.toString().strip());
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append(label == null ? "ERROR" : label)
                    .append(": ")
                    .append(value)
                    .append('\n');
        }
    }
}
