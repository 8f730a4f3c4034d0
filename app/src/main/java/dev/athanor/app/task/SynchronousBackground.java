package dev.athanor.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@link Background} that runs work and callbacks on the caller's thread. */
final class SynchronousBackground implements Background {

    @Override
    public <T> Job submit(
            String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            onSuccess.accept(work.call());
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return new Job() {
            @Override
            public void cancel() {}

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
