package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.app.testing.ScenePng;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.LockWaits;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A console statement that waits on a lock says what holds it, and Cancel ends the wait. */
@ExtendWith(ApplicationExtension.class)
class ConsoleLockWaitTest {
    private static final String ALTER = "ALTER TABLE resumes ADD COLUMN probe int";
    private static TestPostgres server;
    private static String database;
    private Engine engine;
    private FxBackground background;
    private SqlConsole view;
    private SqlConsoleModel console;

    @BeforeAll
    static void databases() {
        server = TestPostgres.shared();
        database = server.createSampleDatabase("console_lock");
    }

    @Start
    void start(Stage stage) {
        engine = Engine.create(
                ConnectionProfile.of("lock", server.host(), server.port(), database, server.superuser()),
                PasswordSource.none(),
                PoolSettings.defaults().withMaximumPoolSize(4).withMinimumIdle(0));
        background = new FxBackground();
        console = SqlConsoleModel.on(background, engine);
        view = new SqlConsole(console);
        stage.setScene(new Scene(view, 1000, 500));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(console::close);
        await(() -> engine.poolStats().active() == 0);
        engine.close();
        background.close();
    }

    @Test
    void alterWaitingOnAnotherSessionsLockNamesTheHolderAndCancelEndsTheWait(FxRobot robot) throws Exception {
        try (var holder = server.connect(database)) {
            int holderPid = holdReadLockOnResumes(holder);

            robot.interact(() -> console.runStatementAt(ALTER, 0));
            await(() -> console.lockWaitProperty().get() != null);

            var wait = call(() -> console.lockWaitProperty().get());
            assertThat(wait.relation()).contains("resumes");
            assertThat(wait.wantedMode()).isEqualTo("AccessExclusiveLock");
            assertThat(wait.holders()).singleElement().satisfies(h -> {
                assertThat(h.pid()).isEqualTo(holderPid);
                assertThat(h.isOwn()).isFalse();
                assertThat(h.heldModes()).contains("AccessShareLock");
            });
            assertThat(call(() -> console.messageProperty().get()))
                    .startsWith("Waiting for a lock on resumes held by pid " + holderPid + " (")
                    .contains("idle in transaction for ")
                    .contains("): SELECT count(*) FROM resumes")
                    .doesNotContain("Athanor's own")
                    .endsWith("Cancel (Esc) stops waiting.");
            assertThat(engine.echo().recent(LockWaits.ORIGIN)).isNotEmpty();
            assertThat(robot.lookup("#stop-waiting").queryAs(Hyperlink.class).isVisible())
                    .isTrue();
            ScenePng.write(robot, view.getScene(), "console-lock-wait.png");

            robot.clickOn("#stop-waiting");
            await(() -> !console.runningProperty().get());

            assertThat(call(() -> console.messageProperty().get())).startsWith("Cancelled");
            assertThat(call(() -> console.lockWaitProperty().get())).isNull();
            holder.rollback();
        }
        robot.interact(() -> console.runStatementAt(
                "SELECT count(*) AS columns FROM information_schema.columns "
                        + "WHERE table_name = 'resumes' AND column_name = 'probe'",
                0));
        await(() -> !console.runningProperty().get());
        assertThat(call(() -> console.messageProperty().get())).startsWith("1 row in");
        assertThat(call(() -> console.results().rows().getFirst().get(0))).isEqualTo(0L);
    }

    @Test
    void holderThatIsOneOfAthanorsOwnConnectionsIsNamedAsSuch(FxRobot robot) throws Exception {
        try (var tableData = engine.connection("table data")) {
            int holderPid = holdReadLockOnResumes(tableData);

            robot.interact(() -> console.runStatementAt(ALTER, 0));
            await(() -> console.lockWaitProperty().get() != null);

            assertThat(call(() -> console.messageProperty().get()))
                    .startsWith("Waiting for a lock on resumes held by pid " + holderPid
                            + " (Athanor's table data, idle in transaction for ")
                    .contains("That is one of Athanor's own connections.");
            robot.interact(console::cancel);
            await(() -> !console.runningProperty().get());
            tableData.rollback();
        }
    }

    /** Reads resumes in an open transaction, as a Data tab left half-read does; returns the holder's pid. */
    private static int holdReadLockOnResumes(Connection holder) throws SQLException {
        holder.setAutoCommit(false);
        try (var s = holder.createStatement();
                var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            int pid = rs.getInt(1);
            s.executeQuery("SELECT count(*) FROM resumes").close();
            return pid;
        }
    }

    private static void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> call(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 30 s", e);
        }
    }

    private static <T> T call(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
