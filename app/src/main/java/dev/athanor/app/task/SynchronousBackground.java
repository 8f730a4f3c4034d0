package dev.athanor.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@link Background} that runs work and callbacks on the caller's thread. A job has reported before
 * {@code submit} returns, so cancelling it afterwards changes nothing, as with {@link FxBackground} once a result
 * was delivered.
 */
final class SynchronousBackground implements Background {

    @Override
    public <T> Job submit(
            String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        var job = new DoneJob();
        T result;
        try {
            result = work.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return job;
        } catch (Exception e) {
            if (!job.cancelled) {
                onFailure.accept(e);
            }
            return job;
        }
        if (job.cancelled) {
            Unclaimed.close(result);
        } else {
            onSuccess.accept(result);
        }
        return job;
    }

    private static final class DoneJob implements Job {
        private boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
