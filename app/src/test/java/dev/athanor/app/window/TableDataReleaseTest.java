package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.ServerSessions;
import dev.athanor.app.testing.TestDesktop;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javafx.scene.control.TextField;
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

/**
 * A Data tab whose rows are only partly read holds a transaction (and a lock on its table) open on the server; it
 * must let go when the user moves on, so that the user's own ALTER TABLE does not hang on a lock they cannot see.
 */
@ExtendWith(ApplicationExtension.class)
class TableDataReleaseTest {
    private static SampleTarget sample;

    @TempDir
    Path config;

    private TestDesktop window;
    private Desktop desktop;

    @BeforeAll
    static void database() throws SQLException {
        sample = SampleTarget.create("table_data_release");
        try (var connection = sample.server().connect(sample.database());
                var statement = connection.createStatement()) {
            // several pages of rows, so the grid's cursor stays open after the first one
            statement.execute("CREATE TABLE many_rows AS SELECT g AS id, 'row ' || g AS label"
                    + " FROM generate_series(1, 5000) g");
        }
    }

    @Start
    void start(Stage stage) {
        window = new TestDesktop(sample.settings(config));
        desktop = window.desktop();
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    private static List<String> idleInTransaction() throws SQLException {
        return ServerSessions.idleInTransaction(sample.database());
    }

    /** ALTER TABLE from an independent session, failing after a second instead of hanging on a lock. */
    private static void alterManyRows(String column) throws SQLException {
        try (var connection = sample.server().connect(sample.database());
                var statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '1s'");
            statement.execute("ALTER TABLE many_rows ADD COLUMN " + column + " int");
        }
    }

    /** Selects a tab of the object's details, as a click on its header does. */
    private void selectDetailsTab(String title) {
        new FxRobot().interact(() -> {
            var tabs = desktop.window().detailsView().tabs();
            tabs.getSelectionModel()
                    .select(tabs.getTabs().stream()
                            .filter(tab -> tab.getText().equals(title))
                            .findFirst()
                            .orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitNoneIdleInTransaction() throws Exception {
        try {
            DesktopPage.await(() -> idleInTransaction().isEmpty());
        } catch (AssertionError timedOut) {
            assertThat(idleInTransaction())
                    .as("sessions left idle in transaction")
                    .isEmpty();
        }
    }

    private DesktopPage openData() {
        var page = new DesktopPage(new FxRobot(), desktop).awaitSchema();
        page.filterTree("many_rows").clickTreeRow("many_rows");
        selectDetailsTab("Data");
        DesktopPage.await(() -> page.cellTexts(".results-grid").contains("row 1"));
        return page;
    }

    @Test
    void leavingTheDataTabEndsItsTransaction() throws Exception {
        var page = openData();
        assertThat(idleInTransaction())
                .as("a partly read Data tab holds its cursor open")
                .hasSize(1);

        selectDetailsTab("Columns");

        awaitNoneIdleInTransaction();
        alterManyRows("probe_after_tab");

        selectDetailsTab("Data");
        DesktopPage.await(() -> page.cellTexts(".results-grid").contains("row 1"));
        assertThat(idleInTransaction())
                .as("opening the tab again runs the query again")
                .hasSize(1);
    }

    @Test
    void leavingTheSchemaForTheConsoleEndsItsTransaction() throws Exception {
        var page = openData();
        assertThat(idleInTransaction()).hasSize(1);

        page.openTab("SQL console");

        awaitNoneIdleInTransaction();
        alterManyRows("probe_after_console");
    }

    @Test
    void choosingAnotherObjectEndsItsTransaction() throws Exception {
        var page = openData();
        assertThat(idleInTransaction()).hasSize(1);

        var robot = new FxRobot();
        robot.interact(
                () -> robot.lookup("#schema-filter").queryAs(TextField.class).clear());
        page.filterTree("workload").clickTreeRow("workload_enum"); // a type: no rows to show

        awaitNoneIdleInTransaction();
        alterManyRows("probe_after_object");
    }
}
