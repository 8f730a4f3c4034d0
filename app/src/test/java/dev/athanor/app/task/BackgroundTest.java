package dev.athanor.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The contract of {@link Background}: a cancelled or superseded job reports nothing and leaks nothing. */
@ExtendWith(ApplicationExtension.class)
class BackgroundTest {
    private FxBackground background;
    private final List<String> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        background = new FxBackground();
    }

    @AfterEach
    void stop() {
        background.close();
    }

    /** A resource that records where it was closed. */
    private static final class Resource implements AutoCloseable {
        final String name;
        final CountDownLatch closed = new CountDownLatch(1);
        volatile String closedOn;

        Resource(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closedOn = Thread.currentThread().getName();
            closed.countDown();
        }
    }

    /** Work that ignores interrupts, as a JDBC call does, until the gate opens. */
    private static void waitThrough(Semaphore gate) {
        gate.acquireUninterruptibly();
    }

    @Test
    void workAskedForAfterCloseIsDroppedWithoutAReport(FxRobot robot) {
        background.close();
        var job = new AtomicReference<Background.Job>();

        robot.interact(() -> job.set(background.submit(
                "after close", () -> "ran", ok -> reported.add(ok), failure -> reported.add("failure"))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(job.get().isCancelled()).isTrue();
        assertThat(job.get().isDone()).isTrue();
        assertThat(reported).isEmpty();
    }

    @Test
    void aCancelledJobsFailureIsNotReported(FxRobot robot) throws Exception {
        var gate = new Semaphore(0);
        var finished = new CountDownLatch(1);
        var job = new AtomicReference<Background.Job>();
        robot.interact(() -> job.set(background.submit(
                "slow",
                () -> {
                    try {
                        waitThrough(gate);
                        throw new IllegalStateException("division by zero");
                    } finally {
                        finished.countDown();
                    }
                },
                ok -> reported.add("success"),
                failure -> reported.add("failure: " + failure.getMessage()))));

        robot.interact(() -> job.get().cancel());
        gate.release();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(reported).isEmpty();
        assertThat(job.get().isCancelled()).isTrue();
    }

    @Test
    void anUncancelledFailureIsReported(FxRobot robot) throws Exception {
        robot.interact(() -> background.submit(
                "failing",
                () -> {
                    throw new IllegalStateException("division by zero");
                },
                ok -> reported.add("success"),
                failure -> reported.add("failure: " + failure.getMessage())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !reported.isEmpty());
        assertThat(reported).containsExactly("failure: division by zero");
    }

    @Test
    void aSupersededResultIsClosedOnAWorkerAndTheLatestIsDelivered(FxRobot robot) throws Exception {
        var slot = background.slot();
        var gate = new Semaphore(0);
        var first = new Resource("first");
        var second = new Resource("second");
        var delivered = new CopyOnWriteArrayList<String>();
        var firstStarted = new CountDownLatch(1);
        robot.interact(() -> slot.submit(
                "first",
                () -> {
                    firstStarted.countDown();
                    waitThrough(gate);
                    return first;
                },
                r -> delivered.add(r.name),
                failure -> delivered.add("failure")));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        robot.interact(() ->
                slot.submit("second", () -> second, r -> delivered.add(r.name), failure -> delivered.add("failure")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> delivered.contains("second"));
        gate.release();

        assertThat(first.closed.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered).containsExactly("second");
        assertThat(first.closedOn).startsWith("athanor-worker-");
        assertThat(second.closed.getCount()).isEqualTo(1); // delivered: its receiver owns it
    }

    @Test
    void aResultAlreadyOnItsWayIsClosedWhenCancelledBeforeDelivery(FxRobot robot) throws Exception {
        var resource = new Resource("posted");
        robot.interact(() -> {
            var job = background.submit("quick", () -> resource, r -> reported.add("success"), f -> reported.add("f"));
            // the worker posts the delivery to this (busy) thread; cancelling now must still win
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!job.isDone() && System.nanoTime() < deadline) Thread.onSpinWait();
            job.cancel();
        });
        assertThat(resource.closed.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reported).isEmpty();
        assertThat(resource.closedOn).isNotEqualTo("JavaFX Application Thread");
        assertThat(Platform.isFxApplicationThread()).isFalse();
    }

    @Test
    void theSynchronousBackgroundDeliversTheLatestOfASlot() {
        var slot = Background.synchronous().slot();
        var delivered = new ArrayList<String>();
        slot.submit("one", () -> "one", delivered::add, failure -> delivered.add("failure"));
        slot.submit("two", () -> "two", delivered::add, failure -> delivered.add("failure"));
        assertThat(delivered).containsExactly("one", "two");
        assertThat(slot.isBusy()).isFalse();
    }
}
