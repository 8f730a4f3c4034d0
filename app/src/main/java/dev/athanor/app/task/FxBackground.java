package dev.athanor.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * {@link Background} backed by a cached pool of daemon threads; callbacks are posted to the JavaFX thread.
 *
 * <p>Daemon threads so that a query still running when the window closes cannot keep the JVM alive.
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
        Future<?> future = executor.submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (InterruptedException | CancellationException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable failure) {
                Platform.runLater(() -> onFailure.accept(failure));
                return;
            }
            if (!Thread.currentThread().isInterrupted()) {
                Platform.runLater(() -> onSuccess.accept(result));
            }
        });
        return new Job() {
            @Override
            public void cancel() {
                future.cancel(true);
            }

            @Override
            public boolean isDone() {
                return future.isDone();
            }
        };
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
