package dev.athanor.model.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statement log of one Engine: keeps the most recent events in a bounded ring and tells subscribers about
 * each new one.
 *
 * <p>Subscribers are called on the thread that ran the statement, right after it completed, so they must be quick
 * (queue the event, do not touch the UI directly). A subscriber that throws cannot break the statement: the
 * exception is logged and the statement's outcome stays as it was.
 */
public final class EchoLog {
    /** How many events are kept when no other capacity is given. */
    public static final int DEFAULT_CAPACITY = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(EchoLog.class);

    /** A listener registration; closing it stops the deliveries. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final int capacity;
    private final ArrayDeque<EchoEvent> recent;
    private final CopyOnWriteArrayList<Consumer<? super EchoEvent>> listeners = new CopyOnWriteArrayList<>();
    private long nextSequence = 1;

    /** A log keeping the last {@value #DEFAULT_CAPACITY} events. */
    public EchoLog() {
        this(DEFAULT_CAPACITY);
    }

    /** A log keeping the last {@code capacity} events. */
    public EchoLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** How many events the ring keeps. */
    public int capacity() {
        return capacity;
    }

    /** Calls {@code listener} with every event from now on, until the subscription is closed. */
    public Subscription subscribe(Consumer<? super EchoEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        // A wrapper per subscription, so the same listener subscribed twice can be closed twice independently.
        Consumer<? super EchoEvent> entry = listener::accept;
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    /** The kept events, oldest first. */
    public synchronized List<EchoEvent> recent() {
        return List.copyOf(recent);
    }

    /** The kept events whose origin is {@code origin}, oldest first (handy for tests and per-pane views). */
    public synchronized List<EchoEvent> recent(String origin) {
        var matching = new ArrayList<EchoEvent>();
        for (var event : recent) {
            if (event.origin().equals(origin)) {
                matching.add(event);
            }
        }
        return List.copyOf(matching);
    }

    /** Forgets the kept events (subscribers stay). */
    public synchronized void clear() {
        recent.clear();
    }

    /** Numbers and records an event, then tells the subscribers. */
    EchoEvent publish(EventDraft draft) {
        EchoEvent event;
        synchronized (this) {
            event = draft.toEvent(nextSequence++);
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(event);
        }
        for (var listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn(
                        "An echo listener failed on statement #{}; the statement is not affected", event.sequence(), e);
            }
        }
        return event;
    }

    /** An event before it gets its sequence number. */
    record EventDraft(
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
        EchoEvent toEvent(long sequence) {
            return new EchoEvent(
                    sequence, time, origin, connectionPid, sql, binds, batchSize, duration, rows, failed, sqlState);
        }
    }
}
