package dev.athanor.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A place for work of which only the latest counts: the grid's query, the details of the selected object, the
 * connection being opened. Submitting cancels the job submitted before; by the {@link Background} contract that
 * job then reports nothing, and its {@link AutoCloseable} result is closed. The UI thread uses a slot.
 */
public final class Slot {
    private final Background background;
    private Background.Job current;
    private long submissions;

    public Slot(Background background) {
        this.background = background;
    }

    /** Cancels the previous job of this slot, then submits this one (see {@link Background#submit}). */
    public <T> Background.Job submit(
            String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        cancel();
        long mine = ++submissions;
        var job = background.submit(description, work, onSuccess, onFailure);
        if (mine == submissions) {
            // a synchronous background may already have run a newer submission from within the callbacks
            current = job;
        }
        return job;
    }

    /** Cancels the latest job, if it is still running: it reports nothing. */
    public void cancel() {
        var job = current;
        current = null;
        if (job != null) {
            job.cancel();
        }
    }

    /** Whether the latest job has not ended yet. */
    public boolean isBusy() {
        var job = current;
        return job != null && !job.isDone();
    }
}
