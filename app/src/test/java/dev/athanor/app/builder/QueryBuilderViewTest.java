package dev.athanor.app.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.sample.testkit.TestPostgres;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The builder as a user drives it, on the headless toolkit against the sample database. */
@ExtendWith(ApplicationExtension.class)
class QueryBuilderViewTest {
    private static String database;
    private FxBackground background;
    private QueryBuilderView view;
    private BuilderPage page;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.shared().createSampleDatabase("builder_ui");
    }

    @Start
    void start(Stage stage) {
        background = new FxBackground();
        var model =
                new QueryBuilderModel(background, () -> TestPostgres.shared().connect(database));
        view = new QueryBuilderView(model);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        model.loadCatalog();
    }

    @AfterEach
    void close() {
        background.close();
    }

    private BuilderPage page(FxRobot robot) {
        page = new BuilderPage(robot, view);
        for (int i = 0; i < 200 && page.model().catalogProperty().get() == null; i++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(page.model().catalogProperty().get()).isNotNull();
        return page;
    }

    @Test
    void firstShowcaseBuiltByClickingAndTypingReturnsTheHandWrittenRows(FxRobot robot) throws Exception {
        var page = page(robot);
        String r = page.addTable("public.resumes");
        page.tick(r, "workload");
        page.clause("columns")
                .write("#new-column-expression", r + ".compensation")
                .choose("#new-column-aggregate", "avg")
                .write("#new-column-cast", "int")
                .write("#new-column-label", "avg_compensation")
                .click("#add-column");
        page.clause("filters")
                .click("#where-add")
                .write("#where-0-left", r + ".title")
                .choose("#where-0-operator", "LIKE")
                .enter("#where-0-right", "'%Python%'")
                .click("#where-add")
                .write("#where-1-left", r + ".compensation")
                .choose("#where-1-operator", ">")
                .enter("#where-1-right", "40000");
        page.clause("group-by")
                .enter("#group-by-expression .text-field", r + ".workload")
                .click("#add-group-by")
                .click("#having-add")
                .write("#having-0-left", "avg(" + r + ".compensation)")
                .choose("#having-0-operator", ">")
                .enter("#having-0-right", "70000");

        page.run();

        var expected = QueryBuilderModelTest.rowsOf(database, QueryBuilderModelTest.SHOWCASE_ONE);
        assertThat(expected).isNotEmpty();
        assertThat(page.rows()).containsExactlyInAnyOrderElementsOf(expected);
        page.snapshot(Path.of("target", "screenshots", "builder-showcase-one.png"));
    }
}
