package dev.athanor.app.window;

import dev.athanor.app.task.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A {@link Background} that remembers what is running, so the status bar can say "Loading the catalog…"
 * while any pane waits.
 *
 * <p>Work is submitted and its callbacks run on the UI thread, so the bookkeeping needs no locking.
 */
public final class Activity implements Background {
    private final Background delegate;
    private final List<String> running = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public Activity(Background delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> Job submit(
            String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        delegate.onUiThread(() -> started(description));
        var finished = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                delegate.onUiThread(() -> ended(description));
            }
        };
        Job job = delegate.submit(
                description,
                work,
                result -> {
                    finish.run();
                    onSuccess.accept(result);
                },
                failure -> {
                    finish.run();
                    onFailure.accept(failure);
                });
        return new Job() {
            @Override
            public void cancel() {
                job.cancel();
                finish.run();
            }

            @Override
            public boolean isDone() {
                return job.isDone();
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled();
            }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        delegate.onUiThread(action);
    }

    /** Whether any work is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the most recently started running work is, in the user's words; empty when idle. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private void started(String description) {
        running.add(description);
        publish();
    }

    private void ended(String description) {
        running.remove(description);
        publish();
    }

    private void publish() {
        busy.set(!running.isEmpty());
        message.set(running.isEmpty() ? "" : running.getLast() + "…");
    }
}
