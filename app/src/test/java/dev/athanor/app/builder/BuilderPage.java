package dev.athanor.app.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.sample.testkit.TestPostgres;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The query builder as a user drives it: page-object steps in the user's words. */
final class BuilderPage {
    private final FxRobot robot;
    private final QueryBuilderView view;

    BuilderPage(FxRobot robot, QueryBuilderView view) {
        this.robot = robot;
        this.view = view;
    }

    /** A builder on the test server's {@code database}, shown in {@code stage}, its catalog loading. */
    static QueryBuilderView show(Stage stage, FxBackground background, String database) {
        var model =
                new QueryBuilderModel(background, () -> TestPostgres.shared().connect(database));
        var view = new QueryBuilderView(model);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        model.loadCatalog();
        return view;
    }

    /** The page of {@code view} once its catalog has loaded. */
    static BuilderPage loaded(FxRobot robot, QueryBuilderView view) {
        var page = new BuilderPage(robot, view);
        for (int i = 0; i < 200 && page.model().catalogProperty().get() == null; i++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(page.model().catalogProperty().get()).isNotNull();
        return page;
    }

    QueryBuilderModel model() {
        return modelOf(view);
    }

    private static QueryBuilderModel modelOf(QueryBuilderView view) {
        try {
            var field = QueryBuilderView.class.getDeclaredField("model");
            field.setAccessible(true);
            return (QueryBuilderModel) field.get(view);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types {@code schema.table} into the Add-table box and presses Add table; returns the new box's alias. */
    String addTable(String qualified) {
        var before = List.copyOf(model().tables());
        write("#add-table-choice", qualified);
        robot.clickOn("#add-table");
        settle();
        var after = model().tables();
        assertThat(after).hasSize(before.size() + 1);
        return after.getLast().alias();
    }

    BuilderPage tick(String alias, String column) {
        robot.clickOn("#check-" + alias + "-" + column);
        settle();
        return this;
    }

    BuilderPage clause(String tabId) {
        robot.clickOn(robot.lookup("#clause-tabs .tab")
                .match((Node n) -> ("tab-" + tabId).equals(n.getId()))
                .queryAs(Node.class));
        settle();
        return this;
    }

    BuilderPage output(String title) {
        robot.interact(() -> view.showOutput(title));
        return this;
    }

    /** Clicks the field {@code query} and types {@code text} into it (replacing what it held). */
    BuilderPage write(String query, String text) {
        var field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
        settle();
        return this;
    }

    BuilderPage enter(String query, String text) {
        write(query, text);
        robot.type(KeyCode.ENTER);
        settle();
        return this;
    }

    /** Opens combo {@code query} and clicks the item showing {@code item}. */
    BuilderPage choose(String query, String item) {
        var combo = robot.lookup(query).queryAs(ComboBox.class);
        robot.clickOn(combo);
        settle();
        // The popup list is virtual: scroll the item into view so that a cell shows it.
        var list = robot.lookup(".combo-box-popup .list-view").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> list.scrollTo(combo.getItems().indexOf(item)));
        settle();
        var cell = robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> item.equals(c.getText()))
                .queryAs(ListCell.class);
        robot.clickOn(cell);
        settle();
        assertThat(String.valueOf(combo.getValue())).isEqualTo(item);
        return this;
    }

    BuilderPage click(String query) {
        robot.clickOn(query);
        settle();
        return this;
    }

    BuilderPage click(Node node) {
        robot.clickOn(node);
        settle();
        return this;
    }

    BuilderPage run() {
        robot.clickOn("#run");
        waitUntilIdle();
        return this;
    }

    void waitUntilIdle() {
        for (int i = 0; i < 600 && robot.lookup("#run").queryButton().isDisabled(); i++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        settle();
    }

    /** Every row of the last run as text, scrolled through the grid to the end. */
    List<List<Object>> rows() {
        assertThat(model().resultProperty().get())
                .as("rows after run; failure: %s", model().runFailureProperty().get())
                .isNotNull();
        var results = model().results();
        for (int i = 0;
                i < 1200 && (results.hasMore() || results.loadingProperty().get());
                i++) {
            if (!results.loadingProperty().get()) {
                robot.interact(results::fetchMore);
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
            settle();
        }
        var rows = new java.util.ArrayList<List<Object>>();
        for (var row : results.rows()) {
            var values = new java.util.ArrayList<Object>();
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i) == null ? null : row.get(i).toString());
            }
            rows.add(values);
        }
        return rows;
    }

    String sql() {
        return model().sqlProperty().get();
    }

    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Renders the scene to {@code file} as PNG. */
    void snapshot(Path file) throws Exception {
        settle();
        var image = new WritableImage[1];
        robot.interact(() -> image[0] = view.getScene().snapshot(null));
        int width = (int) image[0].getWidth();
        int height = (int) image[0].getHeight();
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var reader = image[0].getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(buffered, "png", file.toFile());
    }
}
