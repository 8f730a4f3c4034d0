package dev.athanor.app.echo;

import dev.athanor.app.task.Background;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live statement log: receives statements from any thread and shows them on the UI thread.
 *
 * <p>Statements arrive on the worker threads that executed them, sometimes thousands per second (a lazy
 * loading demonstration). Each one is queued; a single UI-thread task drains the queue, so a burst costs one
 * list change instead of one per statement. The list keeps the newest {@link #capacity()} rows.
 */
public final class EchoLogModel {
    /** How many rows the log keeps by default; older rows fall off the top. */
    public static final int DEFAULT_CAPACITY = 5_000;

    private final Background background;
    private final int capacity;
    private final Queue<EchoRow> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ObservableList<EchoRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EchoRow> visibleRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(this, "autoScroll", true);

    public EchoLogModel(Background background) {
        this(background, DEFAULT_CAPACITY);
    }

    public EchoLogModel(Background background, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.background = background;
        this.capacity = capacity;
        filter.addListener((obs, old, text) -> visibleRows.setPredicate(matching(text)));
    }

    /** Queues a statement; safe to call from any thread. */
    public void offer(EchoRow row) {
        incoming.add(row);
        if (drainScheduled.compareAndSet(false, true)) {
            background.onUiThread(this::drain);
        }
    }

    /** Moves queued statements into the list. Runs on the UI thread. */
    void drain() {
        drainScheduled.set(false);
        var batch = new java.util.ArrayList<EchoRow>();
        for (EchoRow row; (row = incoming.poll()) != null; ) {
            batch.add(row);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() >= capacity) {
            rows.setAll(batch.subList(batch.size() - capacity, batch.size()));
            return;
        }
        int overflow = rows.size() + batch.size() - capacity;
        if (overflow > 0) {
            rows.remove(0, overflow);
        }
        rows.addAll(batch);
    }

    /** Empties the log. */
    public void clear() {
        incoming.clear();
        rows.clear();
    }

    /** Text of the given rows, one statement per line, for the clipboard. */
    public String copyText(List<EchoRow> selection) {
        return selection.stream().map(EchoRow::asText).collect(Collectors.joining("\n"));
    }

    /** Text of every row the filter lets through. */
    public String copyAllText() {
        return copyText(visibleRows);
    }

    /** Every row kept, newest last. */
    public ObservableList<EchoRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The rows the filter lets through, newest last. */
    public ObservableList<EchoRow> visibleRows() {
        return visibleRows;
    }

    /**
     * Filter text: rows whose SQL, origin or bind values contain it (ignoring case) stay visible. {@code
     * origin:NAME} keeps only rows whose origin contains NAME.
     */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Whether the view follows the newest row. */
    public BooleanProperty autoScrollProperty() {
        return autoScroll;
    }

    public int capacity() {
        return capacity;
    }

    private static java.util.function.Predicate<EchoRow> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        if (needle.startsWith("origin:")) {
            String origin = needle.substring("origin:".length()).strip();
            return row -> row.origin().toLowerCase(Locale.ROOT).contains(origin);
        }
        return row -> row.sql().toLowerCase(Locale.ROOT).contains(needle)
                || row.origin().toLowerCase(Locale.ROOT).contains(needle)
                || row.bindsText().toLowerCase(Locale.ROOT).contains(needle);
    }
}
