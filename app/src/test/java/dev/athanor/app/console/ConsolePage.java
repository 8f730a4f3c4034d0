package dev.athanor.app.console;

import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.athanor.app.results.ResultRow;
import dev.athanor.query.project.ParameterType;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a user does with the console, in their words, so that the tests read like the steps they take. */
final class ConsolePage {
    private final FxRobot robot;
    private final SqlConsole console;

    ConsolePage(FxRobot robot, SqlConsole console) {
        this.robot = robot;
        this.console = console;
    }

    CodeArea editor() {
        return console.editor();
    }

    /** Types into the editor with the keyboard. */
    ConsolePage type(String text) {
        robot.clickOn(editor());
        robot.write(text);
        return this;
    }

    /** Puts text in the editor at once, caret at the end. */
    ConsolePage replaceText(String text) {
        robot.interact(() -> {
            editor().replaceText(text);
            editor().moveTo(text.length());
            editor().requestFocus();
        });
        return this;
    }

    ConsolePage caretAt(int offset) {
        robot.interact(() -> editor().moveTo(offset));
        return this;
    }

    /** Ctrl+Enter in the editor, where the caret is now. */
    ConsolePage pressRunStatement() {
        robot.interact(() -> editor().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        return this;
    }

    ConsolePage clickRun() {
        robot.clickOn("#run");
        return this;
    }

    ConsolePage clickRunScript() {
        robot.clickOn("#run-script");
        return this;
    }

    /** Puts {@code script} in the editor, clicks "Run script" and waits until the run has ended. */
    ConsolePage runScript(String script) throws TimeoutException {
        return replaceText(script).clickRunScript().waitUntilIdle();
    }

    /** The titles of the result tabs, in order. */
    java.util.List<String> resultTabTitles() {
        return console.resultTabs().stream()
                .map(javafx.scene.control.Tab::getText)
                .toList();
    }

    /** Clicks the header of the result tab with that title. */
    ConsolePage openResultTab(String title) {
        robot.clickOn(robot.lookup(".tab-label")
                .match((Label l) -> title.equals(l.getText()))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The text the grid of the selected result tab shows in its first row, in the named column. */
    String firstCellOfOpenResult(String column) {
        var tab = console.resultTabs().stream()
                .filter(javafx.scene.control.Tab::isSelected)
                .findFirst()
                .orElseThrow();
        return robot.from(tab.getContent())
                .lookup(".value-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> c.getIndex() == 0
                        && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getId()))
                .queryAs(javafx.scene.control.TableCell.class)
                .getText();
    }

    /** The title of the tab shown below the editor. */
    String selectedLowerTab() {
        return robot.lookup(".console-lower")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getText();
    }

    /** The rows the Output tab shows, each as its cells' texts joined by " | ". */
    java.util.List<String> outputLines() {
        return outputRows(false);
    }

    /** The Output rows shown as failed. */
    java.util.List<String> failedOutputLines() {
        return outputRows(true);
    }

    private java.util.List<String> outputRows(boolean failedOnly) {
        return robot.lookup("#run-output .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(row -> !row.isEmpty() && row.getItem() != null)
                .filter(row -> !failedOnly || row.getStyleClass().contains("output-failed"))
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.TableRow::getIndex))
                .map(row -> row.lookupAll(".table-cell").stream()
                        .map(cell -> ((javafx.scene.control.TableCell<?, ?>) cell).getText())
                        .collect(java.util.stream.Collectors.joining(" | ")))
                .toList();
    }

    ConsolePage clickCancel() {
        robot.clickOn("#cancel");
        return this;
    }

    private java.util.function.Consumer<javafx.scene.Scene> beforeOk;

    /** Something to do with the parameter dialog once filled, before OK is pressed (e.g. take its picture). */
    ConsolePage beforeOk(java.util.function.Consumer<javafx.scene.Scene> action) {
        this.beforeOk = action;
        return this;
    }

    /** Fills the parameter dialog for one name and presses OK. */
    ConsolePage giveParameter(String name, ParameterType type, String value) throws TimeoutException {
        waitUntil(() -> robot.lookup("#value-" + name).tryQuery().isPresent());
        ComboBox<ParameterType> types = robot.lookup("#type-" + name).queryComboBox();
        robot.interact(() -> types.setValue(type));
        TextField field = robot.lookup("#value-" + name).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(value);
        if (beforeOk != null) beforeOk.accept(field.getScene());
        var pane = (DialogPane) field.getScene().getRoot();
        robot.clickOn((Button) pane.lookupButton(javafx.scene.control.ButtonType.OK));
        return this;
    }

    /** Double-clicks the history entry of a statement. */
    ConsolePage reuseFromHistory(String sql) {
        robot.clickOn("History");
        javafx.scene.Node cell = robot.lookup("#history .list-cell")
                .match((javafx.scene.control.ListCell<?> c) ->
                        c.getText() != null && c.getText().contains(sql))
                .query();
        robot.doubleClickOn(cell);
        return this;
    }

    boolean isRunning() {
        return console.model().runningProperty().get();
    }

    String message() {
        return robot.lookup("#console-message").queryAs(Label.class).getText();
    }

    java.util.List<ResultRow> rows() {
        return console.model().results().rows();
    }

    ConsolePage waitUntilIdle() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
