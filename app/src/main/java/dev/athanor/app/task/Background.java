package dev.athanor.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the JavaFX thread and hands its outcome back on the JavaFX thread.
 *
 * <p>Every JDBC call and every file read or write the UI causes goes through one of these, so that the
 * toolkit thread never waits on a database or a disk. Tests swap in {@link #synchronous()} to run the same
 * view models without a toolkit.
 */
public interface Background {

    /**
     * Starts {@code work} on a worker thread.
     *
     * @param description what the work is, in the user's words (shown in the status bar and in errors)
     * @param work the blocking work; it may throw anything
     * @param onSuccess called on the UI thread with the result
     * @param onFailure called on the UI thread with the failure (never an {@link InterruptedException}
     *     from a cancelled task; a cancelled task reports nothing)
     * @return a handle that can cancel the work (interrupting the worker). Once cancelled, neither callback is
     *     called, even when the work had already ended; a result that is {@link AutoCloseable} is then closed,
     *     on a worker thread, since nobody will receive it.
     */
    <T> Job submit(String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (or at once when already there, or in synchronous mode). */
    void onUiThread(Runnable action);

    /** A handle on submitted work. */
    interface Job {
        /** Asks the work to stop and drops its outcome if not yet delivered; a no-op once delivered. */
        void cancel();

        boolean isDone();

        /** Whether {@link #cancel()} was called. */
        boolean isCancelled();
    }

    /** A {@link Slot} on this background: each submission to it supersedes the previous one. */
    default Slot slot() {
        return new Slot(this);
    }

    /** Runs everything on the calling thread: for view-model tests without a toolkit. */
    static Background synchronous() {
        return new SynchronousBackground();
    }
}
