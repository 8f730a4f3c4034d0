package dev.athanor.app.results;

import dev.athanor.app.results.ResultColumn.ValueKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * An open server-side cursor (a JDBC result set read with a fetch size, auto-commit off) from which rows are taken
 * page by page on worker threads.
 *
 * <p>The lock guards the connection: the console's connection is shared by its statements and by the cursor of
 * the result it shows, and a JDBC connection serves one thread at a time.
 */
public final class RowCursor implements AutoCloseable {
    private final ResultSet resultSet;
    private final Statement statement;
    private final Lock lock;
    private final AutoCloseable afterClose;
    private final List<ResultColumn> columns;
    private volatile boolean exhausted;
    private volatile boolean closed;

    private RowCursor(ResultSet resultSet, Lock lock, AutoCloseable afterClose, List<ResultColumn> columns)
            throws SQLException {
        this.resultSet = resultSet;
        this.statement = resultSet.getStatement();
        this.lock = lock;
        this.afterClose = afterClose;
        this.columns = columns;
    }

    /**
     * Wraps a result set that was just produced; call with {@code lock} held or on a connection no one else uses.
     *
     * @param afterClose run after the result set and its statement are closed (e.g. hand the connection back);
     *     may be {@code null}
     */
    public static RowCursor of(ResultSet resultSet, Lock lock, AutoCloseable afterClose) throws SQLException {
        var meta = resultSet.getMetaData();
        var columns = new ArrayList<ResultColumn>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String typeName = meta.getColumnTypeName(i);
            columns.add(new ResultColumn(meta.getColumnLabel(i), typeName, kindOf(meta.getColumnType(i), typeName)));
        }
        return new RowCursor(resultSet, lock, afterClose, List.copyOf(columns));
    }

    private static ValueKind kindOf(int jdbcType, String typeName) {
        if ("money".equals(typeName)) return ValueKind.TEXT; // the driver cannot read "$1,000.00" as a number
        return switch (jdbcType) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.NUMERIC,
                    Types.DECIMAL,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE -> ValueKind.NUMBER;
            case Types.BIT, Types.BOOLEAN -> ValueKind.BOOLEAN;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> ValueKind.BYTES;
            default -> ValueKind.TEXT;
        };
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    /**
     * Reads up to {@code max} more rows (blocking; worker thread only). When the result ends, the cursor closes
     * itself, releasing the server's resources at once.
     */
    public List<ResultRow> fetch(int max) throws SQLException {
        lock.lock();
        try {
            if (closed || exhausted) return List.of();
            var rows = new ArrayList<ResultRow>(Math.min(max, 1024));
            while (rows.size() < max) {
                if (!resultSet.next()) {
                    exhausted = true;
                    closeLocked();
                    break;
                }
                rows.add(readRow());
            }
            return rows;
        } finally {
            lock.unlock();
        }
    }

    private ResultRow readRow() throws SQLException {
        var values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (columns.get(i).kind()) {
                case NUMBER -> readNumber(i + 1);
                case BOOLEAN -> {
                    boolean value = resultSet.getBoolean(i + 1);
                    yield resultSet.wasNull() ? null : value;
                }
                case BYTES -> resultSet.getBytes(i + 1);
                case TEXT -> resultSet.getString(i + 1);
            };
        }
        return new ResultRow(values);
    }

    private Object readNumber(int column) throws SQLException {
        try {
            return resultSet.getObject(column);
        } catch (SQLException notANumber) {
            // e.g. numeric 'NaN' or 'Infinity' on drivers that refuse them: show what the server sent
            return resultSet.getString(column);
        }
    }

    /** True once every row has been read. */
    public boolean isExhausted() {
        return exhausted;
    }

    /** True once closed, by the end of the rows or by {@link #close()}. */
    public boolean isClosed() {
        return closed;
    }

    /** Asks the server to stop the statement feeding this cursor; callable from any thread. */
    public void cancel() throws SQLException {
        if (!closed) statement.cancel();
    }

    /** Closes the result set, its statement and then runs the {@code afterClose} action (worker thread only). */
    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked() throws SQLException {
        if (closed) return;
        closed = true;
        SQLException failure = null;
        for (AutoCloseable closeable : new AutoCloseable[] {resultSet, statement, afterClose}) {
            if (closeable == null) continue;
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) throw failure;
    }
}
