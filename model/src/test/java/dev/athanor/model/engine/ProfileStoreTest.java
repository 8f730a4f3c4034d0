package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path dir;

    private static final ConnectionProfile LOCAL = new ConnectionProfile(
            "local", "localhost", 5432, "shop", "alice", SslMode.DISABLE, Map.of("application_name", "athanor"));
    private static final ConnectionProfile REMOTE = ConnectionProfile.of("remote", "db.example", 6000, "crm", "bob");

    @Test
    void savedProfilesReadBackEqual() {
        var store = new ProfileStore(dir.resolve("athanor"));
        store.create(REMOTE);
        store.create(LOCAL);

        var reopened = new ProfileStore(dir.resolve("athanor"));

        assertThat(reopened.list()).containsExactly(LOCAL, REMOTE);
        assertThat(reopened.find("local")).contains(LOCAL);
    }

    @Test
    void missingFileMeansNoProfiles() {
        assertThat(new ProfileStore(dir).list()).isEmpty();
    }

    @Test
    void fileHoldsNoPasswordField() throws IOException {
        var store = new ProfileStore(dir);
        store.create(LOCAL);

        assertThat(Files.readString(store.file()))
                .doesNotContainIgnoringCase("password")
                .contains("\"sslMode\" : \"disable\"");
    }

    @Test
    void updateReplacesAndCanRename() {
        var store = new ProfileStore(dir);
        store.create(LOCAL);

        store.update("local", LOCAL.withName("laptop").withPort(5433));

        assertThat(store.list()).extracting(ConnectionProfile::name).containsExactly("laptop");
        assertThat(store.find("laptop").orElseThrow().port()).isEqualTo(5433);
    }

    @Test
    void createRefusesADuplicateName() {
        var store = new ProfileStore(dir);
        store.create(LOCAL);

        assertThatThrownBy(() -> store.create(LOCAL))
                .isInstanceOf(ProfileStoreException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void updateOfAnUnknownProfileFails() {
        assertThatThrownBy(() -> new ProfileStore(dir).update("nope", LOCAL))
                .hasMessageContaining("no saved connection");
    }

    @Test
    void deleteRemovesOnlyThatProfile() {
        var store = new ProfileStore(dir);
        store.create(LOCAL);
        store.create(REMOTE);

        assertThat(store.delete("local")).isTrue();
        assertThat(store.delete("local")).isFalse();
        assertThat(store.list()).containsExactly(REMOTE);
    }

    @Test
    void writeLeavesNoTemporaryFileBehind() throws IOException {
        var store = new ProfileStore(dir);
        store.create(LOCAL);
        store.create(REMOTE);

        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("profiles.json");
        }
    }

    @Test
    void brokenFileIsReportedAndLeftUntouched() throws IOException {
        var store = new ProfileStore(dir);
        var broken = "{ \"version\": 1, \"profiles\": [ { \"name\": \"x\", ";
        Files.writeString(store.file(), broken);

        assertThatThrownBy(store::list)
                .isInstanceOf(ProfileStoreException.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("profiles.json")
                .hasMessageContaining("left untouched");
        assertThatThrownBy(() -> store.create(LOCAL)).isInstanceOf(ProfileStoreException.class);
        assertThat(Files.readString(store.file())).isEqualTo(broken);
    }

    @Test
    void invalidFieldIsReportedWithTheProfileName() throws IOException {
        var store = new ProfileStore(dir);
        Files.writeString(store.file(), """
                {"version":1,"profiles":[{"name":"bad","host":"h","port":5432,"database":"d","user":"u","sslMode":"maybe"}]}
                """);

        assertThatThrownBy(store::list)
                .hasMessageContaining("connection 'bad'")
                .hasMessageContaining("unknown sslmode 'maybe'");
    }
}
