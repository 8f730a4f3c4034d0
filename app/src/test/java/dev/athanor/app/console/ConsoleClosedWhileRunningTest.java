package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.app.testing.ServerSessions;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the console (disconnecting, switching connection) while a statement runs leaves nothing behind. */
@ExtendWith(ApplicationExtension.class)
class ConsoleClosedWhileRunningTest {
    private static String database;
    private final FxRobot robot = new FxRobot();
    private FxBackground background;
    private SqlConsoleModel console;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.shared().createSampleDatabase("console_closed");
    }

    @BeforeEach
    void open() {
        background = new FxBackground();
        console = new SqlConsoleModel(background, () -> TestPostgres.shared().connect(database));
    }

    @AfterEach
    void stop() {
        background.close();
    }

    private <T> T on(Supplier<T> read) {
        var result = new AtomicReference<T>();
        robot.interact(() -> result.set(read.get()));
        return result.get();
    }

    private static List<String> sessions(String condition) throws SQLException {
        return ServerSessions.matching(database, condition);
    }

    @Test
    void closingDuringASlowFailingStatementShowsNothingAndLeavesNoSession() throws Exception {
        robot.interact(() -> console.runScript(
                "UPDATE resumes SET compensation = compensation;\n" + "SELECT pg_sleep(3), 1 / (random() * 0)::int"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !sessions("state = 'active' AND query LIKE '%pg_sleep%'")
                .isEmpty());
        var messageBefore = on(() -> console.messageProperty().get());

        robot.interact(() -> console.close());

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> sessions("true").isEmpty());
        Thread.sleep(3_500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(on(() -> console.errorProperty().get())).isNull();
        assertThat(on(() -> console.messageProperty().get())).isEqualTo(messageBefore);
        assertThat(on(() -> console.runningProperty().get())).isFalse();
        assertThat(sessions("true")).isEmpty();
    }
}
