package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.TestDesktop;
import dev.athanor.model.engine.EchoEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.application.Platform;
import javafx.stage.Stage;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the explorer, the table data and the console, and checks that no statement ran and no file was read
 * or written on the JavaFX thread.
 */
@ExtendWith(ApplicationExtension.class)
class NothingBlocksTheFxThreadTest {
    private static SampleTarget sample;

    @TempDir
    Path config;

    private TestDesktop window;
    private Desktop desktop;
    private RecordingStream fileIo;
    private final Queue<String> statementsOnFxThread = new ConcurrentLinkedQueue<>();
    private final Queue<String> origins = new ConcurrentLinkedQueue<>();
    private final Queue<String> fileIoOnFxThread = new ConcurrentLinkedQueue<>();

    /** Why the FX thread touched a file, unless it is the toolkit's or the JVM's own business. */
    private static final List<String> ALLOWED_FILE_IO = List.of(
            "java.lang.ClassLoader",
            "jdk.internal.loader",
            "java.util.zip",
            "java.util.jar",
            "sun.net.www.protocol.jar",
            "com.sun.javafx.font",
            "com.sun.prism",
            "javafx.scene.text",
            "javafx.css",
            "com.sun.javafx.css",
            "java.util.ResourceBundle",
            "org.testfx");

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("fx_thread");
    }

    @Start
    void start(Stage stage) {
        fileIo = new RecordingStream();
        for (String event : List.of("jdk.FileRead", "jdk.FileWrite")) {
            fileIo.enable(event).withThreshold(Duration.ZERO).withStackTrace();
            fileIo.onEvent(event, this::recordFileIo);
        }
        fileIo.startAsync();

        window = new TestDesktop(sample.settings(config));
        desktop = window.desktop();
        // Subscribe before the first statement: the listener runs on the thread that executes the statement.
        desktop.model().stateProperty().addListener((obs, old, state) -> {
            if (state instanceof WindowState.Connected connected) {
                connected.database().engine().echo().subscribe(this::recordStatement);
            }
        });
        window.show(stage);
    }

    private void recordStatement(EchoEvent event) {
        origins.add(event.origin());
        if (Platform.isFxApplicationThread()) {
            statementsOnFxThread.add(event.origin() + ": " + event.sql());
        }
    }

    private void recordFileIo(RecordedEvent event) {
        if (event.getThread() == null
                || !"JavaFX Application Thread".equals(event.getThread().getJavaName())) {
            return;
        }
        List<RecordedFrame> frames = event.getStackTrace() == null
                ? List.of()
                : event.getStackTrace().getFrames();
        boolean allowed = frames.stream()
                .map(frame -> frame.getMethod().getType().getName())
                .anyMatch(type -> ALLOWED_FILE_IO.stream().anyMatch(type::startsWith));
        if (!allowed) {
            fileIoOnFxThread.add(event.getEventType().getName() + " " + event.getString("path") + " at "
                    + frames.stream()
                            .limit(12)
                            .map(frame -> frame.getMethod().getType().getName() + "."
                                    + frame.getMethod().getName())
                            .toList());
        }
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        fileIo.close();
    }

    @Test
    void exploringTheSchemaTableDataAndConsoleKeepsJdbcAndFilesOffTheFxThread(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();

        page.filterTree("resu").clickTreeRow("resumes").awaitIdle();
        page.expandTreeRow("resumes");
        for (String tab : List.of("Keys & constraints", "Indexes", "DDL", "Data")) {
            page.openTab(tab).awaitIdle();
        }
        robot.clickOn("#schema-filter").eraseText(4);
        page.filterTree("set_upd").clickTreeRow("set_updated_at()").awaitIdle();
        page.openTab("DDL").awaitIdle();
        page.click("#schema-refresh").awaitIdle();
        page.openTab("SQL console");
        robot.clickOn("#sql-editor").write("select count(*) from workers");
        page.click("Run").awaitIdle();
        DesktopPage.await(() -> origins.contains("console"));
        page.openTab("Schema");
        page.click("#open-connections").awaitIdle();

        assertThat(origins).contains("schema tree", "table data", "console");
        assertThat(statementsOnFxThread).isEmpty();
        assertThat(fileIoOnFxThread).isEmpty();
    }
}
