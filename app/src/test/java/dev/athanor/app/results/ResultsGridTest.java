package dev.athanor.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.sample.testkit.TestPostgres;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
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

/** How the grid draws values, on the headless toolkit. */
@ExtendWith(ApplicationExtension.class)
class ResultsGridTest {
    private static DataSource dataSource;
    private FxBackground background;
    private ResultsGrid grid;

    @BeforeAll
    static void database() {
        var pg = TestPostgres.shared();
        dataSource = pg.dataSource(pg.createSampleDatabase("results_grid"));
    }

    @Start
    void start(Stage stage) {
        background = new FxBackground();
        grid = new ResultsGrid(new ResultsModel(background, dataSource::getConnection));
        stage.setScene(new Scene(grid, 800, 400));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> grid.model().close());
        WaitForAsyncUtils.waitForFxEvents();
        background.close();
    }

    private void show(FxRobot robot, String sql) throws Exception {
        robot.interact(() -> grid.model().showQuery(sql, List.of()));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> grid.model().completeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The drawn cell of the first row in the column with this name. */
    private TableCell<?, ?> cell(FxRobot robot, String column) {
        return robot.lookup(".value-cell")
                .match((TableCell<?, ?> c) ->
                        c.getIndex() == 0 && column.equals(c.getTableColumn().getId()))
                .query();
    }

    @Test
    void nullIsDrawnAsGreyNullAndEmptyStringAsNothing(FxRobot robot) throws Exception {
        show(robot, "SELECT NULL::text AS missing, ''::text AS blank, 'NULL'::text AS word");

        assertThat(cell(robot, "missing").getText()).isEqualTo("NULL");
        assertThat(cell(robot, "missing").getStyleClass()).contains("null-value");
        assertThat(cell(robot, "blank").getText()).isEmpty();
        assertThat(cell(robot, "blank").getStyleClass()).doesNotContain("null-value");
        assertThat(cell(robot, "word").getText()).isEqualTo("NULL");
        assertThat(cell(robot, "word").getStyleClass()).doesNotContain("null-value");
    }

    @Test
    void numbersAreRightAlignedAndTextIsNot(FxRobot robot) throws Exception {
        show(robot, "SELECT 42 AS n, 'x' AS t");

        assertThat(cell(robot, "n").getAlignment()).isEqualTo(Pos.CENTER_RIGHT);
        assertThat(cell(robot, "t").getAlignment()).isNotEqualTo(Pos.CENTER_RIGHT);
    }

    @Test
    void longTextAndBytesAreCutShortInCells(FxRobot robot) throws Exception {
        show(robot, "SELECT repeat('a', 1000) AS long, decode(repeat('ff', 100), 'hex') AS bin");

        assertThat(cell(robot, "long").getText()).hasSize(CellText.MAX_CELL_CHARS + 1);
        assertThat(cell(robot, "bin").getText()).startsWith("\\xffff").endsWith("(100 bytes)");
    }

    @Test
    void selectedCellsCopyAsTabSeparatedRows(FxRobot robot) throws Exception {
        show(robot, "SELECT * FROM (VALUES (1, 'a', NULL), (2, 'b\tc', 'z')) v(id, name, note) ORDER BY id");
        robot.interact(() -> grid.table().getSelectionModel().selectAll());

        assertThat(grid.selectionAsTsv()).isEqualTo("1\ta\t\n2\t\"b\tc\"\tz\n");
    }

    @Test
    void headersNameTheColumnType(FxRobot robot) throws Exception {
        show(robot, "SELECT 1::int8 AS big, now() AS at");

        assertThat(robot.lookup(".column-type").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .containsExactly("int8", "timestamptz");
    }

    @Test
    void doubleClickShowsTheWholeValue(FxRobot robot) throws Exception {
        show(robot, "SELECT repeat('ab', 500) AS long");
        robot.doubleClickOn(cell(robot, "long"));

        var viewer = robot.lookup(".value-viewer-text").queryAs(javafx.scene.control.TextArea.class);
        assertThat(viewer.getText()).isEqualTo("ab".repeat(500));
        robot.interact(() -> viewer.getScene().getWindow().hide());
    }
}
