package dev.athanor.app.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.app.testing.ServerSessions;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run superseded by another, or by closing the builder, leaves nothing behind: no session on the server, no
 * late error from the abandoned query, and the builder's running state follows the latest run only.
 */
@ExtendWith(ApplicationExtension.class)
class SupersededRunTest {
    /** Slow, then failing: the error must never show once a newer run has started. */
    private static final String SLOW_FAILING =
            "SELECT pg_sleep(3) AS pause, 1 / (random() * 0)::int AS boom FROM generate_series(1, 2)";

    private static String database;
    private FxBackground background;
    private QueryBuilderModel model;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.shared().createSampleDatabase("superseded_run");
    }

    @BeforeEach
    void openBuilder() {
        background = new FxBackground();
        model = on(() ->
                new QueryBuilderModel(background, () -> TestPostgres.shared().connect(database)));
    }

    @AfterEach
    void closeBuilder() {
        robot.interact(() -> model.close());
        background.close();
    }

    private <T> T on(Callable<T> action) {
        var result = new AtomicReference<T>();
        robot.interact(() -> {
            try {
                result.set(action.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return result.get();
    }

    private void load(String sql) throws Exception {
        on(() -> {
            model.importSql(sql);
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> on(() -> model.boundSql().sql()).contains(marker(sql)));
    }

    private static String marker(String sql) {
        return sql.contains("pg_sleep") ? "pg_sleep" : "quick";
    }

    private static List<String> sessions(String condition) throws SQLException {
        return ServerSessions.matching(database, condition);
    }

    private static void awaitSlowQueryRunning() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !sessions("state = 'active' AND query LIKE '%pg_sleep%'")
                .isEmpty());
    }

    private static void awaitNothingLeft() throws Exception {
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> sessions("(state LIKE 'idle in transaction%' OR query LIKE '%pg_sleep%')")
                        .isEmpty());
    }

    @Test
    void aSecondRunSupersedesASlowFirstOne() throws Exception {
        load(SLOW_FAILING);
        on(() -> {
            model.run();
            return null;
        });
        awaitSlowQueryRunning();

        load("SELECT 1 AS quick");
        on(() -> {
            model.run();
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !on(() -> model.runningProperty().get()));

        assertThat(on(() -> model.results().rows().size())).isEqualTo(1);
        assertThat(on(() -> model.resultProperty().get().columns())).containsExactly("quick");
        awaitNothingLeft();
        Thread.sleep(3_500); // past the first query's pg_sleep, had it gone on running
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(on(() -> model.runFailureProperty().get())).isEmpty();
        assertThat(on(() -> model.results().failureProperty().get())).isNull();
        assertThat(on(() -> model.runningProperty().get())).isFalse();
        assertThat(on(() -> model.results().rows().size())).isEqualTo(1);
        assertThat(sessions("true")).isEmpty();
    }

    @Test
    void closingTheBuilderDuringARunLeavesNoSession() throws Exception {
        load(SLOW_FAILING);
        on(() -> {
            model.run();
            return null;
        });
        awaitSlowQueryRunning();
        assertThat(sessions("state = 'active'")).hasSize(1);

        on(() -> {
            model.close();
            return null;
        });

        awaitNothingLeft();
        Thread.sleep(3_500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(on(() -> model.runFailureProperty().get())).isEmpty();
        assertThat(on(() -> model.runningProperty().get())).isFalse();
        assertThat(sessions("true")).isEmpty();
    }
}
