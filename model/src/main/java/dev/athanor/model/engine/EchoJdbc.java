package dev.athanor.model.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.jdbc.PSQLSavepoint;

/**
 * Wraps JDBC connections so that every statement executed through them is published to an {@link EchoLog}.
 *
 * <p>The wrappers are dynamic proxies over the JDBC interfaces: the driver's objects stay underneath and
 * {@code unwrap} still reaches them. jOOQ runs its queries through the same wrapped connections, so queries built
 * with {@code dsl()} are recorded by the same code, once.
 *
 * <p>A query's event is published when its row count is known: when its result set has been read to the end or
 * closed, or when the statement is closed or executed again. A query streamed through a server-side cursor is
 * published at once with an unknown row count (-1). Updates, batches and failures are published at once.
 */
final class EchoJdbc {
    private static final int MAX_BIND_LENGTH = 200;
    private static final int MAX_BINDS = 1_000;
    private static final Set<String> EXECUTE = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private EchoJdbc() {}

    /** The connection as the caller sees it: statements it runs are echoed under {@code origin}. */
    static Connection wrap(Connection connection, String origin, EchoLog log, boolean pooled) {
        var handler = new ConnectionHandler(connection, origin, log, pooled);
        var proxy = (Connection)
                Proxy.newProxyInstance(EchoJdbc.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        handler.self = proxy;
        return proxy;
    }

    private static final Pattern SESSION_CHANGE = Pattern.compile("(?is)^\\s*(?:(?:--[^\\n]*\\n|/\\*.*?\\*/)\\s*)*(?:"
            + "set\\s+(?!local\\b|transaction\\b|constraints\\b)|reset\\b|listen\\b|prepare\\b|declare\\b"
            + "|create\\s+(?:global\\s+|local\\s+)?temp(?:orary)?\\b|load\\b)"
            + "|\\bset_config\\s*\\(|;\\s*(?:set|reset)\\s");

    /** Whether {@code sql} may change the session beyond the current transaction (SET, temp tables...). */
    static boolean changesSession(String sql) {
        return sql != null && SESSION_CHANGE.matcher(sql).find();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection target;
        private final String origin;
        private final EchoLog log;
        private final boolean pooled;
        private volatile boolean sessionChanged;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final List<StatementHandler> openStatements = new ArrayList<>();
        private volatile Connection self;
        private int backendPid = -1;

        ConnectionHandler(Connection target, String origin, EchoLog log, boolean pooled) {
            this.pooled = pooled;
            this.target = target;
            this.origin = origin;
            this.log = log;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            var name = method.getName();
            switch (name) {
                case "createStatement" -> {
                    return statement(Statement.class, (Statement) EchoJdbc.invoke(target, method, args), null);
                }
                case "prepareStatement" -> {
                    return statement(
                            PreparedStatement.class, (Statement) EchoJdbc.invoke(target, method, args), (String)
                                    args[0]);
                }
                case "prepareCall" -> {
                    return statement(
                            CallableStatement.class, (Statement) EchoJdbc.invoke(target, method, args), (String)
                                    args[0]);
                }
                case "commit", "rollback" -> {
                    if (args != null && args.length == 1) {
                        return timed(
                                "ROLLBACK TO SAVEPOINT " + savepointName((Savepoint) args[0]),
                                () -> EchoJdbc.invoke(target, method, args));
                    }
                    // pgjdbc sends nothing when no transaction is open; the log shows only what was sent.
                    if (transactionOpen()) {
                        return timed(name.toUpperCase(Locale.ROOT), () -> EchoJdbc.invoke(target, method, args));
                    }
                    return EchoJdbc.invoke(target, method, args);
                }
                case "setSavepoint" -> {
                    publishImplicitBegin();
                    var start = Instant.now();
                    var nanos = System.nanoTime();
                    try {
                        var savepoint = (Savepoint) EchoJdbc.invoke(target, method, args);
                        publish(start, nanos, "SAVEPOINT " + savepointName(savepoint), List.of(), 1, -1, null);
                        return savepoint;
                    } catch (SQLException e) {
                        publish(start, nanos, "SAVEPOINT", List.of(), 1, -1, e);
                        throw e;
                    }
                }
                case "releaseSavepoint" -> {
                    return timed(
                            "RELEASE SAVEPOINT " + savepointName((Savepoint) args[0]),
                            () -> EchoJdbc.invoke(target, method, args));
                }
                case "close" -> {
                    List<StatementHandler> statements;
                    synchronized (openStatements) {
                        statements = List.copyOf(openStatements);
                        openStatements.clear();
                    }
                    statements.forEach(StatementHandler::finishPending);
                    if (closed.compareAndSet(false, true) && pooled && sessionChanged) {
                        resetSession();
                    }
                    return EchoJdbc.invoke(target, method, args);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "EchoConnection[" + origin + ", " + target + "]";
                }
                default -> {
                    return EchoJdbc.invoke(target, method, args);
                }
            }
        }

        /**
         * Settings, prepared statements, temporary tables and listeners made with SQL outlive the checkout; the pool
         * resets only what was changed through the JDBC API. A connection whose session was changed this way is
         * cleaned with DISCARD ALL before it goes back, so the next user (the catalog, another tab) gets a session
         * in its default state. Any open transaction is rolled back first, as the pool would do.
         */
        private void resetSession() {
            try {
                if (!target.getAutoCommit()) {
                    target.rollback();
                    target.setAutoCommit(true);
                }
                var start = Instant.now();
                var nanos = System.nanoTime();
                try (var statement = target.createStatement()) {
                    statement.execute("DISCARD ALL");
                    publish(start, nanos, "DISCARD ALL", List.of(), 1, -1, null);
                } catch (SQLException e) {
                    publish(start, nanos, "DISCARD ALL", List.of(), 1, -1, e);
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                // Only a broken connection fails here; the pool saw the failure through its own statement wrapper
                // and retires the connection when it comes back.
            }
        }

        void noteSessionChange(String sql) {
            if (!sessionChanged && changesSession(sql)) {
                sessionChanged = true;
            }
        }

        /** The name pgjdbc sends for a savepoint (unnamed ones get a generated name). */
        private static String savepointName(Savepoint savepoint) {
            try {
                return savepoint instanceof PSQLSavepoint pg ? pg.getPGName() : savepoint.getSavepointName();
            } catch (SQLException | RuntimeException e) {
                return "?";
            }
        }

        /** Whether the server has a transaction open on this connection (unknown counts as open). */
        boolean transactionOpen() {
            try {
                return target.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
            } catch (SQLException | RuntimeException e) {
                return true;
            }
        }

        /**
         * Outside auto-commit, pgjdbc starts a transaction by sending BEGIN along with the first statement (the
         * "autobegin" a session relies on); it is recorded as its own event so the log reads like the server saw it.
         */
        void publishImplicitBegin() {
            try {
                if (!target.getAutoCommit() && !transactionOpen()) {
                    publish(Instant.now(), System.nanoTime(), "BEGIN", List.of(), 1, -1, null);
                }
            } catch (SQLException | RuntimeException e) {
                // Unknown state: better no BEGIN line than a wrong one.
            }
        }

        private Object timed(String sql, ThrowingCall call) throws Throwable {
            var start = Instant.now();
            var nanos = System.nanoTime();
            try {
                var result = call.run();
                publish(start, nanos, sql, List.of(), 1, -1, null);
                return result;
            } catch (SQLException e) {
                publish(start, nanos, sql, List.of(), 1, -1, e);
                throw e;
            }
        }

        private Object statement(Class<? extends Statement> type, Statement statement, String sql) {
            var handler = new StatementHandler(this, statement, sql);
            synchronized (openStatements) {
                openStatements.add(handler);
            }
            var proxy = Proxy.newProxyInstance(EchoJdbc.class.getClassLoader(), new Class<?>[] {type}, handler);
            handler.self = (Statement) proxy;
            return proxy;
        }

        void forget(StatementHandler statement) {
            synchronized (openStatements) {
                openStatements.remove(statement);
            }
        }

        /** The backend PID, read once: pgjdbc knows it from the connection start-up, no query needed. */
        synchronized int backendPid() {
            if (backendPid < 0) {
                try {
                    backendPid = target.unwrap(PGConnection.class).getBackendPID();
                } catch (SQLException | RuntimeException e) {
                    backendPid = 0;
                }
            }
            return backendPid;
        }

        void publish(
                Instant start,
                long startNanos,
                String sql,
                List<String> binds,
                int batchSize,
                long rows,
                SQLException failure) {
            log.publish(new EchoLog.EventDraft(
                    start,
                    origin,
                    backendPid(),
                    Secrets.maskSql(sql),
                    binds,
                    batchSize,
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    rows,
                    failure != null,
                    failure == null ? null : failure.getSQLState()));
        }

        void publishMeasured(
                Instant start, Duration duration, String sql, List<String> binds, int batchSize, long rows) {
            log.publish(new EchoLog.EventDraft(
                    start, origin, backendPid(), Secrets.maskSql(sql), binds, batchSize, duration, rows, false, null));
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Throwable;
    }

    /** A query whose rows are still being read; published once, when its count is known or can no longer be. */
    private static final class PendingQuery {
        final Instant start;
        final Duration duration;
        final String sql;
        final List<String> binds;
        final int batchSize;
        final AtomicBoolean published = new AtomicBoolean();

        PendingQuery(Instant start, Duration duration, String sql, List<String> binds, int batchSize) {
            this.start = start;
            this.duration = duration;
            this.sql = sql;
            this.binds = binds;
            this.batchSize = batchSize;
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final ConnectionHandler connection;
        private final Statement target;
        private final String sql;
        private final List<String> bindNames;
        private final TreeMap<Integer, String> binds = new TreeMap<>();
        private final List<List<String>> batchRows = new ArrayList<>();
        private final List<String> batchSql = new ArrayList<>();
        private volatile boolean cancelRequested;
        private volatile int queryTimeout;
        private PendingQuery pending;
        private ResultSet wrappedTarget;
        private ResultSet wrapped;
        Statement self;

        StatementHandler(ConnectionHandler connection, Statement target, String sql) {
            this.connection = connection;
            this.target = target;
            this.sql = sql;
            this.bindNames = sql == null ? List.of() : BindNames.of(sql);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            var name = method.getName();
            if (EXECUTE.contains(name)) {
                return execute(method, args);
            }
            if (name.startsWith("set")
                    && args != null
                    && args.length >= 1
                    && args[0] instanceof Integer index
                    && sql != null
                    && method.getParameterTypes()[0] == int.class
                    && !name.equals("setFetchSize")
                    && !name.equals("setMaxRows")
                    && !name.equals("setQueryTimeout")
                    && !name.equals("setFetchDirection")
                    && !name.equals("setMaxFieldSize")
                    && !name.equals("setLargeMaxRows")) {
                binds.put(index, render(index, name, args.length > 1 ? args[1] : null));
                return EchoJdbc.invoke(target, method, args);
            }
            switch (name) {
                case "clearParameters" -> binds.clear();
                case "addBatch" -> {
                    if (args == null || args.length == 0) {
                        batchRows.add(List.copyOf(binds.values()));
                    } else {
                        batchSql.add((String) args[0]);
                    }
                }
                case "clearBatch" -> {
                    batchRows.clear();
                    batchSql.clear();
                }
                case "cancel" -> cancelRequested = true;
                case "setQueryTimeout" -> queryTimeout = (Integer) args[0];
                case "getResultSet" -> {
                    return wrapResult((ResultSet) EchoJdbc.invoke(target, method, args));
                }
                case "getConnection" -> {
                    return connection.self;
                }
                case "close" -> {
                    finishPending();
                    connection.forget(this);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "EchoStatement[" + target + "]";
                }
                default -> {}
            }
            return EchoJdbc.invoke(target, method, args);
        }

        private Object execute(Method method, Object[] args) throws Throwable {
            finishPending();
            connection.publishImplicitBegin();
            var name = method.getName();
            var batch = name.endsWith("Batch");
            var text = statementText(args, batch);
            connection.noteSessionChange(text);
            var values = batch ? flatten(batchRows) : List.copyOf(binds.values());
            var batchSize = batch ? Math.max(1, sql != null ? batchRows.size() : batchSql.size()) : 1;
            if (values.size() > MAX_BINDS) {
                values = List.copyOf(values.subList(0, MAX_BINDS));
            }
            var start = Instant.now();
            var nanos = System.nanoTime();
            cancelRequested = false;
            Object result;
            try {
                result = EchoJdbc.invoke(target, method, args);
            } catch (SQLException e) {
                if (cancelRequested) {
                    DatabaseErrors.markCancelRequested(e);
                } else if (queryTimeout > 0) {
                    DatabaseErrors.markTimeoutInEffect(e, queryTimeout);
                }
                connection.publish(start, nanos, text, values, batchSize, -1, e);
                throw e;
            } finally {
                if (batch) {
                    batchRows.clear();
                    batchSql.clear();
                }
            }
            var duration = Duration.ofNanos(System.nanoTime() - nanos);
            switch (result) {
                case ResultSet resultSet -> {
                    pending = new PendingQuery(start, duration, text, values, batchSize);
                    var wrappedResult = wrapResult(resultSet);
                    publishNowIfStreaming();
                    return wrappedResult;
                }
                case Boolean hasResultSet
                when hasResultSet -> {
                    pending = new PendingQuery(start, duration, text, values, batchSize);
                    publishNowIfStreaming();
                    return result;
                }
                case Boolean ignored -> {
                    long count;
                    try {
                        count = target.getUpdateCount();
                    } catch (SQLException e) {
                        count = -1;
                    }
                    connection.publishMeasured(start, duration, text, values, batchSize, count);
                    return result;
                }
                case int[] counts -> {
                    connection.publishMeasured(start, duration, text, values, batchSize, sum(counts));
                    return result;
                }
                case long[] counts -> {
                    long total = 0;
                    for (var c : counts) {
                        if (c < 0) {
                            total = -1;
                            break;
                        }
                        total += c;
                    }
                    connection.publishMeasured(start, duration, text, values, batchSize, total);
                    return result;
                }
                case Number count -> {
                    connection.publishMeasured(start, duration, text, values, batchSize, count.longValue());
                    return result;
                }
                default -> {
                    connection.publishMeasured(start, duration, text, values, batchSize, -1);
                    return result;
                }
            }
        }

        private String statementText(Object[] args, boolean batch) {
            if (sql != null) {
                return sql;
            }
            if (batch) {
                return String.join(";\n", batchSql);
            }
            return args != null && args.length > 0 && args[0] instanceof String text ? text : "";
        }

        private static long sum(int[] counts) {
            long total = 0;
            for (var c : counts) {
                if (c < 0) {
                    return -1; // SUCCESS_NO_INFO / EXECUTE_FAILED: the count is not known
                }
                total += c;
            }
            return total;
        }

        private static List<String> flatten(List<List<String>> rows) {
            var all = new ArrayList<String>();
            rows.forEach(all::addAll);
            return all;
        }

        private String render(int index, String setter, Object value) {
            var name = index - 1 < bindNames.size() ? bindNames.get(index - 1) : null;
            if (Secrets.isSecretName(name)) {
                return Secrets.MASK;
            }
            if (setter.equals("setNull") || value == null) {
                return "NULL";
            }
            if (setter.endsWith("Stream")
                    || setter.equals("setBlob")
                    || setter.equals("setClob")
                    || setter.equals("setNClob")
                    || setter.equals("setCharacterStream")
                    || setter.equals("setNCharacterStream")) {
                return "<" + setter.substring(3).toLowerCase(Locale.ROOT) + ">";
            }
            var text =
                    switch (value) {
                        case byte[] bytes -> "<" + bytes.length + " bytes>";
                        case String s -> "'" + s + "'";
                        case Character c -> "'" + c + "'";
                        case Array array -> String.valueOf(array);
                        default -> String.valueOf(value);
                    };
            text = Secrets.maskConnectionText(text);
            return text.length() <= MAX_BIND_LENGTH
                    ? text
                    : text.substring(0, MAX_BIND_LENGTH) + "... (" + text.length() + " characters)";
        }

        private ResultSet wrapResult(ResultSet resultSet) {
            if (resultSet == null) {
                return null;
            }
            if (resultSet == wrappedTarget) {
                return wrapped;
            }
            var query = pending;
            if (query == null) {
                return resultSet; // a result outside an execution we saw (e.g. getMoreResults): nothing to count
            }
            wrappedTarget = resultSet;
            wrapped = new EchoResultSet(resultSet, self, rows -> publishQuery(query, rows));
            return wrapped;
        }

        /**
         * A result read through a server-side cursor (fetch size set, inside a transaction) may stay open for as
         * long as the user scrolls; its statement is published at once, with the row count unknown, rather than
         * appearing in the log only when the cursor closes.
         */
        private void publishNowIfStreaming() {
            var query = pending;
            try {
                if (query != null && target.getFetchSize() > 0 && !connection.target.getAutoCommit()) {
                    publishQuery(query, -1);
                }
            } catch (SQLException | RuntimeException e) {
                // Unknown: keep waiting for the count.
            }
        }

        /** Publishes the query still waiting for its row count, with what is known now. */
        void finishPending() {
            var query = pending;
            pending = null;
            wrappedTarget = null;
            wrapped = null;
            if (query != null) {
                publishQuery(query, -1);
            }
        }

        void publishQuery(PendingQuery query, long rows) {
            if (query.published.compareAndSet(false, true)) {
                connection.publishMeasured(query.start, query.duration, query.sql, query.binds, query.batchSize, rows);
            }
        }
    }
}
