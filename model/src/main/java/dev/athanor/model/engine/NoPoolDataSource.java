package dev.athanor.model.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "No pool" mode (SQLAlchemy's NullPool): every checkout opens a fresh physical connection and closing the
 * checkout closes it. Counts open and opening connections for {@link PoolStats}.
 */
final class NoPoolDataSource extends PlainDataSource {
    private final PhysicalConnections physical;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger opening = new AtomicInteger();

    NoPoolDataSource(PhysicalConnections physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        opening.incrementAndGet();
        Connection connection;
        try {
            connection = physical.getConnection();
        } finally {
            opening.decrementAndGet();
        }
        open.incrementAndGet();
        var closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(
                NoPoolDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                        open.decrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    PoolStats stats() {
        var active = open.get();
        return new PoolStats(active, 0, opening.get(), active, -1);
    }
}
