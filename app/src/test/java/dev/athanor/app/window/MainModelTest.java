package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.connect.EngineConnector;
import dev.athanor.app.problem.Problem;
import dev.athanor.app.task.Background;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.RememberedPasswords;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's view model connecting for real, without a toolkit. */
class MainModelTest {
    private static SampleTarget sample;

    @TempDir
    Path config;

    private MainModel model;
    private ConnectionChoice.Saved alice;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("main_model");
        sample.server().createPasswordRole("main_model_alice", "right-horse");
    }

    @BeforeEach
    void window() {
        var settings = sample.settings(config);
        var store = new ProfileStore(config);
        store.create(sample.profileFor("alice", "main_model_alice"));
        alice = new ConnectionChoice.Saved("alice");
        var connector =
                new EngineConnector(settings.sample(), store, new RememberedPasswords(), Map.of(), settings.pool());
        model = new MainModel(Background.synchronous(), connector);
    }

    @AfterEach
    void close() {
        model.shutdown().ifPresent(database -> database.close());
    }

    @Test
    void connectingToTheSampleDatabaseLoadsTheSchema() {
        model.connect(new ConnectionChoice.SampleDatabase());

        assertThat(model.stateProperty().get()).isInstanceOf(WindowState.Connected.class);
        var connected = (WindowState.Connected) model.stateProperty().get();
        assertThat(connected.tree().snapshotProperty().get().schemas()).contains("public");
        assertThat(model.status().connectionProperty().get()).startsWith("Sample database (" + sample.database());
        assertThat(model.status().poolProperty().get()).startsWith("Pool:");
    }

    @Test
    void statementsOfTheSchemaLoadReachTheEchoLog() {
        model.connect(new ConnectionChoice.SampleDatabase());

        assertThat(model.echo().rows()).extracting(row -> row.origin()).contains("schema tree");
    }

    @Test
    void profileWithoutAKnownPasswordAsksForOne() {
        model.connect(alice);

        assertThat(model.stateProperty().get())
                .isEqualTo(new WindowState.AskingPassword(
                        alice,
                        "main_model_alice@" + sample.server().host() + ":"
                                + sample.server().port() + "/" + sample.database()));
    }

    @Test
    void wrongPasswordFailsInPlainWordsAndRetryAsksAgain() {
        model.connect(alice);
        model.submitPassword("wrong-horse".toCharArray(), false);

        assertThat(model.stateProperty().get()).isInstanceOf(WindowState.Failed.class);
        Problem problem = ((WindowState.Failed) model.stateProperty().get()).problem();
        assertThat(problem.title()).isEqualTo("Wrong user name or password");
        assertThat(problem.message()).contains("Wrong password", "main_model_alice");

        model.retry();

        assertThat(model.stateProperty().get()).isInstanceOf(WindowState.AskingPassword.class);
    }

    @Test
    void rightPasswordConnects() {
        model.connect(alice);

        model.submitPassword("right-horse".toCharArray(), false);

        assertThat(model.stateProperty().get()).isInstanceOf(WindowState.Connected.class);
        assertThat(model.status().connectionProperty().get()).contains("as main_model_alice");
    }

    @Test
    void passwordRememberedForTheSessionIsUsedOnReconnect() {
        model.connect(alice);
        model.submitPassword("right-horse".toCharArray(), true);
        model.connect(new ConnectionChoice.SampleDatabase());

        model.connect(alice);

        assertThat(model.stateProperty().get()).isInstanceOf(WindowState.Connected.class);
    }

    @Test
    void unreachableServerFailsInPlainWords() {
        var store = new ProfileStore(config);
        store.create(sample.profileFor("closed", "nobody").withPort(1));
        model.connect(new ConnectionChoice.Saved("closed"));

        assertThat(model.stateProperty().get()).isInstanceOf(WindowState.Failed.class);
        Problem problem = ((WindowState.Failed) model.stateProperty().get()).problem();
        assertThat(problem.title()).isEqualTo("Server unreachable");
        assertThat(problem.message()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(problem.details()).isNotBlank();
    }
}
