package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.connect.SampleDatabase;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.TestDesktop;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/** The window shows at once and tells what the sample database is doing while it starts. */
@ExtendWith(ApplicationExtension.class)
class StartupProgressTest {
    private static SampleTarget sample;

    @TempDir
    Path config;

    private final CountDownLatch serverMayFinish = new CountDownLatch(1);
    private TestDesktop window;
    private Desktop desktop;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("startup");
    }

    /** A sample database that takes as long as the test wants to start, reporting progress as the real one does. */
    private SampleDatabase slowSample() {
        return new SampleDatabase() {
            @Override
            public Location start(Consumer<String> progress) {
                progress.accept("Creating sample data…");
                try {
                    serverMayFinish.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return sample.location();
            }

            @Override
            public void close() {}
        };
    }

    @Start
    void start(Stage stage) {
        var base = sample.settings(config);
        window = new TestDesktop(new Desktop.Settings(slowSample(), config, Map.of(), base.pool()));
        desktop = window.desktop();
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        serverMayFinish.countDown();
        window.close();
    }

    @Test
    void progressShowsWhileTheSampleDatabaseStartsThenTheSchemaAppears(FxRobot robot) {
        var page = new DesktopPage(robot, desktop);
        DesktopPage.await(() -> "Creating sample data…"
                .equals(robot.lookup("#connect-progress")
                        .tryQuery()
                        .map(node -> ((javafx.scene.control.Label) node).getText())
                        .orElse("")));

        assertThat(page.textOf("#status-connection")).isEqualTo("Connecting to Sample database…");

        serverMayFinish.countDown();

        page.awaitSchema();
        assertThat(page.visibleTreeLabels()).contains("resumes");
    }
}
