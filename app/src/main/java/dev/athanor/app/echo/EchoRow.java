package dev.athanor.app.echo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One statement as the echo log shows it.
 *
 * @param time when the statement started
 * @param duration how long it ran
 * @param rows rows returned or affected, or {@code -1} when the driver did not say
 * @param connectionPid backend process id of the connection that ran it, or {@code 0} when unknown
 * @param origin what in the product caused it (for example {@code "schema tree"})
 * @param sql the statement text with placeholders
 * @param binds the bind values, already rendered as text
 * @param failed whether the statement ended in an error
 */
public record EchoRow(
        Instant time,
        Duration duration,
        long rows,
        int connectionPid,
        String origin,
        String sql,
        List<String> binds,
        boolean failed) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    public EchoRow {
        binds = List.copyOf(binds);
    }

    /** Local wall-clock time of the statement, to the millisecond. */
    public String clock() {
        return CLOCK.format(LocalTime.ofInstant(time, ZoneId.systemDefault()));
    }

    /** Duration in milliseconds with one decimal, the unit people compare statements in. */
    public String millis() {
        return String.format("%.1f ms", duration.toNanos() / 1_000_000.0);
    }

    public String rowsText() {
        return rows < 0 ? "" : Long.toString(rows);
    }

    public String pidText() {
        return connectionPid == 0 ? "" : Long.toString(connectionPid);
    }

    public String bindsText() {
        return binds.isEmpty() ? "" : String.join(", ", binds);
    }

    /** One line of text: what Copy puts on the clipboard for this row. */
    public String asText() {
        var line = new StringBuilder()
                .append(clock())
                .append('\t')
                .append(millis())
                .append('\t')
                .append(rowsText().isEmpty() ? "-" : rowsText())
                .append(" rows\tpid ")
                .append(pidText().isEmpty() ? "-" : pidText())
                .append('\t')
                .append(origin)
                .append('\t')
                .append(sql.strip().replaceAll("\\s+", " "));
        if (!binds.isEmpty()) {
            line.append("\t-- binds: ").append(bindsText());
        }
        if (failed) {
            line.append("\t-- failed");
        }
        return line.toString();
    }
}
