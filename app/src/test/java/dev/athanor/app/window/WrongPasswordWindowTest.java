package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.Desktop;
import dev.athanor.app.testing.DesktopPage;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.app.testing.TestDesktop;
import dev.athanor.model.engine.ProfileStore;
import java.nio.file.Path;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A wrong password is explained in plain words, and the window stays usable. */
@ExtendWith(ApplicationExtension.class)
class WrongPasswordWindowTest {
    private static final String ROLE = "window_alice";
    private static SampleTarget sample;

    @TempDir
    Path config;

    private TestDesktop window;
    private Desktop desktop;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("wrong_password");
        sample.server().createPasswordRole(ROLE, "correct horse");
    }

    @Start
    void start(Stage stage) {
        new ProfileStore(config).create(sample.profileFor("alice's shop", ROLE));
        window = new TestDesktop(sample.settings(config));
        desktop = window.desktop();
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    private DesktopPage chooseAlice(FxRobot robot) {
        var page = new DesktopPage(robot, desktop).awaitSchema();
        DesktopPage.await(() -> desktop.model().choices().size() == 2);
        page.click("#connection-selector");
        robot.clickOn(robot.lookup(".list-cell")
                .match((ListCell<?> cell) -> "alice's shop".equals(cell.getText()))
                .<ListCell<?>>query());
        return page.awaitShowing("#password-field");
    }

    @Test
    void wrongPasswordIsExplainedWithoutAStackTrace(FxRobot robot) {
        var page = chooseAlice(robot);

        page.typeInto("#password-field", "wrong horse").click("#password-connect");

        assertThat(page.textOf("#problem-title")).isEqualTo("Wrong user name or password");
        assertThat(page.textOf("#problem-message")).contains("Wrong password", ROLE);
        assertThat(page.visibleTexts())
                .noneMatch(text -> text.contains("Exception") || text.contains("\tat ") || text.contains("PSQL"));
    }

    @Test
    void errorDetailsAreOneClickAway(FxRobot robot) {
        var page = chooseAlice(robot);
        page.typeInto("#password-field", "wrong horse")
                .click("#password-connect")
                .awaitShowing("#problem-title");

        page.click("#problem-show-details");

        assertThat(page.textOf("#problem-details")).contains("28P01");
    }

    @Test
    void retryWithTheRightPasswordConnects(FxRobot robot) {
        var page = chooseAlice(robot);
        page.typeInto("#password-field", "wrong horse")
                .click("#password-connect")
                .awaitShowing("#problem-retry");

        page.click("#problem-retry")
                .typeInto("#password-field", "correct horse")
                .click("#password-connect");

        page.awaitSchema();
        assertThat(page.textOf("#status-connection")).endsWith("as " + ROLE);
        assertThat(page.visibleTreeLabels()).contains("resumes");
    }
}
