package dev.athanor.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.echo.EchoRow;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.TestDesktop;
import dev.athanor.app.window.WindowState;
import dev.athanor.model.session.Session;
import dev.athanor.model.session.TransactionState;
import java.nio.file.Path;
import java.sql.SQLException;
import javafx.scene.control.TableCell;
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

/** Editing a table's rows in its Edit tab, as a user does, and watching the Session panel follow. */
@ExtendWith(ApplicationExtension.class)
class EditingThroughTheSessionWindowTest {
    private static SampleTarget sample;

    @TempDir
    static Path config;

    private TestDesktop window;
    private Desktop desktop;
    private int resumeId;
    private Integer compensationBefore;
    private dev.athanor.model.session.Row target;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("session_window");
    }

    @Start
    void start(Stage stage) throws SQLException {
        resumeId = firstResumeId();
        compensationBefore = compensation(resumeId);
        window = new TestDesktop(sample.settings(config));
        desktop = window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        try (var c = sample.server().connect(sample.database());
                var s = c.prepareStatement("UPDATE resumes SET compensation = ? WHERE id = ?")) {
            s.setObject(1, compensationBefore);
            s.setInt(2, resumeId);
            s.executeUpdate();
        }
    }

    @Test
    void anEditedCellIsDirtyInTheFlushPlanAndCommitted(FxRobot robot) throws Exception {
        var page = openResumes(robot);

        type(robot, "compensation", "123457");

        DesktopPage.await(
                () -> row().state().equals("dirty") && row().modified().get(column("compensation")));
        page.openTab("Session");
        DesktopPage.await(() -> page.textOf("#session-flush-plan")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("update"));
        assertThat(page.textOf("#session-flush-plan")).contains("compensation").contains("123457");
        assertThat(session().snapshotProperty().get().code()).contains("compensation = 123457");
        assertThat(compensation(resumeId)).as("nothing sent before the commit").isEqualTo(compensationBefore);

        page.click("#session-commit");
        DesktopPage.await(() -> !session().snapshotProperty().get().pending());

        assertThat(compensation(resumeId))
                .as("seen through an independent connection")
                .isEqualTo(123457);
        assertThat(desktop.model().echo().rows())
                .filteredOn(row -> row.origin().equals(Session.ORIGIN))
                .extracting(EchoRow::sql)
                .anySatisfy(
                        sql -> assertThat(sql).startsWithIgnoringCase("update").contains("compensation"))
                .anySatisfy(sql -> assertThat(sql).isEqualToIgnoringCase("COMMIT"));
        DesktopPage.await(() -> row().state().contains("expired"));
    }

    @Test
    void aCheckViolationShowsAtItsCellAndTheTypedValueStays(FxRobot robot) throws Exception {
        var page = openResumes(robot);

        type(robot, "compensation", "-1");
        DesktopPage.await(() -> row().modified().get(column("compensation")));
        page.click("#edit-flush");

        DesktopPage.await(() -> row().errors().containsKey("compensation"));
        assertThat(row().errors().get("compensation")).contains("compensation > 0");
        assertThat(row().texts().get(column("compensation"))).isEqualTo("-1");
        assertThat(session().snapshotProperty().get().transaction()).isEqualTo(TransactionState.FAILED);
        DesktopPage.await(
                () -> robot.lookup("#edit-grid .cell-error").tryQuery().isPresent());
        assertThat(((TableCell<?, ?>) robot.lookup("#edit-grid .cell-error").query()).getText())
                .isEqualTo("-1");
        assertThat(page.textOf("#status-session")).contains("needs rollback");
        assertThat(compensation(resumeId)).isEqualTo(compensationBefore);

        page.click("#edit-rollback");
        DesktopPage.await(() -> session().snapshotProperty().get().transaction() == TransactionState.IDLE
                && row().errors().isEmpty());
    }

    private DesktopPage openResumes(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        page.filterTree("resumes").clickTreeRow("resumes").openTab("Edit");
        DesktopPage.await(() -> desktop.window().editTab().view() != null
                && !grid().getItems().isEmpty()
                && grid().getColumns().size() > 1);
        return page;
    }

    /** Double-clicks the cell of {@link #resumeId}'s row, types {@code text} and presses Enter, as a user does. */
    private void type(FxRobot robot, String columnName, String text) {
        robot.interact(() -> grid().scrollTo(grid().getItems().indexOf(row())));
        WaitForAsyncUtils.waitForFxEvents();
        DesktopPage.await(() -> cell(robot, columnName) != null);
        robot.doubleClickOn(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> cell(robot, columnName)));
        DesktopPage.await(
                () -> robot.lookup("#edit-grid .text-field").tryQuery().isPresent());
        robot.interact(() -> {
            var field = (TextField) robot.lookup("#edit-grid .text-field").query();
            field.setText(text);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableCell<?, ?> cell(FxRobot robot, String columnName) {
        var wanted = row().row();
        return robot.lookup("#edit-grid .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getTableColumn() != null
                        && columnName.equals(cell.getTableColumn().getUserData())
                        && cell.getTableRow() != null
                        && cell.getTableRow().getItem() instanceof TableEditModel.EditRow shown
                        && shown.row() == wanted)
                .findFirst()
                .orElse(null);
    }

    private javafx.scene.control.TableView<TableEditModel.EditRow> grid() {
        return desktop.window().editTab().view().grid();
    }

    /** The grid's row of {@link #resumeId}: found by its key once, then by identity (expired rows show no key). */
    private TableEditModel.EditRow row() {
        if (target == null) {
            int id = column("id");
            grid().getItems().stream()
                    .filter(row -> row.texts().get(id).equals(String.valueOf(resumeId)))
                    .findFirst()
                    .ifPresent(row -> target = row.row());
        }
        return grid().getItems().stream()
                .filter(row -> row.row() == target)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + resumeId + " in the grid"));
    }

    private int column(String name) {
        var columns = desktop.window().editTab().view().model().columns();
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException(name);
    }

    private SessionModel session() {
        return ((WindowState.Connected) desktop.model().stateProperty().get()).session();
    }

    private static int firstResumeId() throws SQLException {
        try (var c = sample.server().connect(sample.database());
                var rs = c.createStatement().executeQuery("SELECT min(id) FROM resumes")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Integer compensation(int id) throws SQLException {
        try (var c = sample.server().connect(sample.database());
                var s = c.prepareStatement("SELECT compensation FROM resumes WHERE id = ?")) {
            s.setInt(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return (Integer) rs.getObject(1);
            }
        }
    }
}
