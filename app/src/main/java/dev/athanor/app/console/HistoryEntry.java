package dev.athanor.app.console;

import java.time.Duration;
import java.time.Instant;

/**
 * One statement the console ran.
 *
 * @param startedAt when it was sent
 * @param sql the statement as written (with its {@code :name} parameters)
 * @param duration how long the server took, including the first page of rows
 * @param outcome "4 rows", "1,000+ rows", "3 rows affected", or the error in plain words
 * @param failed whether it failed (or was cancelled)
 */
public record HistoryEntry(Instant startedAt, String sql, Duration duration, String outcome, boolean failed) {}
