package dev.athanor.app.session;

import dev.athanor.app.problem.Problem;
import dev.athanor.app.task.Background;
import dev.athanor.app.task.PendingWork;
import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.session.Row;
import dev.athanor.model.session.Session;
import dev.athanor.model.session.TransactionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's Session on the connected database, and the buttons of the Session panel.
 *
 * <p>The session is opened on first use from the connection's {@link Engine} with the catalog the schema tree
 * loaded, and closed (rolling back what it left open) with the connection. Every call to it runs on one worker
 * thread of its own, in the order the user asked, through {@link Background} so the status bar shows it; after
 * each, a {@link SessionSnapshot} is taken there and published on the UI thread. Its statements reach the echo log
 * under the origin {@value Session#ORIGIN}.
 */
public final class SessionModel implements AutoCloseable {
    /** How long a transaction may sit open before the status bar warns. */
    public static final Duration IDLE_WARNING = Duration.ofMinutes(2);

    private final Background background;
    private final Engine engine;
    private final ExecutorService lane = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "athanor-session");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyObjectWrapper<SessionSnapshot> snapshot =
            new ReadOnlyObjectWrapper<>(this, "snapshot", SessionSnapshot.EMPTY);
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    /** The open savepoints, innermost first; touched only on the lane. */
    private final Deque<Session.Nested> savepoints = new ArrayDeque<>();
    /** Views that read the session after every call; added and removed on the UI thread, read on the lane. */
    private final java.util.List<Watcher> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile Catalog catalog;
    private Session session;
    private boolean closed;

    public SessionModel(Background background, Engine engine) {
        this.background = background;
        this.engine = engine;
    }

    /** The connection the session is opened on, for reads outside the session (the foreign-key searches). */
    Engine engine() {
        return engine;
    }

    /** Where work off the UI thread runs. */
    Background background() {
        return background;
    }

    /** Gives the catalog the session maps tables from; the session opens with the latest one given. */
    public void useCatalog(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A view that reads the session on its lane after every call and then shows what it read. */
    public interface Watcher {
        /** Reads what the view shows (on the lane); the returned action shows it on the UI thread. */
        Runnable read(Session session);
    }

    /** Reads {@code watcher} after every call from now on. */
    public void watch(Watcher watcher) {
        watchers.add(watcher);
    }

    /** Stops reading {@code watcher}. */
    public void unwatch(Watcher watcher) {
        watchers.remove(watcher);
    }

    /**
     * Runs {@code work} on the session's lane, then {@code then} on the UI thread with its result. A failure is
     * shown as the model's problem (and, for a failed flush, as the session's failure) and {@code then} is not
     * called.
     */
    public <T> void run(String description, Function<Session, T> work, Consumer<? super T> then) {
        if (closed) return;
        background.submit(
                description,
                () -> onLane(() -> {
                    try {
                        T result = work.apply(session());
                        return new Outcome<>(result, null, take(), readWatchers());
                    } catch (RuntimeException e) {
                        return new Outcome<T>(null, e, take(), readWatchers());
                    }
                }),
                outcome -> {
                    snapshot.set(outcome.snapshot());
                    outcome.views().forEach(Runnable::run);
                    if (outcome.failure() != null) {
                        failure.set(outcome.failure());
                        problem.set(Problem.describe(description + " failed", outcome.failure()));
                        return;
                    }
                    if (outcome.snapshot().failure() == null) failure.set(null);
                    problem.set(null);
                    then.accept(outcome.result());
                },
                thrown -> problem.set(Problem.describe(description + " failed", thrown)));
    }

    private record Outcome<T>(
            T result, RuntimeException failure, SessionSnapshot snapshot, java.util.List<Runnable> views) {}

    private java.util.List<Runnable> readWatchers() {
        var views = new ArrayList<Runnable>();
        if (session == null || session.isClosed()) return views;
        for (Watcher watcher : watchers) {
            try {
                views.add(watcher.read(session));
            } catch (RuntimeException e) {
                // A view that cannot read (its table left the catalog) shows what it showed before.
            }
        }
        return views;
    }

    private <T> T onLane(java.util.concurrent.Callable<T> work) throws Exception {
        try {
            return lane.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }

    private Session session() {
        if (session == null) {
            var known = catalog;
            if (known == null) throw new IllegalStateException("The catalog is still loading; try again in a moment.");
            session = Session.open(engine, known);
        }
        return session;
    }

    /** Takes the snapshot on the lane; reads no expired attribute (that would send SQL). */
    private SessionSnapshot take() {
        if (session == null || session.isClosed()) return SessionSnapshot.EMPTY;
        var entries = new ArrayList<SessionSnapshot.Entry>();
        var rows = new LinkedHashSet<Row>(session.identityMap());
        rows.addAll(session.newRows());
        rows.addAll(session.deletedRows());
        for (Row row : rows) {
            var changes = new StringBuilder();
            for (var change : row.changes()) {
                if (!changes.isEmpty()) changes.append('\n');
                changes.append(change.column())
                        .append(": ")
                        .append(change.oldKnown() ? CellText.of(change.oldValue()) : "?")
                        .append(" -> ")
                        .append(CellText.of(change.newValue()));
            }
            String state =
                    session.deletedRows().contains(row) && row.state().label().equals("persistent")
                            ? "marked for deletion"
                            : row.state().label();
            if (row.hasExpired()) state += ", expired";
            entries.add(new SessionSnapshot.Entry(
                    row,
                    row.mapping().name().toString(),
                    row.key().map(key -> CellText.of(key.values())).orElse("(new)"),
                    state,
                    changes.toString()));
        }
        // Rows with something to show (changes, new, deleted, expired) first: a page of loaded rows would bury them.
        entries.sort(java.util.Comparator.comparing((SessionSnapshot.Entry entry) ->
                entry.changes().isEmpty() && entry.state().equals("persistent")));
        String plan;
        try {
            plan = session.failure().isPresent() ? "" : session.plan().toString();
        } catch (RuntimeException e) {
            plan = "-- The flush plan cannot be made: " + e.getMessage();
        }
        String code;
        try {
            code = session.sqlAlchemyCode();
        } catch (RuntimeException e) {
            code = "# " + e.getMessage();
        }
        return new SessionSnapshot(
                entries,
                plan,
                code,
                session.transactionState(),
                session.transactionStarted().orElse(null),
                session.failure().map(SessionModel::describe).orElse(null),
                session.savepointFailure().map(SessionModel::describe).orElse(null),
                session.hasChanges(),
                session.nestingLevel(),
                session.autoflush(),
                session.expireOnCommit());
    }

    private static String describe(Throwable failure) {
        return Problem.describe("The last flush failed", failure).message();
    }

    /** Runs {@code work} on the session's lane for its effect; the views then show the session as it is. */
    public void act(String description, Consumer<Session> work) {
        run(
                description,
                s -> {
                    work.accept(s);
                    return null;
                },
                done -> {});
    }

    public void flush() {
        act("Flush", Session::flush);
    }

    public void commit() {
        act("Commit", s -> {
            s.commit();
            savepoints.clear();
        });
    }

    public void rollback() {
        act("Rollback", s -> {
            s.rollback();
            savepoints.clear();
        });
    }

    /** Reads {@code row} again now, discarding its un-flushed changes. */
    public void refresh(Row row) {
        act("Refresh", s -> s.refresh(row));
    }

    /** Marks every attribute of {@code row} stale: read again on next access. */
    public void expire(Row row) {
        act("Expire", s -> s.expire(row));
    }

    public void expireAll() {
        act("Expire all", Session::expireAll);
    }

    /** Flushes and sets a SAVEPOINT. */
    public void savepoint() {
        act("Savepoint", s -> {
            savepoints.push(s.beginNested());
        });
    }

    /** Releases the innermost savepoint, keeping its work. */
    public void releaseSavepoint() {
        act("Release savepoint", s -> {
            innermost().commit();
            savepoints.pop();
        });
    }

    /** Rolls back to the innermost savepoint, keeping the work done before it. */
    public void rollBackToSavepoint() {
        act("Roll back to savepoint", s -> {
            innermost().rollback();
            savepoints.pop();
        });
    }

    private Session.Nested innermost() {
        while (!savepoints.isEmpty() && !savepoints.peek().isOpen()) savepoints.pop();
        if (savepoints.isEmpty()) throw new IllegalStateException("No savepoint is open.");
        return savepoints.peek();
    }

    public void autoflush(boolean on) {
        act("Autoflush " + (on ? "on" : "off"), s -> s.autoflush(on));
    }

    public void expireOnCommit(boolean on) {
        act("Expire on commit " + (on ? "on" : "off"), s -> s.expireOnCommit(on));
    }

    /** The latest snapshot, replaced after every call. */
    public ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Why the last call failed, for the user; null after a call that worked. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The exception of the last failed call (a constraint violation, say), for the grid to place it; or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The transaction state for the status bar: idle, in transaction (with its age), or failed. */
    public String statusText(Instant now) {
        var shown = snapshot.get();
        if (shown.failure() != null || shown.transaction() == TransactionState.FAILED) {
            return "Session: failed, needs rollback";
        }
        if (shown.transaction() == TransactionState.IDLE || shown.started() == null) {
            return shown.hasChanges() ? "Session: idle, changes not flushed" : "Session: idle";
        }
        var age = Duration.between(shown.started(), now);
        String text = "Session: in transaction for " + age(age);
        return age.compareTo(IDLE_WARNING) >= 0 ? text + " (still open: commit or roll back)" : text;
    }

    private static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }

    /** The session as work the window asks about before leaving the database. */
    public PendingWork pendingWork() {
        return new PendingWork() {
            @Override
            public Optional<String> pending() {
                return snapshot.get().pending()
                        ? Optional.of("The session has changes not flushed or not committed.")
                        : Optional.empty();
            }

            @Override
            public void commit(Runnable done, Consumer<Throwable> failed) {
                settle("Commit", Session::commit, done, failed);
            }

            @Override
            public void rollback(Runnable done, Consumer<Throwable> failed) {
                settle("Rollback", Session::rollback, done, failed);
            }
        };
    }

    private void settle(String description, Consumer<Session> end, Runnable done, Consumer<Throwable> failed) {
        background.submit(
                description,
                () -> onLane(() -> {
                    end.accept(session());
                    return new Outcome<>(null, null, take(), readWatchers());
                }),
                outcome -> {
                    snapshot.set(outcome.snapshot());
                    outcome.views().forEach(Runnable::run);
                    done.run();
                },
                thrown -> {
                    problem.set(Problem.describe(description + " failed", thrown));
                    failed.accept(thrown);
                });
    }

    /**
     * Closes the session on its lane (rolling back an open transaction, returning its connection) and stops the
     * lane. Returns at once; the lane finishes what was asked before.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        lane.submit(() -> {
            if (session != null) session.close();
        });
        lane.shutdown();
    }

    /** Waits (off the UI thread) until the lane has closed the session. */
    public boolean awaitClosed(Duration wait) throws InterruptedException {
        return lane.awaitTermination(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
