package dev.athanor.app.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one query through a server-side cursor and hands each row to the writer as it arrives, so memory stays
 * bounded whatever the size of the result. PostgreSQL only keeps a cursor open inside a transaction, hence
 * auto-commit is off; pgjdbc then fetches {@value #FETCH_SIZE} rows at a time.
 */
final class ResultStream {
    static final int FETCH_SIZE = 1_000;

    private final Connection connection;
    private final AtomicReference<Statement> running;

    /**
     * @param running holds the statement while it runs, so that an interrupt can cancel it on the server
     */
    ResultStream(Connection connection, AtomicReference<Statement> running) {
        this.connection = connection;
        this.running = running;
    }

    /**
     * Runs {@code query} and writes its rows.
     *
     * @return the number of rows written
     * @throws SQLException as the driver reports it (the caller classifies it)
     * @throws IOException when standard output fails
     */
    long run(PreparedQuery query, RowWriter writer) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (var statement = connection.prepareStatement(
                query.sql().sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            query.sql().bindTo(statement);
            running.set(statement);
            long rows = 0;
            try (var result = statement.executeQuery()) {
                var columns = Column.of(result.getMetaData());
                writer.begin(query.saved().name(), columns);
                var values = new String[columns.size()];
                while (result.next()) {
                    read(result, columns, values);
                    writer.row(values);
                    rows++;
                }
                writer.end();
            } finally {
                running.set(null);
            }
            connection.commit();
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    private static void read(ResultSet result, List<Column> columns, String[] values) throws SQLException {
        for (var i = 0; i < values.length; i++) {
            if (columns.get(i).kind() == Column.Kind.BOOLEAN) {
                var value = result.getBoolean(i + 1);
                values[i] = result.wasNull() ? null : Boolean.toString(value);
            } else {
                values[i] = result.getString(i + 1);
            }
        }
    }

    private void rollbackQuietly(Exception failure) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
