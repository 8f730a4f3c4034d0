package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.echo.EchoRow;
import dev.athanor.app.results.ResultsGrid;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.ScenePng;
import dev.athanor.app.testing.TestDesktop;
import dev.athanor.model.engine.ManualCommitConnection;
import dev.athanor.model.engine.ProfileStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import javafx.scene.control.ComboBox;
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

/** Switching connection in the window, as a user does it with the selector, with work open on the first one. */
@ExtendWith(ApplicationExtension.class)
class SwitchingConnectionWindowTest {
    private static final String UPDATE = "UPDATE workers SET username = 'switched in the window' WHERE id = 1";
    private static SampleTarget sample;
    private static String otherDatabase;

    @TempDir
    static Path config;

    private TestDesktop window;
    private Desktop desktop;
    private String usernameBefore;

    @BeforeAll
    static void databases() {
        sample = SampleTarget.create("switching_window");
        otherDatabase = sample.server().createSampleDatabase("switching_window_other");
    }

    @Start
    void start(Stage stage) throws SQLException {
        var store = new ProfileStore(config);
        if (store.list().isEmpty()) {
            store.create(new SampleTarget(sample.server(), otherDatabase)
                    .profileFor("other", sample.server().superuser()));
        }
        usernameBefore = username();
        window = new TestDesktop(sample.settings(config));
        desktop = window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        try (var c = sample.server().connect(sample.database());
                var s = c.prepareStatement("UPDATE workers SET username = ? WHERE id = 1")) {
            s.setString(1, usernameBefore);
            s.executeUpdate();
        }
    }

    @Test
    void rollingBackAnUpdateWhileTheDataTabStreamsSwitchesWithoutAStackTrace(FxRobot robot) throws Exception {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        showDataOf(page, "vacancies_replies");
        runInConsole(robot, page, UPDATE);
        var log = new ByteArrayOutputStream();
        var err = System.err;
        System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
        try {
            choose(robot, "other");
            page.awaitShowing("#leave-roll-back");
            ScenePng.write(robot, desktop.window().leaveDialog().getDialogPane().getScene(), "leave-question.png");
            page.click("#leave-roll-back");
            awaitConnectedTo(page, "other");
            page.awaitIdle();
            DesktopPage.await(() -> sessionsOnTheSampleDatabase() == 0);
        } finally {
            System.setErr(err);
        }

        assertThat(desktop.model().echo().rows())
                .filteredOn(row -> row.origin().equals(MainModel.CONSOLE_ORIGIN))
                .extracting(EchoRow::sql)
                .containsSequence(UPDATE, ManualCommitConnection.HOLDS_CHANGES, "ROLLBACK");
        assertThat(username()).isEqualTo(usernameBefore);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .as("what the switch wrote to the log")
                .doesNotContain(" ERROR ", " WARN ", "Exception", "\tat ");
    }

    @Test
    void cancelStaysOnTheConnectionWithTheTransactionOpen(FxRobot robot) throws Exception {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        runInConsole(robot, page, UPDATE);

        choose(robot, "other");
        page.awaitShowing("#leave-stay");
        page.click("#leave-stay");

        assertThat(robot.lookup("#connection-selector").queryAs(ComboBox.class).getValue())
                .isEqualTo(new ConnectionChoice.SampleDatabase());
        assertThat(connected().choice()).isEqualTo(new ConnectionChoice.SampleDatabase());
        assertThat(page.textOf("#transaction-state")).isEqualTo("In transaction");
        assertThat(editorText()).isEqualTo(UPDATE);
        assertThat(username()).isEqualTo(usernameBefore);
    }

    @Test
    void consoleTextAndBuilderQueryComeBackWhenSwitchingBack(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        page.openTab("SQL console").typeInto("#sql-editor", "SELECT 'written before switching'");
        DesktopPage.await(
                () -> desktop.window().builder().model().catalogProperty().get() != null);
        robot.interact(() -> desktop.window().builder().model().addTable("public", "workers", 30, 40));

        choose(robot, "other");
        awaitConnectedTo(page, "other");
        page.awaitSchema();
        assertThat(editorText()).isEmpty();
        choose(robot, new ConnectionChoice.SampleDatabase().label());
        awaitConnectedTo(page, new ConnectionChoice.SampleDatabase().label());
        page.awaitSchema();

        assertThat(editorText()).isEqualTo("SELECT 'written before switching'");
        assertThat(desktop.window().builder().model().sqlProperty().get()).contains("workers");
    }

    private String editorText() {
        return WaitForAsyncUtils.waitForAsyncFx(
                10_000, () -> desktop.window().console().editor().getText());
    }

    private WindowState.Connected connected() {
        return (WindowState.Connected) desktop.model().stateProperty().get();
    }

    private void showDataOf(DesktopPage page, String table) {
        page.filterTree(table).clickTreeRow(table).openTab("Data");
        DesktopPage.await(() -> desktop.window()
                                .detailsView()
                                .tabs()
                                .getSelectionModel()
                                .getSelectedItem()
                                .getContent()
                        instanceof ResultsGrid grid
                && grid.model().hasMore());
    }

    private void runInConsole(FxRobot robot, DesktopPage page, String sql) {
        page.openTab("SQL console");
        robot.interact(() -> {
            desktop.window().console().editor().replaceText(sql);
            desktop.window().console().runCurrent();
        });
        DesktopPage.await(
                () -> !desktop.window().console().model().runningProperty().get());
        assertThat(page.textOf("#transaction-state")).isEqualTo("In transaction");
    }

    /** Picks the connection labelled {@code label} in the toolbar's selector. */
    private void choose(FxRobot robot, String label) {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<ConnectionChoice> selector =
                    robot.lookup("#connection-selector").queryAs(ComboBox.class);
            selector.getItems().stream()
                    .filter(choice -> choice.label().equals(label))
                    .findFirst()
                    .ifPresent(selector::setValue);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitConnectedTo(DesktopPage page, String label) {
        DesktopPage.await(() -> desktop.model().stateProperty().get() instanceof WindowState.Connected connected
                && connected.choice().label().equals(label));
    }

    /** Sessions still open on the first database (the sample), seen from an independent connection. */
    private static int sessionsOnTheSampleDatabase() throws SQLException {
        try (var c = sample.server().connect(otherDatabase);
                var s = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND application_name = 'Athanor'")) {
            s.setString(1, sample.database());
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String username() throws SQLException {
        try (var c = sample.server().connect(sample.database());
                var rs = c.createStatement().executeQuery("SELECT username FROM workers WHERE id = 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Writes to the real stream and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
