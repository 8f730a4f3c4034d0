package dev.athanor.model.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How an Engine keeps connections.
 *
 * @param pooled false for "no pool" mode (SQLAlchemy's NullPool): every checkout opens a fresh physical connection
 *     and closing it really closes it; the other fields are then ignored except {@code connectionTimeout}
 * @param maximumPoolSize most connections open at once (at least 1)
 * @param minimumIdle idle connections the pool tries to keep ready (0 to maximumPoolSize)
 * @param connectionTimeout longest wait for a connection at checkout (at least 250 ms)
 * @param idleTimeout how long an idle connection above {@code minimumIdle} is kept (0 = forever, else at least 10 s)
 * @param maxLifetime a connection is retired after this long (0 = never, else at least 30 s)
 */
public record PoolSettings(
        boolean pooled,
        int maximumPoolSize,
        int minimumIdle,
        Duration connectionTimeout,
        Duration idleTimeout,
        Duration maxLifetime) {

    public PoolSettings {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximum pool size must be at least 1, not " + maximumPoolSize);
        }
        if (minimumIdle < 0 || minimumIdle > maximumPoolSize) {
            throw new IllegalArgumentException("minimum idle must be between 0 and the maximum pool size "
                    + maximumPoolSize + ", not " + minimumIdle);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException(
                    "connection timeout must be at least 250 ms, not " + connectionTimeout.toMillis() + " ms");
        }
        if (!idleTimeout.isZero() && idleTimeout.toMillis() < 10_000) {
            throw new IllegalArgumentException("idle timeout must be 0 (never) or at least 10 s");
        }
        if (!maxLifetime.isZero() && maxLifetime.toMillis() < 30_000) {
            throw new IllegalArgumentException("max lifetime must be 0 (never) or at least 30 s");
        }
    }

    /** A small pool for a desktop: up to 5 connections, 1 kept idle, 10 s checkout wait, 10 min idle, 30 min life. */
    public static PoolSettings defaults() {
        return new PoolSettings(true, 5, 1, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(30));
    }

    /** No pool: a fresh physical connection for every checkout. */
    public static PoolSettings noPool() {
        return defaults().withPooled(false);
    }

    /** A copy with or without a pool. */
    public PoolSettings withPooled(boolean newPooled) {
        return new PoolSettings(newPooled, maximumPoolSize, minimumIdle, connectionTimeout, idleTimeout, maxLifetime);
    }

    /** A copy with another maximum size (minimum idle lowered to fit). */
    public PoolSettings withMaximumPoolSize(int size) {
        return new PoolSettings(pooled, size, Math.min(minimumIdle, size), connectionTimeout, idleTimeout, maxLifetime);
    }

    /** A copy with another minimum of idle connections. */
    public PoolSettings withMinimumIdle(int idle) {
        return new PoolSettings(pooled, maximumPoolSize, idle, connectionTimeout, idleTimeout, maxLifetime);
    }

    /** A copy with another checkout wait. */
    public PoolSettings withConnectionTimeout(Duration timeout) {
        return new PoolSettings(pooled, maximumPoolSize, minimumIdle, timeout, idleTimeout, maxLifetime);
    }

    /** A copy with another idle timeout. */
    public PoolSettings withIdleTimeout(Duration timeout) {
        return new PoolSettings(pooled, maximumPoolSize, minimumIdle, connectionTimeout, timeout, maxLifetime);
    }

    /** A copy with another connection lifetime. */
    public PoolSettings withMaxLifetime(Duration lifetime) {
        return new PoolSettings(pooled, maximumPoolSize, minimumIdle, connectionTimeout, idleTimeout, lifetime);
    }
}
