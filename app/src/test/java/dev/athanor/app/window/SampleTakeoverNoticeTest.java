package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.connect.SampleDatabase;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.TestDesktop;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * When this window takes the shared sample database over from another Athanor that ended, it says so in the status
 * bar, with no dialog; when the server had to move to another port, the window connects again.
 */
@ExtendWith(ApplicationExtension.class)
class SampleTakeoverNoticeTest {
    private static SampleTarget sample;

    @TempDir
    Path config;

    private final AtomicReference<Consumer<SampleDatabase.Notice>> listener = new AtomicReference<>(notice -> {});
    private final AtomicInteger starts = new AtomicInteger();
    private TestDesktop window;
    private Desktop desktop;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("takeover_notice");
    }

    /** The test's sample database, whose notices the test sends as the shared server would. */
    private SampleDatabase sharedSample() {
        return new SampleDatabase() {
            @Override
            public Location start(Consumer<String> progress) {
                starts.incrementAndGet();
                return sample.location();
            }

            @Override
            public void onNotice(Consumer<Notice> newListener) {
                listener.set(newListener);
            }

            @Override
            public void close() {}
        };
    }

    @Start
    void start(Stage stage) {
        window = new TestDesktop(sample.settings(config, sharedSample()));
        desktop = window.show(stage);
    }

    @AfterEach
    void closeWindow() throws Exception {
        window.close();
    }

    @Test
    void takeoverIsALineInTheStatusBarNotADialog(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        String label = page.textOf("#status-connection");
        int windows = robot.listWindows().size();

        listener.get().accept(new SampleDatabase.Notice("Restarting the server here…", false));
        listener.get().accept(new SampleDatabase.Notice("The sample database now runs from this Athanor.", false));

        DesktopPage.await(() ->
                page.textOf("#status-connection").equals(label + " · The sample database now runs from this Athanor."));
        assertThat(robot.listWindows()).hasSize(windows);
        assertThat(starts).hasValue(1);
    }

    @Test
    void serverOnAnotherPortIsConnectedAgain(FxRobot robot) {
        new DesktopPage(robot, desktop).awaitSchema();

        listener.get().accept(new SampleDatabase.Notice("The sample database now runs on port 1.", true));

        DesktopPage.await(() -> starts.get() == 2);
        var page = new DesktopPage(robot, desktop).awaitSchema();
        assertThat(page.visibleTreeLabels()).contains("resumes");
    }
}
