package dev.athanor.app.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.FxBackground;
import dev.athanor.sample.testkit.TestPostgres;
import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Dates in the builder's filters, picked rather than typed, against a bookings table. */
@ExtendWith(ApplicationExtension.class)
class DateFilterViewTest {
    private static String database;
    private FxBackground background;
    private QueryBuilderView view;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestPostgres.shared().createEmptyDatabase("builder_dates");
        try (var connection = TestPostgres.shared().connect(database);
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA cd");
            statement.execute("CREATE TABLE cd.bookings (bookid integer PRIMARY KEY, facid integer NOT NULL,"
                    + " starttime timestamp NOT NULL, slots integer NOT NULL)");
            statement.execute("INSERT INTO cd.bookings VALUES (1, 0, '2012-08-30 09:00', 2),"
                    + " (2, 1, '2012-08-31 17:30', 3), (3, 0, '2012-09-01 00:00', 1),"
                    + " (4, 2, '2012-09-01 08:30', 4), (5, 1, '2012-09-15 12:00', 2), (6, 0, '2012-07-03 10:00', 1)");
        }
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

    @Test
    void filterOnADatePickedInTheEditorShowsADateLiteralAndReturnsTheRowsFromThatDay(FxRobot robot) throws Exception {
        var page = BuilderPage.loaded(robot, view);
        String b = page.addTable("cd.bookings");
        page.tick(b, "bookid").tick(b, "slots");
        page.clause("filters")
                .click("#where-add")
                .write("#where-0-left", b + ".starttime")
                .choose("#where-0-operator", ">=")
                .click("#where-0-datetime");
        var picker = robot.lookup("#where-0-datetime-date").queryAs(DatePicker.class);
        robot.interact(() -> picker.setValue(LocalDate.of(2012, 9, 1)));
        page.click("#where-0-datetime-use");

        assertThat(page.sql()).contains(b + ".starttime >= date '2012-09-01'");
        page.run();
        var expected = QueryBuilderModelTest.rowsOf(
                database, "SELECT bookid, slots FROM cd.bookings WHERE starttime >= date '2012-09-01'");
        assertThat(expected).hasSize(3);
        assertThat(page.rows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void monthChosenFromTheDateTruncDropDownWrapsTheFilteredExpression(FxRobot robot) {
        var page = BuilderPage.loaded(robot, view);
        String b = page.addTable("cd.bookings");
        page.tick(b, "bookid");
        page.clause("filters")
                .click("#where-add")
                .write("#where-0-left", b + ".starttime")
                .click("#where-0-datetime")
                .click("#where-0-datetime-trunc");
        // The drop-down shows the units as SQL writes them.
        page.click(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> cell) -> "month".equals(cell.getText()))
                .queryAs(ListCell.class));
        assertThat(robot.lookup("#where-0-left").queryTextInputControl().getText())
                .isEqualTo("date_trunc('month', " + b + ".starttime)");
        page.enter("#where-0-right", "date '2012-08-01'");

        assertThat(page.sql()).contains("date_trunc('month', " + b + ".starttime) = date '2012-08-01'");
        page.run();
        assertThat(page.rows()).containsExactlyInAnyOrder(java.util.List.of("1"), java.util.List.of("2"));
    }
}
