package dev.athanor.model.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * An open server-side cursor (a portal): a read-only, forward-only query whose rows are read page by page, on
 * worker threads, with {@link #fetch(int)}.
 *
 * <p>Values come as the driver's {@code getObject} for numbers, {@code Boolean} for booleans, {@code byte[]} for
 * bytea and text otherwise (money, and numbers the driver cannot convert such as NaN, as the server prints them).
 *
 * <p>A cursor opened by {@link Engine#cursor} has a transaction of its own, which it ends when read to the end or
 * closed; one opened by {@link Transaction#cursor}, or by a statement of a {@link ManualCommitConnection},
 * closes with its transaction. Fetching and closing take the transaction's lock; {@link #cancel()} may be called from any thread.
 */
public final class Cursor implements AutoCloseable {
    private final Transaction transaction;

    private final Lock lock;
    private final Function<Throwable, DatabaseException> classify;
    private final Statement statement;
    private final ResultSet resultSet;
    private final List<CursorColumn> columns;
    private final boolean endsTransaction;
    private volatile boolean exhausted;
    private volatile boolean closed;

    private Cursor(
            Transaction transaction,
            Lock lock,
            Function<Throwable, DatabaseException> classify,
            ResultSet resultSet,
            boolean endsTransaction)
            throws SQLException {
        this.transaction = transaction;
        this.lock = lock;
        this.classify = classify;
        this.statement = resultSet.getStatement();
        this.resultSet = resultSet;
        this.columns = columnsOf(resultSet);
        this.endsTransaction = endsTransaction;
    }

    /** A cursor over a result just produced in {@code transaction} (whose lock the caller holds). */
    static Cursor over(Transaction transaction, ResultSet resultSet) {
        try {
            return new Cursor(transaction, transaction.lock(), transaction::classify, resultSet, false);
        } catch (SQLException e) {
            throw transaction.classify(e);
        }
    }

    /** Runs {@code sql} in {@code transaction} (whose lock the caller holds). */
    static Cursor open(Transaction transaction, String sql, List<?> binds, int fetchSize, boolean endsTransaction) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch size " + fetchSize + " < 1");
        }
        PreparedStatement statement = null;
        try {
            statement = transaction
                    .rawConnection()
                    .prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < binds.size(); i++) {
                if (binds.get(i) instanceof String text) {
                    // untyped, so the server infers the type from the context (an enum, a date...) as for a literal
                    statement.setObject(i + 1, text, Types.OTHER);
                } else {
                    statement.setObject(i + 1, binds.get(i));
                }
            }
            var resultSet = statement.executeQuery();
            return new Cursor(transaction, transaction.lock(), transaction::classify, resultSet, endsTransaction);
        } catch (SQLException | RuntimeException e) {
            throw closeAfterFailure(statement, transaction.classify(e));
        }
    }

    /** Closes {@code statement} (when there is one) after {@code failure}, which gets what fails as suppressed. */
    static DatabaseException closeAfterFailure(Statement statement, DatabaseException failure) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException | RuntimeException closing) {
                failure.addSuppressed(closing);
            }
        }
        return failure;
    }

    private static List<CursorColumn> columnsOf(ResultSet resultSet) throws SQLException {
        var meta = resultSet.getMetaData();
        var columns = new ArrayList<CursorColumn>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            var typeName = storedType(meta.getColumnTypeName(i));
            columns.add(new CursorColumn(meta.getColumnLabel(i), typeName, kindOf(meta.getColumnType(i), typeName)));
        }
        return List.copyOf(columns);
    }

    /**
     * The type the column is stored as. The driver names an auto-incrementing {@code int4} column "serial" (and
     * {@code int8} "bigserial"), whether it is an identity column or has a sequence default; neither is a type a
     * column has, so the grid would show a type the server never reports.
     */
    static String storedType(String driverTypeName) {
        return switch (driverTypeName) {
            case "smallserial" -> "int2";
            case "serial" -> "int4";
            case "bigserial" -> "int8";
            default -> driverTypeName;
        };
    }

    private static ValueKind kindOf(int jdbcType, String typeName) {
        if ("money".equals(typeName)) {
            return ValueKind.TEXT; // the driver cannot read "$1,000.00" as a number
        }
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

    /** The columns of the rows, in order. */
    public List<CursorColumn> columns() {
        return columns;
    }

    /**
     * Reads up to {@code max} more rows (blocking; worker thread). At the end of the rows the cursor closes itself,
     * releasing the server's portal at once (and its own transaction, if it has one). A failure closes it too when
     * it has its own transaction. Returns an empty list once closed or exhausted.
     */
    public List<Object[]> fetch(int max) {
        return fetch(max, this::readRow);
    }

    /**
     * As {@link #fetch(int)}, every value as the server prints it ({@code getString}), booleans as {@code true} /
     * {@code false}: for writing rows out as text (the command line), where a number must keep its exact form.
     */
    public List<String[]> fetchText(int max) {
        return fetch(max, this::readTextRow);
    }

    @FunctionalInterface
    private interface RowReader<R> {
        R read() throws SQLException;
    }

    private <R> List<R> fetch(int max, RowReader<R> reader) {
        lock.lock();
        try {
            if (closed || exhausted) {
                return List.of();
            }
            var rows = new ArrayList<R>(Math.min(Math.max(max, 0), 1024));
            while (rows.size() < max) {
                if (!resultSet.next()) {
                    exhausted = true;
                    closeLocked();
                    break;
                }
                rows.add(reader.read());
            }
            return rows;
        } catch (SQLException | RuntimeException e) {
            var failure = classify.apply(e);
            if (endsTransaction) {
                try {
                    closeLocked();
                } catch (RuntimeException closing) {
                    failure.addSuppressed(closing);
                }
            }
            throw failure;
        } finally {
            lock.unlock();
        }
    }

    private Object[] readRow() throws SQLException {
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
        return values;
    }

    private String[] readTextRow() throws SQLException {
        var values = new String[columns.size()];
        for (int i = 0; i < values.length; i++) {
            if (columns.get(i).kind() == ValueKind.BOOLEAN) {
                boolean value = resultSet.getBoolean(i + 1);
                values[i] = resultSet.wasNull() ? null : Boolean.toString(value);
            } else {
                values[i] = resultSet.getString(i + 1);
            }
        }
        return values;
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

    /** True once closed: by the end of the rows, by {@link #close()} or by the end of its transaction. */
    public boolean isClosed() {
        return closed;
    }

    /** Asks the server to stop the statement feeding this cursor; any thread; nothing once closed. */
    public void cancel() {
        if (closed) {
            return;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            throw classify.apply(e);
        }
    }

    /** Closes the portal (and ends the cursor's own transaction, if it has one); nothing when already closed. */
    @Override
    public void close() {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked() {
        if (closed) {
            return;
        }
        closed = true;
        DatabaseException failure = null;
        try {
            closeStatement();
        } catch (SQLException | RuntimeException e) {
            failure = classify.apply(e);
        }
        transaction.forget(this);
        if (endsTransaction) {
            try {
                transaction.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = classify.apply(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The transaction is ending (its lock held): the portal goes with it, nothing is left to report. */
    void closeWithTransaction() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeStatement();
        } catch (SQLException | RuntimeException e) {
            // the server drops the portal with the transaction anyway
        }
    }

    private void closeStatement() throws SQLException {
        try {
            resultSet.close();
        } finally {
            statement.close();
        }
    }
}
