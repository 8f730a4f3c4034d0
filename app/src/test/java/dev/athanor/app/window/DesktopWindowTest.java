package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.TestDesktop;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window opens on the sample database and explores it. */
@ExtendWith(ApplicationExtension.class)
class DesktopWindowTest {
    private static SampleTarget sample;

    @TempDir
    Path config;

    private TestDesktop window;
    private Desktop desktop;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("desktop_window");
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

    @Test
    void windowOpensOnTheSampleDatabase(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();

        assertThat(page.visibleTreeLabels())
                .startsWith(sample.database(), "public")
                .contains("Tables", "resumes");
        assertThat(page.textOf("#status-connection")).startsWith("Sample database (" + sample.database());
    }

    @Test
    void typingInTheFilterNarrowsTheTreeToResumes(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();

        page.filterTree("resu");

        assertThat(page.visibleTreeLabels()).containsExactly(sample.database(), "public", "Tables", "resumes");
    }

    @Test
    void emptyDetailsSayWhetherAnObjectIsChosen(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        javafx.scene.control.TableView<?> columns =
                robot.lookup("#details-columns").query();

        assertThat(((javafx.scene.control.Label) columns.getPlaceholder()).getText())
                .startsWith("Select a table, view or other object");

        page.filterTree("workload").clickTreeRow("workload_enum");

        assertThat(((javafx.scene.control.Label) columns.getPlaceholder()).getText())
                .isEqualTo("Nothing here for this object.");
    }

    @Test
    void selectingResumesShowsItsColumnsAndCompensationCheck(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        page.filterTree("resu").clickTreeRow("resumes");

        assertThat(page.textOf("#details-title")).isEqualTo("public.resumes");
        assertThat(page.cellTexts("#details-columns")).contains("compensation", "workload", "worker_id", "integer");

        page.openTab("Keys & constraints");

        assertThat(page.cellTexts("#details-constraints"))
                .contains("Check", "check_compensation_positive", "compensation > 0");
    }

    @Test
    void expandingATableShowsItsColumns(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        page.filterTree("workers");

        page.expandTreeRow("workers");

        assertThat(page.visibleTreeLabels()).contains("id  integer", "username  character varying(64)");
    }

    @Test
    void schemaTreeAndQueryBuilderShareOneCatalogLoad(FxRobot robot) {
        new DesktopPage(robot, desktop).awaitSchema();
        DesktopPage.await(() -> desktop.window().builder() != null
                && desktop.window().builder().model().catalogProperty().get() != null);

        var builderCatalog =
                desktop.window().builder().model().catalogProperty().get();
        assertThat(builderCatalog.relation("public", "resumes")).isPresent();
        var columnQueries = desktop.model().echo().rows().stream()
                .filter(row -> row.sql().contains("FROM pg_attribute a"))
                .map(row -> row.origin())
                .toList();
        assertThat(columnQueries)
                .as("the columns of every table are read once, for the tree and the builder alike")
                .containsExactly("schema tree");
    }

    @Test
    void builderReadsTheConsoleTextAndSendsItsSqlBack(FxRobot robot) {
        new DesktopPage(robot, desktop).awaitSchema();
        DesktopPage.await(() -> desktop.window().builder() != null
                && desktop.window().builder().model().catalogProperty().get() != null);
        var console = desktop.window().console();
        var builder = desktop.window().builder();
        robot.interact(() -> console.editor().replaceText("SELECT username FROM public.workers"));

        robot.interact(() ->
                ((javafx.scene.control.Button) robot.lookup("#open-console-sql").query()).fire());
        DesktopPage.await(() -> builder.model().sqlProperty().get().contains("workers"));
        robot.interact(() -> console.editor().replaceText(""));
        robot.interact(() ->
                ((javafx.scene.control.Button) robot.lookup("#send-to-console").query()).fire());

        assertThat(console.editor().getText())
                .isEqualTo(builder.model().sqlForConsole())
                .contains("username");
        assertThat(desktop.window()
                        .mainTabs()
                        .getSelectionModel()
                        .getSelectedItem()
                        .getText())
                .isEqualTo("SQL console");
    }
}
