package dev.athanor.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.SslMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionDialogModelTest {
    @TempDir
    Path config;

    private final List<List<ConnectionProfile>> saved = new ArrayList<>();

    private ConnectionDialogModel dialog(ConnectionTester tester) {
        var model = new ConnectionDialogModel(
                Background.synchronous(), new ProfileStore(config), tester, Map.of("USER", "tester"), saved::add);
        model.load();
        model.newProfile();
        return model;
    }

    private ConnectionDialogModel dialog() {
        return dialog((profile, password) -> {
            throw new AssertionError("no test expected");
        });
    }

    @Test
    void pastedLibpqUriFillsTheFields() {
        var model = dialog();
        model.connectionStringProperty().set("postgresql://alice@db.example.org:6543/shop?sslmode=require");

        model.applyConnectionString();

        assertThat(model.hostProperty().get()).isEqualTo("db.example.org");
        assertThat(model.portProperty().get()).isEqualTo("6543");
        assertThat(model.databaseProperty().get()).isEqualTo("shop");
        assertThat(model.userProperty().get()).isEqualTo("alice");
        assertThat(model.sslModeProperty().get()).isEqualTo(SslMode.REQUIRE);
        assertThat(model.connectionStringErrorProperty().get()).isEmpty();
    }

    @Test
    void malformedConnectionStringIsExplainedAtTheField() {
        var model = dialog();
        model.connectionStringProperty().set("mysql://root@localhost/shop");

        model.applyConnectionString();

        assertThat(model.connectionStringErrorProperty().get()).contains("postgresql://");
        assertThat(model.hostProperty().get()).isEqualTo("localhost");
    }

    @Test
    void nonNumericPortIsRejectedAtTheField() {
        var model = dialog();
        model.nameProperty().set("shop");

        model.portProperty().set("54x");

        assertThat(model.portErrorProperty().get()).isEqualTo("The port must be a number, like 5432.");
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void savedProfileIsListedAndReported() {
        var model = dialog();
        model.nameProperty().set("shop");
        model.databaseProperty().set("shop");

        model.save();

        assertThat(model.profiles()).extracting(ConnectionProfile::name).containsExactly("shop");
        assertThat(saved.getLast()).extracting(ConnectionProfile::name).containsExactly("shop");
        assertThat(new ProfileStore(config).find("shop")).isPresent();
    }

    @Test
    void aSecondProfileWithTheSameNameIsRefusedAtTheNameField() {
        var model = dialog();
        model.nameProperty().set("shop");
        model.save();
        model.newProfile();

        model.nameProperty().set("shop");

        assertThat(model.nameErrorProperty().get()).contains("exists already");
    }

    @Test
    void deletingTheEditedProfileRemovesItFromTheStore() {
        var model = dialog();
        model.nameProperty().set("shop");
        model.save();

        model.delete();

        assertThat(model.profiles()).isEmpty();
        assertThat(new ProfileStore(config).find("shop")).isEmpty();
    }

    @Test
    void successfulTestShowsTheServerVersion() {
        var model = dialog((profile, password) -> "PostgreSQL 17 at " + profile.host());
        model.nameProperty().set("shop");

        model.test();

        assertThat(model.testResultProperty().get()).isEqualTo("Connected: PostgreSQL 17 at localhost");
        assertThat(model.problemProperty().get()).isNull();
    }
}
