package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.app.testing.ScenePng;
import dev.athanor.query.project.ParameterType;
import dev.athanor.sample.testkit.TestPostgres;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console as a user drives it, on the headless toolkit against a real database. */
@ExtendWith(ApplicationExtension.class)
class SqlConsoleTest {
    private static DataSource dataSource;
    private FxBackground background;
    private SqlConsole console;
    private ConsolePage page;

    @BeforeAll
    static void database() {
        var pg = TestPostgres.shared();
        dataSource = pg.dataSource(pg.createSampleDatabase("console_ui"));
    }

    @Start
    void start(Stage stage) {
        background = new FxBackground();
        console = new SqlConsole(new SqlConsoleModel(background, dataSource::getConnection));
        stage.setScene(new Scene(console, 1000, 700));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> console.model().close());
        WaitForAsyncUtils.waitForFxEvents();
        background.close();
    }

    @Test
    void typedQueryWithAParameterAsksForItAndShowsTheRows(FxRobot robot) throws Exception {
        page = new ConsolePage(robot, console);
        page.type("SELECT id, username FROM workers WHERE id < :max_id ORDER BY id")
                .pressRunStatement();
        page.beforeOk(scene -> snapshot(robot, scene, "parameter-dialog.png"));
        page.giveParameter("max_id", ParameterType.INTEGER, "5").waitUntilIdle();

        assertThat(page.rows()).hasSize(4);
        assertThat(page.rows().stream().map(r -> r.get(0)).toList()).containsExactly(1, 2, 3, 4);
        assertThat(page.rows().getFirst().get(1)).isEqualTo(usernameOf(1));
        assertThat(page.message()).startsWith("4 rows in");
        snapshot(robot, console.getScene(), "sql-console.png");
    }

    private static String usernameOf(int id) throws Exception {
        return firstValue("SELECT username FROM workers WHERE id = ?", id);
    }

    /** The first column of the first row {@code sql} gives for {@code key}, read by plain JDBC. */
    private static String firstValue(String sql, int key) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setInt(1, key);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void scriptWithTwoQueriesShowsATabPerResultWithItsOwnRows(FxRobot robot) throws Exception {
        page = new ConsolePage(robot, console);
        page.runScript("SELECT id, username FROM workers WHERE id = 1;\n"
                + "SELECT id, title FROM resumes WHERE worker_id = 1 ORDER BY id;");

        var titles = page.resultTabTitles();
        assertThat(titles).containsExactly("1: SELECT … FROM workers", "2: SELECT … FROM resumes");
        page.openResultTab(titles.get(0));
        assertThat(page.firstCellOfOpenResult("username")).isEqualTo(usernameOf(1));
        page.openResultTab(titles.get(1));
        assertThat(page.firstCellOfOpenResult("title")).isEqualTo(firstResumeTitleOf(1));
        snapshot(robot, console.getScene(), "sql-console-two-results.png");
    }

    private static String firstResumeTitleOf(int workerId) throws Exception {
        return firstValue("SELECT title FROM resumes WHERE worker_id = ? ORDER BY id LIMIT 1", workerId);
    }

    @Test
    void failingScriptOpensTheOutputListingEachStatementWithTheFailureMarked(FxRobot robot) throws Exception {
        page = new ConsolePage(robot, console);
        page.runScript("SELECT 1 AS one;\nUPDATE vacancies SET compensation = compensation WHERE id <= 2;\n"
                + "SELECT 1/0;\nSELECT 4;");

        assertThat(page.selectedLowerTab()).isEqualTo("Output");
        assertThat(page.outputLines()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("1 | SELECT 1 AS one |").endsWith("| 1 row");
            assertThat(lines.get(1)).startsWith("2 | UPDATE vacancies").endsWith("| Done, 2 rows affected");
            assertThat(lines.get(2)).startsWith("3 | SELECT 1/0 |").containsIgnoringCase("division by zero");
        });
        assertThat(page.failedOutputLines()).containsExactly(page.outputLines().get(2));
        snapshot(robot, console.getScene(), "sql-console-output.png");
    }

    @Test
    void cancelStopsASleepingStatementWithinASecondAndTheConsoleGoesOn(FxRobot robot) throws Exception {
        page = new ConsolePage(robot, console);
        page.replaceText("SELECT pg_sleep(30)").clickRun();
        ConsolePage.waitUntil(page::isRunning);
        Thread.sleep(300); // let the statement reach the server

        long before = System.nanoTime();
        page.clickCancel().waitUntilIdle();
        double seconds = (System.nanoTime() - before) / 1e9;

        assertThat(seconds).isLessThan(2.0);
        assertThat(page.message()).startsWith("Cancelled");
        page.replaceText("SELECT 42 AS answer").clickRun().waitUntilIdle();
        assertThat(page.rows()).hasSize(1);
        assertThat(page.rows().getFirst().get(0)).isEqualTo(42);
    }

    @Test
    void syntaxErrorSelectsTheOffendingToken(FxRobot robot) throws Exception {
        page = new ConsolePage(robot, console);
        String script = "SELECT 1;\nSELECT id, username\n  FROM FROM workers;\nSELECT 3;";
        page.replaceText(script)
                .caretAt(script.indexOf("username"))
                .pressRunStatement()
                .waitUntilIdle();

        int bad = script.lastIndexOf("FROM FROM") + 5;
        assertThat(page.editor().getSelection().getStart()).isEqualTo(bad);
        assertThat(page.editor().getSelectedText()).isEqualTo("FROM");
        assertThat(page.message()).containsIgnoringCase("syntax error").contains("line 3");
        assertThat(robot.lookup("#error-details").tryQuery()).isPresent();
        snapshot(robot, console.getScene(), "sql-console-error.png");
    }

    @Test
    void hugeResultShowsFirstRowsAndHoldsABoundedNumberWhileScrolling(FxRobot robot) throws TimeoutException {
        page = new ConsolePage(robot, console);
        page.replaceText("SELECT generate_series(1, 5000000) AS n").clickRun().waitUntilIdle();
        var results = console.model().results();
        assertThat(page.rows()).isNotEmpty();

        for (int i = 0; i < 30; i++) {
            robot.interact(() -> console.grid().table().scrollTo(results.rows().size() - 1));
            WaitForAsyncUtils.waitForFxEvents();
            ConsolePage.waitUntil(() -> !results.loadingProperty().get());
        }

        assertThat(results.fetchedCountProperty().get()).isGreaterThan(5_000L);
        assertThat(results.hasMore()).isTrue();
        assertThat((long) results.rows().size()).isLessThanOrEqualTo(results.windowSize());
        assertThat(results.fetchedCountProperty().get()).isLessThan(5_000_000L / 10);
    }

    @Test
    void historyEntryPutsTheStatementBackInTheEditor(FxRobot robot) throws TimeoutException {
        page = new ConsolePage(robot, console);
        page.replaceText("SELECT 7 AS seven").clickRun().waitUntilIdle();
        robot.interact(() -> page.editor().replaceText(""));

        page.reuseFromHistory("SELECT 7 AS seven");

        assertThat(page.editor().getText()).isEqualTo("SELECT 7 AS seven;");
        assertThat(page.editor().getSelectedText()).isEqualTo("SELECT 7 AS seven");
        assertThat(console.model().history()).extracting(HistoryEntry::outcome).isEqualTo(List.of("1 row"));
    }

    private static void snapshot(FxRobot robot, Scene scene, String name) {
        ScenePng.write(robot, scene, name);
    }
}
