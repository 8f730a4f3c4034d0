package dev.athanor.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.RememberedPasswords;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection dialog's Test button against a real server. */
class ConnectionTestAgainstServerTest {
    private static SampleTarget sample;

    @TempDir
    Path config;

    private ConnectionDialogModel dialog;

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("dialog_test");
        sample.server().createPasswordRole("dialog_bob", "open sesame");
    }

    @BeforeEach
    void dialog() {
        var store = new ProfileStore(config);
        var connector = new EngineConnector(
                SampleDatabase.at(sample.location()),
                store,
                new RememberedPasswords(),
                Map.of(),
                PoolSettings.defaults());
        dialog = new ConnectionDialogModel(Background.synchronous(), store, connector, Map.of(), saved -> {});
        dialog.load();
        dialog.newProfile();
        var profile = sample.profileFor("bob", "dialog_bob");
        dialog.connectionStringProperty().set(profile.toLibpqUri());
        dialog.applyConnectionString();
        dialog.nameProperty().set("bob");
    }

    @Test
    void testWithTheRightPasswordShowsTheServerVersion() {
        dialog.testPasswordProperty().set("open sesame");

        dialog.test();

        assertThat(dialog.testResultProperty().get()).startsWith("Connected: PostgreSQL 17");
        assertThat(dialog.problemProperty().get()).isNull();
    }

    @Test
    void testWithAWrongPasswordExplainsItInPlainWords() {
        dialog.testPasswordProperty().set("close sesame");

        dialog.test();

        assertThat(dialog.testResultProperty().get()).isEmpty();
        assertThat(dialog.problemProperty().get().title()).isEqualTo("Wrong user name or password");
        assertThat(dialog.problemProperty().get().message()).contains("dialog_bob");
    }
}
