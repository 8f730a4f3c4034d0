package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.TestDesktop;
import dev.athanor.query.model.Query;
import dev.athanor.query.project.ProjectFile;
import dev.athanor.query.project.QueryProject;
import dev.athanor.query.project.SavedQuery;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Started on a project file (the desktop's file type, `athanor FILE.athanor.json`), the builder opens its query. */
@ExtendWith(ApplicationExtension.class)
class OpenProjectAtStartTest {
    private static SampleTarget sample;

    @TempDir
    static Path projects;

    private static Path file;

    @TempDir
    Path config;

    private TestDesktop window;
    private Desktop desktop;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("open_project");
        file = projects.resolve("reports.athanor.json");
        ProjectFile.standard()
                .save(
                        file,
                        QueryProject.empty()
                                .withQueries(List.of(SavedQuery.of("workers_report", new Query.Raw("SELECT 1")))));
    }

    @Start
    void start(Stage stage) {
        window = new TestDesktop(sample.settings(config));
        desktop = window.desktop();
        desktop.openProjectWhenConnected(file);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void theProjectsFirstQueryIsInTheBuilderOnceConnected(FxRobot robot) {
        new DesktopPage(robot, desktop).awaitSchema();
        DesktopPage.await(() -> desktop.window().builder() != null
                && desktop.window().builder().projects() != null
                && "workers_report"
                        .equals(desktop.window()
                                .builder()
                                .projects()
                                .queryNameProperty()
                                .get()));

        assertThat(desktop.window().builder().projects().fileProperty().get()).isEqualTo(file);
    }
}
