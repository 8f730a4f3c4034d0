package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.connect.SampleDatabase;
import dev.athanor.app.task.FxBackground;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window shows at once and tells what the sample database is doing while it starts. */
@ExtendWith(ApplicationExtension.class)
class StartupProgressTest {
    private static SampleTarget sample;

    @TempDir
    Path config;

    private final CountDownLatch serverMayFinish = new CountDownLatch(1);
    private FxBackground background;
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
        background = new FxBackground();
        var base = sample.settings(config);
        desktop = new Desktop(new Desktop.Settings(slowSample(), config, Map.of(), base.pool()), background);
        var scene = new Scene(desktop.window(), 1200, 800);
        MainWindow.style(scene);
        stage.setScene(scene);
        stage.show();
        desktop.start();
    }

    @AfterEach
    void close() throws Exception {
        serverMayFinish.countDown();
        WaitForAsyncUtils.asyncFx(desktop::shutdown).get().run();
        background.close();
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
