package dev.athanor.model.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * One database as the product uses it: a connection pool (HikariCP) or "no pool" mode, the PostgreSQL dialect for
 * jOOQ, and the echo log of every statement sent. One Engine per connection profile; thread-safe.
 *
 * <p>The pool starts lazily, on the first checkout: opening an Engine never blocks and never fails for a server
 * that is down or a wrong password. The first checkout tries one connection at once and fails with a classified
 * {@link DatabaseException} ({@link AuthenticationFailed}, {@link ServerUnreachable}...) instead of waiting for the
 * pool's timeout; after a failure the next checkout tries again (e.g. with a password typed meanwhile).
 *
 * <p>Every failure leaving the Engine, from {@link #connection(String)} or from queries run through
 * {@link #dsl()}, is a {@link DatabaseException}.
 */
public final class Engine implements AutoCloseable {
    /** The origin recorded for queries run through {@link #dsl()} without one. */
    public static final String DEFAULT_ORIGIN = "application";

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    static {
        // jOOQ prints a banner and tips to its logger on first use; a desktop tool's log should not carry them.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final ConnectionProfile profile;
    private final PoolSettings settings;
    private final PhysicalConnections physical;
    private final NoPoolDataSource noPool;
    private final EchoLog echo = new EchoLog();
    private final Object poolLock = new Object();
    private final ConcurrentHashMap<String, DSLContext> contexts = new ConcurrentHashMap<>();
    private volatile HikariDataSource pool;
    private volatile boolean closed;

    private Engine(ConnectionProfile profile, PasswordSource passwords, PoolSettings settings) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.physical = new PhysicalConnections(profile, Objects.requireNonNull(passwords, "passwords"));
        this.noPool = settings.pooled() ? null : new NoPoolDataSource(physical);
    }

    /**
     * An Engine for {@code profile}; no connection is opened yet.
     *
     * @param passwords asked for the password each time a physical connection is opened
     */
    public static Engine create(ConnectionProfile profile, PasswordSource passwords, PoolSettings settings) {
        return new Engine(profile, passwords, settings);
    }

    /** An Engine using {@code password} (copied; null for none, e.g. trust authentication). */
    public static Engine create(ConnectionProfile profile, char[] password, PoolSettings settings) {
        return new Engine(profile, password == null ? PasswordSource.none() : PasswordSource.typed(password), settings);
    }

    /** The profile this Engine connects with. */
    public ConnectionProfile profile() {
        return profile;
    }

    /** How this Engine keeps connections. */
    public PoolSettings poolSettings() {
        return settings;
    }

    /** The statement log: recent statements and live subscription. */
    public EchoLog echo() {
        return echo;
    }

    /**
     * Checks out a connection whose statements are echoed under {@code origin}. Closing it returns it to the pool
     * (or, without a pool, closes it).
     *
     * @param origin who needs it, in the user's words: "console", "catalog", "table data"...
     * @throws DatabaseException classified: {@link AuthenticationFailed}, {@link ServerUnreachable},
     *     {@link PoolExhausted}...
     * @throws IllegalStateException when the Engine is closed
     */
    public Connection connection(String origin) {
        Objects.requireNonNull(origin, "origin");
        try {
            return EchoJdbc.wrap(checkout(), origin, echo, noPool == null);
        } catch (SQLException e) {
            throw classify(e);
        }
    }

    private Connection checkout() throws SQLException {
        if (closed) {
            throw new IllegalStateException("The connection to " + profile.name() + " has been closed.");
        }
        if (noPool != null) {
            return noPool.getConnection();
        }
        return startedPool().getConnection();
    }

    private HikariDataSource startedPool() throws SQLException {
        var current = pool;
        if (current != null) {
            return current;
        }
        synchronized (poolLock) {
            if (pool == null) {
                if (closed) {
                    throw new IllegalStateException("The connection to " + profile.name() + " has been closed.");
                }
                // One direct attempt first: a wrong password or a dead host fails now, classified, rather than
                // after the pool's checkout timeout.
                physical.getConnection().close();
                pool = new HikariDataSource(hikariConfig());
            }
            return pool;
        }
    }

    private HikariConfig hikariConfig() {
        var config = new HikariConfig();
        config.setPoolName("athanor-" + POOL_NUMBER.incrementAndGet() + "-"
                + profile.name().replaceAll("[^A-Za-z0-9_.-]", "_"));
        config.setDataSource(physical);
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setMinimumIdle(settings.minimumIdle());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        // The probe above already proved the server reachable; starting the pool must not block again.
        config.setInitializationFailTimeout(-1);
        config.setRegisterMbeans(false);
        return config;
    }

    /** The pool at this moment; all zero before the first checkout. */
    public PoolStats poolStats() {
        if (noPool != null) {
            return noPool.stats();
        }
        var current = pool;
        if (current == null || current.isClosed()) {
            return new PoolStats(0, 0, 0, 0, settings.maximumPoolSize());
        }
        var bean = current.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolStats(0, 0, 0, 0, settings.maximumPoolSize());
        }
        return new PoolStats(
                bean.getActiveConnections(),
                bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(),
                bean.getTotalConnections(),
                settings.maximumPoolSize());
    }

    /** jOOQ bound to this Engine; its queries are echoed under {@value #DEFAULT_ORIGIN}. */
    public DSLContext dsl() {
        return dsl(DEFAULT_ORIGIN);
    }

    /**
     * jOOQ bound to this Engine, its queries echoed under {@code origin}. Each query checks a connection out and
     * returns it; for a transaction use {@link #inTransaction} or {@link #begin}. Failures are {@link DatabaseException}s.
     */
    public DSLContext dsl(String origin) {
        Objects.requireNonNull(origin, "origin");
        return contexts.computeIfAbsent(origin, this::newDsl);
    }

    private DSLContext newDsl(String origin) {
        return dslOver(new OriginConnections(origin), this::classify);
    }

    /** jOOQ over {@code connections}: PostgreSQL dialect, no jOOQ logging, failures classified. */
    static DSLContext dslOver(ConnectionProvider connections, Function<Throwable, DatabaseException> classify) {
        var configuration = new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withExecuteLogging(false))
                .set(connections)
                .set(new ExecuteListener() {
                    @Override
                    public void exception(ExecuteContext context) {
                        var failure = context.exception();
                        if (failure != null && !(failure instanceof DatabaseException)) {
                            var cause = context.sqlException() != null ? context.sqlException() : failure;
                            context.exception(classify.apply(cause));
                        }
                    }
                });
        return DSL.using(configuration);
    }

    /**
     * Begins a transaction: checks out a connection echoed under {@code origin}, turns auto-commit off and applies
     * {@code mode}. The transaction lasts until {@link Transaction#commit()}, {@link Transaction#rollback()} or
     * {@link Transaction#close()}, which return the connection clean (auto-commit on, read-write, default
     * isolation). The server sees BEGIN with the first statement.
     *
     * @param origin who needs it, in the user's words ("catalog", "table data"...); the echo log shows it
     * @throws DatabaseException classified, e.g. {@link ServerUnreachable}
     */
    public Transaction begin(String origin, TransactionMode mode) {
        return Transaction.begin(connection(origin), mode, this::classify, false);
    }

    /**
     * Runs {@code work} in a transaction of its own: commits when it returns, rolls back when it throws. A failure
     * is classified (a {@link DatabaseException}); what fails while rolling back and returning the connection is
     * added to it as suppressed. Runtime exceptions with no database failure behind them (programming errors)
     * leave unchanged, after the rollback.
     *
     * @return what {@code work} returned
     */
    public <T> T inTransaction(String origin, TransactionMode mode, TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        return Transaction.complete(begin(origin, mode), work);
    }

    /**
     * Opens a read-only, forward-only server-side cursor over {@code sql} in a {@link TransactionMode#READ_ONLY}
     * transaction of its own. Reading it to the end or closing it ends that transaction and returns the
     * connection. Values are bound as by {@link Transaction#cursor}.
     *
     * @param fetchSize rows per round trip to the server
     * @throws DatabaseException classified; the transaction is then already ended
     */
    public Cursor cursor(String origin, String sql, List<?> binds, int fetchSize) {
        return cursor(origin, sql, binds, fetchSize, transaction -> {});
    }

    /**
     * {@link #cursor(String, String, List, int)}, telling {@code begun} about the cursor's transaction before the
     * query is sent, so that another thread can stop a slow query with {@link Transaction#cancelRunning()} while
     * it opens.
     */
    public Cursor cursor(String origin, String sql, List<?> binds, int fetchSize, Consumer<Transaction> begun) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(binds, "binds");
        var transaction = begin(origin, TransactionMode.READ_ONLY);
        try {
            begun.accept(transaction);
            return transaction.cursorEndingTransaction(sql, binds, fetchSize);
        } catch (RuntimeException e) {
            var failure = e instanceof IllegalArgumentException ? e : classify(e);
            try {
                transaction.close();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** Hands out echoed connections under one origin, to jOOQ. */
    private final class OriginConnections implements ConnectionProvider {
        private final String origin;

        OriginConnections(String origin) {
            this.origin = origin;
        }

        @Override
        public Connection acquire() {
            return connection(origin);
        }

        @Override
        public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new DataAccessException("Could not return a connection to the pool", e);
            }
        }
    }

    /**
     * A {@link DataSource} view of this Engine (for libraries that want one): echoed connections under
     * {@code origin}. Checkout failures are {@link SQLException}s whose cause is the classified
     * {@link DatabaseException}.
     */
    public DataSource dataSource(String origin) {
        Objects.requireNonNull(origin, "origin");
        return new OriginDataSource(origin);
    }

    /** {@link #dataSource(String)} with origin {@value #DEFAULT_ORIGIN}. */
    public DataSource dataSource() {
        return dataSource(DEFAULT_ORIGIN);
    }

    private final class OriginDataSource extends PlainDataSource {
        private final String origin;

        OriginDataSource(String origin) {
            this.origin = origin;
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return connection(origin);
            } catch (DatabaseException e) {
                throw new SQLException(e.userMessage(), e.sqlState(), e);
            }
        }
    }

    /**
     * Connects and reports what the server says about itself: the "Test" button. The query is echoed under
     * origin "connection test".
     *
     * @throws DatabaseException classified, e.g. {@link AuthenticationFailed} for a wrong password
     */
    public ServerInfo testConnection() {
        try (var connection = connection("connection test");
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT version(), current_setting('server_version'), "
                        + "current_setting('server_version_num')::int, current_user, current_database(), "
                        + "pg_backend_pid()")) {
            result.next();
            return new ServerInfo(
                    result.getString(1),
                    result.getString(2),
                    result.getInt(3),
                    result.getString(4),
                    result.getString(5),
                    result.getInt(6));
        } catch (SQLException e) {
            throw classify(e);
        }
    }

    /** Classifies a failure on this Engine's connections, naming its user, host and port. */
    public DatabaseException classify(Throwable failure) {
        return DatabaseErrors.classify(failure, profile, physical.passwordGiven());
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the pool and every connection in it, including checked-out ones (HikariCP aborts them, so their next
     * call fails instead of the close waiting for them). Further checkouts fail with {@link IllegalStateException}.
     * Without a pool, connections still checked out stay open until their holders close them.
     */
    @Override
    public void close() {
        synchronized (poolLock) {
            closed = true;
            if (pool != null) {
                pool.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Engine[" + profile.name() + ": " + profile.target() + (settings.pooled() ? "" : ", no pool") + "]";
    }
}
