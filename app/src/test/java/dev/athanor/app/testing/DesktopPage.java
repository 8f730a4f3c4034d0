package dev.athanor.app.testing;

import dev.athanor.app.Desktop;
import dev.athanor.app.schema.SchemaNode;
import dev.athanor.app.window.WindowState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as a user works it: page-object helpers for the UI tests. */
public final class DesktopPage {
    private static final int TIMEOUT_SECONDS = 60;

    private final FxRobot robot;
    private final Desktop desktop;

    public DesktopPage(FxRobot robot, Desktop desktop) {
        this.robot = robot;
        this.desktop = desktop;
    }

    /** Waits until the window is connected and the schema tree shows the database. */
    public DesktopPage awaitSchema() {
        await(() -> desktop.model().stateProperty().get() instanceof WindowState.Connected connected
                && connected.tree().snapshotProperty().get() != null
                && desktop.window().treeView() != null
                && desktop.window().treeView().tree().getRoot() != null);
        return this;
    }

    /** Waits until no background work is running (every started load has answered). */
    public DesktopPage awaitIdle() {
        WaitForAsyncUtils.waitForFxEvents();
        await(() -> !desktop.activity().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public DesktopPage filterTree(String text) {
        robot.clickOn("#schema-filter").write(text);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Labels of every tree row a user can see (expanded ancestors), in order. */
    public List<String> visibleTreeLabels() {
        return call(() -> {
            var labels = new ArrayList<String>();
            collect(desktop.window().treeView().tree().getRoot(), labels);
            return labels;
        });
    }

    private static void collect(TreeItem<SchemaNode> item, List<String> labels) {
        labels.add(item.getValue().label());
        if (item.isExpanded()) {
            item.getChildren().forEach(child -> collect(child, labels));
        }
    }

    /** Clicks the tree row showing {@code text}. */
    public DesktopPage clickTreeRow(String text) {
        Node cell = robot.lookup(".tree-cell")
                .match((TreeCell<?> c) -> text.equals(c.getText()))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Expands the tree row showing {@code text} by clicking its disclosure arrow, as a user would. */
    public DesktopPage expandTreeRow(String text) {
        TreeCell<?> cell = robot.lookup(".tree-cell")
                .match((TreeCell<?> c) -> text.equals(c.getText()))
                .query();
        robot.clickOn(cell.lookup(".tree-disclosure-node"));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Clicks a tab header by its title. */
    public DesktopPage openTab(String title) {
        Node header = robot.lookup(".tab-header-area .tab .tab-label")
                .match((Labeled label) -> title.equals(label.getText()))
                .query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Texts of the visible cells of the table with {@code tableId}, row by row. */
    public List<String> cellTexts(String tableId) {
        return call(() -> robot.lookup(tableId + " .table-cell").queryAllAs(TableCell.class).stream()
                .filter(Node::isVisible)
                .map(cell -> ((Labeled) cell).getText())
                .filter(text -> text != null && !text.isEmpty())
                .toList());
    }

    /** Every text a user can currently see in the main window (labels, buttons, cells, text fields). */
    public List<String> visibleTexts() {
        return call(() -> {
            var texts = new ArrayList<String>();
            for (Node node : robot.lookup(n -> n instanceof Labeled || n instanceof TextInputControl)
                    .queryAll()) {
                if (!node.isVisible() || !treeVisible(node)) {
                    continue;
                }
                String text = node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
                if (text != null && !text.isEmpty()) {
                    texts.add(text);
                }
            }
            return texts;
        });
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Text of the node with {@code id} once it is showing. */
    public String textOf(String id) {
        await(() -> robot.lookup(id).tryQuery().map(DesktopPage::treeVisible).orElse(false));
        return call(() -> {
            Node node = robot.lookup(id).query();
            return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
        });
    }

    /** Waits until a node with {@code id} shows. */
    public DesktopPage awaitShowing(String id) {
        await(() -> robot.lookup(id).tryQuery().map(DesktopPage::treeVisible).orElse(false));
        return this;
    }

    public DesktopPage typeInto(String id, String text) {
        awaitShowing(id);
        robot.clickOn(id).write(text);
        return this;
    }

    public DesktopPage click(String query) {
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Waits (on the FX thread) for {@code condition}. */
    public static void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> call(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private static <T> T call(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
