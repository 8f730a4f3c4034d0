package dev.athanor.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.graph.GraphNode.ObjectNode;
import dev.athanor.app.graph.GraphNode.RelationshipNode;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.TestDesktop;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.session.Session;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
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

/** Browsing a worker's object graph in the window, as a user does, and watching what each strategy sends. */
@ExtendWith(ApplicationExtension.class)
class RelationshipBrowserWindowTest {
    private static SampleTarget sample;

    @TempDir
    static Path config;

    private TestDesktop window;
    private Desktop desktop;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("relationship_browser");
    }

    @Start
    void start(Stage stage) {
        window = new TestDesktop(sample.settings(config));
        desktop = window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void switchingResumesFromLazyToSelectinChangesTheStatementCount(FxRobot robot) {
        var page = openWorkersGraph(robot);

        expandByClick(robot, "resumes");
        DesktopPage.await(() -> line("resumes").loaded().get()
                && !graph().model().busyProperty().get());
        assertThat(page.textOf("#graph-statement-count")).isEqualTo("Statements sent: 1");

        robot.clickOn(cellOf(robot, "resumes"));
        robot.clickOn("#graph-strategy");
        robot.clickOn(robot.lookup(".list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> "selectin".equals(c.getText()))
                .<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        DesktopPage.await(() -> page.textOf("#graph-statement-count").equals("Statements sent: 2"));
        assertThat(page.textOf("#graph-sql")).containsIgnoringCase(" in ");
        assertThat(((ComboBox<?>) robot.lookup("#graph-strategy").query()).getValue())
                .isEqualTo(LoaderStrategy.SELECTIN);
    }

    @Test
    void browsingSeveralWorkersLazilyShowsTheNPlusOneWarning(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema().openTab("Object graph");
        page.typeInto("#graph-table", "workers").click("#graph-browse");
        DesktopPage.await(() -> graph().model().roots().size() == ObjectGraphModel.ROOT_LIMIT);
        assertThat(robot.lookup("#graph-warning").query().isVisible()).isFalse();

        for (int i = 0; i < Session.N_PLUS_ONE_THRESHOLD; i++) {
            var worker = graph().model().roots().get(i);
            robot.interact(() -> item(worker).setExpanded(true));
            var resumes = worker.children().stream()
                    .filter(l -> l.label().equals("resumes"))
                    .findFirst()
                    .orElseThrow();
            robot.interact(() -> item(resumes).setExpanded(true));
            DesktopPage.await(() -> resumes.loaded().get());
        }

        DesktopPage.await(() -> robot.lookup("#graph-warning").query().isVisible());
        assertThat(page.textOf("#graph-warning")).contains("N+1").contains("selectin");
    }

    /** Opens workers in the Edit tab, selects the first row and opens its object graph with the toolbar button. */
    private DesktopPage openWorkersGraph(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        page.filterTree("workers").clickTreeRow("workers").openTab("Edit");
        DesktopPage.await(() -> desktop.window().editTab().view() != null
                && !desktop.window().editTab().view().grid().getItems().isEmpty());
        robot.interact(() ->
                desktop.window().editTab().view().grid().getSelectionModel().select(0));
        page.click("#edit-graph");
        DesktopPage.await(() -> graph() != null
                && graph().model().roots().size() == 1
                && !graph().model().roots().getFirst().children().isEmpty());
        assertThat(graph().model().roots().getFirst().label()).startsWith("workers #");
        robot.interact(() -> item(graph().model().roots().getFirst()).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        return page;
    }

    private void expandByClick(FxRobot robot, String text) {
        robot.clickOn(cellOf(robot, text).lookup(".tree-disclosure-node"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TreeCell<?> cellOf(FxRobot robot, String relationship) {
        DesktopPage.await(() -> robot.lookup("#graph-tree .tree-cell")
                .match((TreeCell<?> c) -> c.getItem() instanceof RelationshipNode line
                        && line.label().equals(relationship))
                .tryQuery()
                .isPresent());
        return robot.lookup("#graph-tree .tree-cell")
                .match((TreeCell<?> c) -> c.getItem() instanceof RelationshipNode line
                        && line.label().equals(relationship))
                .query();
    }

    private RelationshipNode line(String name) {
        ObjectNode root = graph().model().roots().getFirst();
        return root.children().stream()
                .filter(l -> l.label().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private TreeItem<GraphNode> item(GraphNode node) {
        return graph().find(graph().tree().getRoot(), node).orElseThrow();
    }

    private ObjectGraphView graph() {
        return desktop.window().graphView();
    }
}
