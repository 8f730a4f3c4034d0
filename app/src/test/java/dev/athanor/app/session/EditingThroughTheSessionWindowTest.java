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
import javafx.stage.WindowEvent;
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
    private Stage stage;
    private int workerBefore;
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
        workerBefore = ((Number) scalar("SELECT worker_id FROM resumes WHERE id = " + resumeId)).intValue();
        this.stage = stage;
        window = new TestDesktop(sample.settings(config));
        desktop = window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        try (var c = sample.server().connect(sample.database());
                var s = c.prepareStatement("UPDATE resumes SET compensation = ?, worker_id = ? WHERE id = ?")) {
            s.setObject(1, compensationBefore);
            s.setInt(2, workerBefore);
            s.setInt(3, resumeId);
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

        page.openTab("SQL console");
        robot.interact(() -> desktop.window()
                .console()
                .editor()
                .replaceText("SELECT compensation FROM resumes WHERE id = " + resumeId));
        robot.clickOn(robot.from(desktop.window().console()).lookup("#run").queryButton());
        DesktopPage.await(() -> consoleCell(robot, "compensation") != null);
        assertThat(consoleCell(robot, "compensation"))
                .as("found through the window's own SQL console")
                .isEqualTo("123457");
    }

    @Test
    void aForeignKeyIsChosenFromTheReferencedRowsFoundByTypingPartOfAUsername(FxRobot robot) throws Exception {
        openResumes(robot);
        int otherId;
        String username;
        try (var c = sample.server().connect(sample.database());
                var rs = c.createStatement()
                        .executeQuery("SELECT id, username FROM workers WHERE id <> " + workerBefore
                                + " AND length(username) > 3 ORDER BY id LIMIT 1")) {
            rs.next();
            otherId = rs.getInt(1);
            username = rs.getString(2);
        }
        String part = username.substring(1, username.length() - 1);
        String label = otherId + " · " + username;

        robot.interact(() -> grid().scrollTo(grid().getItems().indexOf(row())));
        WaitForAsyncUtils.waitForFxEvents();
        DesktopPage.await(() -> cell(robot, "worker_id") != null);
        robot.doubleClickOn(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> cell(robot, "worker_id")));
        DesktopPage.await(() -> robot.lookup("#edit-reference").tryQuery().isPresent());
        var editor = robot.lookup("#edit-reference")
                .queryAs(javafx.scene.control.ComboBox.class)
                .getEditor();
        robot.interact(editor::clear);
        robot.clickOn(editor).write(part);
        try {
            DesktopPage.await(() -> offered(robot, label).isPresent());
        } catch (AssertionError e) {
            var box = robot.lookup("#edit-reference").tryQueryAs(javafx.scene.control.ComboBox.class);
            throw new AssertionError(
                    "no " + label + "; editor '" + editor.getText() + "', box "
                            + box.map(b -> b.getItems() + " showing " + b.isShowing())
                                    .orElse("gone") + ", cells "
                            + robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                                    .map(javafx.scene.control.ListCell::getText)
                                    .toList(),
                    e);
        }
        robot.clickOn(offered(robot, label).orElseThrow());

        DesktopPage.await(
                () -> row().state().equals("dirty") && row().modified().get(column("worker_id")));
        assertThat(row().texts().get(column("worker_id"))).isEqualTo(String.valueOf(otherId));
        assertThat(desktop.model().echo().rows())
                .extracting(EchoRow::sql)
                .anySatisfy(sql -> assertThat(sql).contains("ILIKE").contains("LIMIT"));
        assertThat(scalar("SELECT worker_id FROM resumes WHERE id = " + resumeId))
                .as("nothing sent to the row before a flush")
                .isEqualTo(workerBefore);
    }

    /** The drop-down's entry with {@code label}, once the search has shown it. */
    private static java.util.Optional<javafx.scene.control.ListCell<?>> offered(FxRobot robot, String label) {
        return robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(cell -> label.equals(cell.getText()) && cell.isVisible())
                .<javafx.scene.control.ListCell<?>>map(cell -> cell)
                .findFirst();
    }

    @Test
    void closingWithUncommittedSessionWorkAsksAndCancelKeepsTheWindowAndTheWork(FxRobot robot) {
        var page = openResumes(robot);
        type(robot, "compensation", "123458");
        DesktopPage.await(() -> row().state().equals("dirty"));

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        page.awaitShowing("#leave-stay");
        page.click("#leave-stay");

        DesktopPage.await(() -> robot.lookup("#leave-stay").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(row().state()).isEqualTo("dirty");
        assertThat(row().texts().get(column("compensation"))).isEqualTo("123458");
        assertThat(session().snapshotProperty().get().hasChanges()).isTrue();
    }

    @Test
    void closingWithUncommittedSessionWorkAndRollingBackClosesAfterTheRollback(FxRobot robot) throws Exception {
        var page = openResumes(robot);
        type(robot, "compensation", "123459");
        DesktopPage.await(() -> row().state().equals("dirty"));
        page.click("#edit-flush");
        DesktopPage.await(() -> session().snapshotProperty().get().transaction() == TransactionState.ACTIVE);

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        page.awaitShowing("#leave-roll-back");
        assertThat(stage.isShowing()).as("nothing closes before the answer").isTrue();
        page.click("#leave-roll-back");

        DesktopPage.await(() -> !stage.isShowing());
        assertThat(desktop.model().echo().rows())
                .filteredOn(row -> row.origin().equals(Session.ORIGIN))
                .extracting(EchoRow::sql)
                .anySatisfy(sql -> assertThat(sql).isEqualToIgnoringCase("ROLLBACK"));
        assertThat(compensation(resumeId)).isEqualTo(compensationBefore);
    }

    /** The first row's cell of {@code column} in the console's open result, as the grid shows it; null before. */
    private String consoleCell(FxRobot robot, String column) {
        var console = desktop.window().console();
        if (console.model().runningProperty().get()) return null;
        return console.resultTabs().stream()
                .filter(javafx.scene.control.Tab::isSelected)
                .findFirst()
                .flatMap(tab -> robot.from(tab.getContent())
                        .lookup(".value-cell")
                        .match((TableCell<?, ?> c) -> c.getIndex() == 0
                                && c.getTableColumn() != null
                                && column.equals(c.getTableColumn().getId()))
                        .tryQueryAs(TableCell.class))
                .map(TableCell::getText)
                .orElse(null);
    }

    private static Object scalar(String sql) throws SQLException {
        try (var c = sample.server().connect(sample.database());
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
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

    @Test
    void aFailedFlushInsideASavepointRollsBackOnlyTheSavepointAndThePanelSaysSo(FxRobot robot) {
        var page = openResumes(robot);
        // What the panel's Savepoint button does; the Edit tab stays in view for the typing below.
        robot.interact(() -> session().savepoint());
        DesktopPage.await(() -> session().snapshotProperty().get().savepoints() == 1);

        type(robot, "compensation", "-1");
        DesktopPage.await(() -> row().modified().get(column("compensation")));
        page.click("#edit-flush");

        DesktopPage.await(() -> row().errors().containsKey("compensation"));
        assertThat(row().texts().get(column("compensation"))).isEqualTo("-1");
        page.openTab("Session");
        assertThat(page.textOf("#session-state"))
                .contains("Transaction: in transaction")
                .contains("savepoint was rolled back because the flush inside it failed")
                .doesNotContain("savepoints open");
        assertThat(page.textOf("#status-session")).contains("in transaction").doesNotContain("needs rollback");
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
