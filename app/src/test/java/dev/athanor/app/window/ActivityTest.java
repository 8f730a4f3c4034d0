package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ActivityTest {

    @Test
    void runningWorkIsNamedInTheMessageAndForgottenWhenDone() {
        var activity = new Activity(Background.synchronous());
        var seenWhileRunning = new AtomicReference<String>();

        activity.submit("Loading the catalog", () -> activity.messageProperty().get(), seenWhileRunning::set, e -> {});

        assertThat(seenWhileRunning.get()).isEqualTo("Loading the catalog…");
        assertThat(activity.messageProperty().get()).isEmpty();
        assertThat(activity.busyProperty().get()).isFalse();
    }

    @Test
    void failedWorkIsForgottenToo() {
        var activity = new Activity(Background.synchronous());
        var failure = new AtomicReference<Throwable>();

        activity.submit(
                "Testing the connection",
                () -> {
                    throw new IllegalStateException("no route");
                },
                r -> {},
                failure::set);

        assertThat(failure.get()).hasMessage("no route");
        assertThat(activity.busyProperty().get()).isFalse();
    }
}
