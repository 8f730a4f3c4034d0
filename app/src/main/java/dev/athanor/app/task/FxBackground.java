package dev.athanor.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * {@link Background} backed by a cached pool of daemon threads; callbacks are posted to the JavaFX thread.
 *
 * <p>Daemon threads so that a query still running when the window closes cannot keep the JVM alive.
 *
 * <p>A cancelled job reports nothing, even when its work had already ended and its outcome was on its way to the
 * JavaFX thread: the cancel and the delivery are both decided on that thread. A result nobody receives is closed,
 * on a worker, when it is {@link AutoCloseable} (a cursor, a connection), so cancelling never leaks it.
 */
public final class FxBackground implements Background, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "athanor-worker-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> Job submit(
            String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        var job = new FxJob();
        try {
            job.start(executor.submit(() -> run(job, work, onSuccess, onFailure)));
        } catch (RejectedExecutionException shutDown) {
            // Closed: the application is going away (a highlighting timer or a pane may still ask for work on
            // its way out). Work that will never run reports nothing, like cancelled work.
            job.cancel();
        }
        return job;
    }

    private <T> void run(FxJob job, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (job.isCancelled()
                    || failure instanceof InterruptedException
                    || failure instanceof CancellationException) {
                return;
            }
            Platform.runLater(() -> {
                if (!job.isCancelled()) {
                    onFailure.accept(failure);
                }
            });
            return;
        }
        if (job.isCancelled()) {
            Unclaimed.close(result);
            return;
        }
        Platform.runLater(() -> {
            if (job.isCancelled()) {
                closeOnWorker(result);
            } else {
                onSuccess.accept(result);
            }
        });
    }

    /** Closing may block on the network: never on the JavaFX thread. */
    private void closeOnWorker(Object result) {
        if (!(result instanceof AutoCloseable)) {
            return;
        }
        try {
            executor.execute(() -> Unclaimed.close(result));
        } catch (RejectedExecutionException shutDown) {
            Thread.ofPlatform().daemon().name("athanor-closing").start(() -> Unclaimed.close(result));
        }
    }

    /** Cancelled once and for all; the worker's future is interrupted if it is still running. */
    private static final class FxJob implements Job {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Future<?> future;

        void start(Future<?> started) {
            future = started;
            if (cancelled.get()) {
                started.cancel(true);
            }
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                var running = future;
                if (running != null) {
                    running.cancel(true);
                }
            }
        }

        @Override
        public boolean isDone() {
            var running = future;
            return cancelled.get() || (running != null && running.isDone());
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
