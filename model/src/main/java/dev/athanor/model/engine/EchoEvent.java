package dev.athanor.model.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One statement the Engine sent to the server, as the echo log shows it.
 *
 * @param sequence increasing number, unique within one Engine (gaps never occur; order of completion)
 * @param time when the statement started
 * @param origin what in the product caused it ("console", "catalog", "table data"...)
 * @param connectionPid the server backend process id of the connection that ran it ({@code pg_backend_pid()}), or 0
 *     when unknown
 * @param sql the statement text with placeholders; password literals replaced by {@code ***}
 * @param binds the bound values as text, in placeholder order; values bound to a secret-looking column or parameter
 *     (password, secret, token...) are {@code ***}. For a batch, the rows' values one after the other.
 * @param batchSize how many parameter rows or statements were sent in one batch; 1 for a single execution
 * @param duration how long the server took to answer the execute call (fetching later rows not included)
 * @param rows rows returned (counted once the result was read to its end) or affected; -1 when unknown, for example
 *     when a result set was closed before its end
 * @param failed whether the statement ended in an error
 * @param sqlState the error's SQLSTATE when it failed and the driver gave one, else null
 */
public record EchoEvent(
        long sequence,
        Instant time,
        String origin,
        int connectionPid,
        String sql,
        List<String> binds,
        int batchSize,
        Duration duration,
        long rows,
        boolean failed,
        String sqlState) {

    public EchoEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sql, "sql");
        binds = List.copyOf(binds);
        Objects.requireNonNull(duration, "duration");
    }

    /** {@code sql} with its bound values, e.g. for a status line: {@code select ... -- binds: 'alice', 3}. */
    public String describe() {
        return binds.isEmpty() ? sql : sql + " -- binds: " + String.join(", ", binds);
    }
}
