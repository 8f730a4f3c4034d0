package dev.athanor.app.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.sample.testkit.TestPostgres;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

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
        view = BuilderPage.show(stage, background, database);
    }

    @AfterEach
    void close() {
        background.close();
    }

    private BuilderPage page(FxRobot robot) {
        page = BuilderPage.loaded(robot, view);
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

    @Test
    void secondShowcaseBuiltThroughCteAndSubqueryReturnsTheHandWrittenRows(FxRobot robot) throws Exception {
        var page = page(robot);
        page.clause("ctes-subqueries").write("#new-cte-name", "helper2").click("#add-cte");
        page.write("#new-subquery-alias", "helper1").click("#add-subquery").click("#edit-subquery-helper1");
        assertThat(page.model().scopeProperty().get().label()).isEqualTo("query / helper2 / helper1");
        String r = page.addTable("public.resumes");
        String w = page.addTable("public.workers");
        page.click("#suggestion-0-inner");
        page.tick(w, "id").tick(w, "username").tick(r, "compensation").tick(r, "workload");
        page.clause("windows")
                .write("#window-argument", r + ".compensation")
                .write("#window-partition", "workload")
                .write("#window-cast", "int")
                .write("#window-label", "avg_workload_compensation")
                .click("#add-window-column");
        page.click("#scope-up");
        page.clause("columns")
                .write("#new-column-expression", "*")
                .click("#add-column")
                .write("#new-column-expression", "compensation - avg_workload_compensation")
                .write("#new-column-label", "compensation_diff")
                .click("#add-column");
        page.click("#scope-up");
        page.clause("ctes-subqueries").click("#use-cte-helper2");
        page.clause("columns").write("#new-column-expression", "*").click("#add-column");
        page.clause("order-limit")
                .write("#order-expression .text-field", "compensation_diff")
                .choose("#order-direction", "DESC")
                .click("#add-order-by");

        page.run();

        var expected = QueryBuilderModelTest.rowsOf(database, QueryBuilderModelTest.SHOWCASE_TWO);
        var actual = page.rows();
        assertThat(actual).hasSize(expected.size());
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void ctrlZUndoesATickAndCtrlYRedoesIt(FxRobot robot) {
        var page = page(robot);
        String w = page.addTable("public.workers");
        page.tick(w, "username");
        assertThat(page.sql()).contains("username");

        robot.clickOn("#query-canvas");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.CONTROL);
        page.settle();
        assertThat(page.sql()).doesNotContain("username");
        assertThat(robot.lookup("#check-" + w + "-username")
                        .queryAs(javafx.scene.control.CheckBox.class)
                        .isSelected())
                .isFalse();

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Y)
                .release(javafx.scene.input.KeyCode.Y, javafx.scene.input.KeyCode.CONTROL);
        page.settle();
        assertThat(page.sql()).contains("username");
    }

    @Test
    void aGroupByResultIsChartedAndTheViewsArePictured(FxRobot robot) throws Exception {
        var page = page(robot);
        String w = page.addTable("public.workers");
        String r = page.addTable("public.resumes");
        page.click("#suggestion-0-inner");
        page.tick(r, "workload");
        page.clause("columns")
                .choose("#new-column-aggregate", "count")
                .write("#new-column-label", "resumes")
                .click("#add-column")
                .write("#new-column-expression", r + ".compensation")
                .choose("#new-column-aggregate", "avg")
                .write("#new-column-cast", "int")
                .write("#new-column-label", "avg_compensation")
                .click("#add-column");
        page.clause("group-by")
                .enter("#group-by-expression .text-field", r + ".workload")
                .click("#add-group-by");
        page.clause("filters")
                .click("#where-add")
                .write("#where-0-left", w + ".username")
                .choose("#where-0-operator", "IS NOT NULL");
        robot.interact(() -> page.model().moveTable(r, 330, 40));
        page.clause("group-by");
        page.click("#run-chart");
        page.waitUntilIdle();

        var chart = robot.lookup("#chart").queryAs(javafx.scene.chart.BarChart.class);
        assertThat(chart).isNotNull();
        assertThat(((javafx.scene.chart.XYChart.Series<?, ?>) chart.getData().getFirst()).getData())
                .hasSize(2);
        var shots = Path.of("target", "screenshots");
        page.output("Results").snapshot(shots.resolve("builder-join-groupby.png"));
        page.output("SQL").snapshot(shots.resolve("builder-sql-preview.png"));
        page.output("Chart").snapshot(shots.resolve("builder-chart.png"));
    }

    @Test
    void anUngroupedColumnIsMarkedOnItsRowInTheColumnsPanel(FxRobot robot) {
        var page = page(robot);
        String r = page.addTable("public.resumes");
        page.tick(r, "workload").tick(r, "title");
        page.clause("group-by")
                .enter("#group-by-expression .text-field", r + ".workload")
                .click("#add-group-by");
        page.clause("columns");

        var titleRow = robot.lookup("#column-row-1").queryAs(javafx.scene.Node.class);
        var workloadRow = robot.lookup("#column-row-0").queryAs(javafx.scene.Node.class);
        assertThat(titleRow.getStyleClass()).contains(ProblemMarks.STYLE_CLASS);
        assertThat((String) titleRow.getUserData()).contains("title");
        assertThat(workloadRow.getStyleClass()).doesNotContain(ProblemMarks.STYLE_CLASS);
        assertThat(robot.lookup("#problem-list").queryListView().getItems()).hasSize(1);
    }

    @Test
    void draggingAColumnOntoAColumnOfAnotherBoxJoinsThem(FxRobot robot) {
        var page = page(robot);
        String w = page.addTable("public.workers");
        String r = page.addTable("public.resumes");
        page.click("#suggestion-0-dismiss");
        robot.interact(() -> page.model().moveTable(r, 360, 40));
        page.settle();

        robot.drag("#column-" + r + "-worker_id").dropTo("#column-" + w + "-id");
        page.settle();

        assertThat(page.model().lines()).singleElement().satisfies(line -> {
            assertThat(line.type()).isEqualTo(dev.athanor.query.model.TableSource.Join.Type.INNER);
            assertThat(java.util.Set.of(line.leftColumn(), line.rightColumn()))
                    .containsExactlyInAnyOrder("worker_id", "id");
        });
    }

    @Test
    void doubleClickingTheAliasRenamesItEverywhereInTheQuery(FxRobot robot) {
        var page = page(robot);
        String r = page.addTable("public.resumes");
        page.tick(r, "title");

        robot.doubleClickOn("#alias-" + r);
        page.settle();
        robot.interact(() -> robot.lookup("#alias-editor")
                .queryAs(javafx.scene.control.TextField.class)
                .clear());
        robot.write("res").type(javafx.scene.input.KeyCode.ENTER);
        page.settle();

        assertThat(robot.lookup("#box-res").tryQuery()).isPresent();
        assertThat(page.sql()).contains("res.title");
    }

    @Test
    void aTableTheCatalogDoesNotKnowIsFramedAsAProblemOnTheCanvas(FxRobot robot) {
        var page = page(robot);
        String known = page.addTable("public.workers");
        String unknown = page.addTable("public.no_such_table");

        var box = robot.lookup("#box-" + unknown).queryAs(javafx.scene.layout.Region.class);
        var knownBox = robot.lookup("#box-" + known).queryAs(javafx.scene.layout.Region.class);
        assertThat(box.getStyleClass()).contains(ProblemMarks.STYLE_CLASS);
        assertThat((String) box.getUserData()).contains("no_such_table");
        assertThat(knownBox.getStyleClass()).doesNotContain(ProblemMarks.STYLE_CLASS);
        // The frame comes from the builder's stylesheet, so a box without problems keeps its normal frame.
        assertThat(box.getBorder().getStrokes().getFirst().getTopStroke())
                .isEqualTo(javafx.scene.paint.Color.web("#d32f2f"));
        assertThat(knownBox.getBorder().getStrokes().getFirst().getTopStroke())
                .isEqualTo(javafx.scene.paint.Color.web("#7a8ca3"));
    }

    @Test
    void aLikeValueTypedWithoutQuotesIsATextValueAndTheQueryRuns(FxRobot robot) throws Exception {
        var page = page(robot);
        resumeIdsWhereTitle(page, "LIKE", "%Python%");

        assertThat(page.sql()).contains(".title like '%Python%'");
        page.run();
        var expected = QueryBuilderModelTest.rowsOf(database, "SELECT id FROM resumes WHERE title LIKE '%Python%'");
        assertThat(expected).isNotEmpty();
        assertThat(page.rows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Selects the ids of resumes whose title passes {@code operator} with {@code value} typed as the value. */
    private static void resumeIdsWhereTitle(BuilderPage page, String operator, String value) {
        String r = page.addTable("public.resumes");
        page.tick(r, "id");
        page.clause("filters")
                .click("#where-add")
                .write("#where-0-left", r + ".title")
                .choose("#where-0-operator", operator)
                .enter("#where-0-right", value);
    }

    @Test
    void valueTextReadAsAnExpressionThatDoesNotParseIsNamedInProblems(FxRobot robot) {
        var page = page(robot);
        String r = page.addTable("public.resumes");
        page.clause("filters")
                .click("#where-add")
                .write("#where-0-left", r + ".title")
                .choose("#where-0-operator", "LIKE")
                .click("#where-0-right-expression")
                .enter("#where-0-right", "%Python%");

        assertThat(robot.lookup("#problem-list").queryListView().getItems())
                .map(Object::toString)
                .anyMatch(problem -> problem.contains("UNREADABLE_SQL") && problem.contains("%Python%"));
        var row = robot.lookup("#where-0").queryAs(javafx.scene.Node.class);
        assertThat(row.getStyleClass()).contains(ProblemMarks.STYLE_CLASS);
    }

    @Test
    void aFilterFieldCompletesTheColumnBeingTyped(FxRobot robot) {
        var page = page(robot);
        String r = page.addTable("public.resumes");
        page.clause("filters").click("#where-add").write("#where-0-left", r + ".compen");

        var cell = robot.lookup("#where-0-left-completion .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> (r + ".compensation").equals(c.getText()))
                .queryAs(javafx.scene.control.ListCell.class);
        robot.clickOn(cell);
        page.settle();

        assertThat(robot.lookup("#where-0-left")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText())
                .isEqualTo(r + ".compensation");
    }

    @Test
    void theOrderFieldOffersAggregatesOfTheColumns(FxRobot robot) {
        var page = page(robot);
        String r = page.addTable("public.resumes");
        page.clause("order-limit").write("#order-expression .text-field", "avg(" + r + ".comp");

        var shown = robot.lookup(".completion-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .map(javafx.scene.control.ListCell::getText)
                .toList();
        assertThat(shown).contains("avg(" + r + ".compensation)");
    }

    @Test
    void aContainsFilterTypedInTheWindowReturnsTheRowsHoldingTheText(FxRobot robot) throws Exception {
        var page = page(robot);
        resumeIdsWhereTitle(page, "ends with", "Engineer");

        page.run();

        var expected =
                QueryBuilderModelTest.rowsOf(database, "SELECT id FROM resumes WHERE right(title, 8) = 'Engineer'");
        assertThat(expected).isNotEmpty();
        assertThat(page.rows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void enterInTheTableFieldAddsTheTypedTable(FxRobot robot) {
        var page = page(robot);

        page.enter("#add-table-choice", "workers");

        assertThat(page.model().tables()).singleElement().satisfies(t -> assertThat(t.source())
                .isEqualTo("public.workers"));
        assertThat(robot.lookup("#add-table-choice")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText())
                .isEmpty();
    }

    @Test
    void theTableFieldCompletesTableNamesFromTheCatalog(FxRobot robot) {
        var page = page(robot);
        page.write("#add-table-choice", "resu");

        robot.type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.ENTER);
        page.settle();
        assertThat(robot.lookup("#add-table-choice")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText())
                .isEqualTo("public.resumes");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        page.settle();

        assertThat(page.model().tables()).singleElement().satisfies(t -> assertThat(t.source())
                .isEqualTo("public.resumes"));
    }

    @Test
    void everyBoxAddedByNameCanBeScrolledIntoView(FxRobot robot) {
        var page = page(robot);
        for (var table : java.util.List.of("workers", "resumes", "vacancies", "users", "projects", "workers")) {
            page.enter("#add-table-choice", table);
        }
        var canvas = view.canvas();
        for (var table : page.model().tables()) {
            var box = canvas.box(table.alias());
            var bounds = box.getBoundsInParent();
            var inCanvas = canvas.sceneToLocal(box.localToScene(box.getBoundsInLocal()));
            assertThat(inCanvas.getMaxX())
                    .as("box %s lies within the canvas the scroll pane shows", table.alias())
                    .isLessThanOrEqualTo(canvas.getWidth());
            assertThat(inCanvas.getMaxY()).isLessThanOrEqualTo(canvas.getHeight());
            assertThat(bounds.getWidth()).isPositive();
        }
    }

    @Test
    void runBringsTheResultsForwardEachTime(FxRobot robot) {
        var page = page(robot);
        String r = page.addTable("public.resumes");
        page.tick(r, "id");
        page.run();
        page.output("SQL");

        page.run();

        assertThat(selectedOutput(robot)).isEqualTo("Results");
    }

    @Test
    void chartBringsTheChartForwardEachTime(FxRobot robot) {
        var page = page(robot);
        String r = page.addTable("public.resumes");
        page.tick(r, "workload");
        page.clause("columns").choose("#new-column-aggregate", "count").click("#add-column");
        page.clause("group-by")
                .enter("#group-by-expression .text-field", r + ".workload")
                .click("#add-group-by");
        page.click("#run-chart");
        page.waitUntilIdle();
        page.output("SQL");

        page.click("#run-chart");
        page.waitUntilIdle();

        assertThat(selectedOutput(robot)).isEqualTo("Chart");
    }

    private static String selectedOutput(FxRobot robot) {
        return robot.lookup("#output-tabs")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getText();
    }

    @Test
    void ctrlNClearsTheQueryAfterAskingAndCtrlZBringsItBack(FxRobot robot) {
        var page = page(robot);
        var asked = new java.util.concurrent.atomic.AtomicInteger();
        view.answerDiscardWith(() -> asked.incrementAndGet() > 0);
        String r = page.addTable("public.resumes");
        page.clause("filters")
                .click("#where-add")
                .write("#where-0-left", r + ".compensation")
                .choose("#where-0-operator", ">")
                .enter("#where-0-right", "40000");
        var before = page.model().statement();
        page.click("#canvas-scroll");

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.N, javafx.scene.input.KeyCode.CONTROL);
        page.settle();

        assertThat(asked.get()).isEqualTo(1);
        assertThat(page.model().statement()).isEqualTo(dev.athanor.query.model.Query.select());
        assertThat(robot.lookup("#where-0-left").tryQuery()).isEmpty();
        assertThat(view.canvas().box(r)).isNull();

        page.click("#undo");
        assertThat(page.model().statement()).isEqualTo(before);
    }

    @Test
    void newQueryAnsweredNoKeepsTheQuery(FxRobot robot) {
        var page = page(robot);
        view.answerDiscardWith(() -> false);
        page.addTable("public.resumes");
        var before = page.model().statement();

        page.click("#new-query");

        assertThat(page.model().statement()).isEqualTo(before);
    }
}
