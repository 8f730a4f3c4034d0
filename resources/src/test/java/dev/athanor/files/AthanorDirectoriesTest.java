package dev.athanor.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AthanorDirectoriesTest {
    private static final Path ACCOUNT_HOME = Path.of("/home/account");

    @Test
    void dataAndConfigFollowHomeRatherThanTheAccountsHome() {
        var directories = AthanorDirectories.of(Map.of("HOME", "/tmp/other"), ACCOUNT_HOME);

        assertThat(directories.data()).isEqualTo(Path.of("/tmp/other/.local/share/athanor"));
        assertThat(directories.config()).isEqualTo(Path.of("/tmp/other/.config/athanor"));
        assertThat(directories.sampleDatabase()).isEqualTo(Path.of("/tmp/other/.local/share/athanor/sample-db"));
    }

    @Test
    void xdgVariablesWinOverHome() {
        var directories = AthanorDirectories.of(
                Map.of("HOME", "/home/a", "XDG_DATA_HOME", "/x/data", "XDG_CONFIG_HOME", "/x/cfg"), ACCOUNT_HOME);

        assertThat(directories.data()).isEqualTo(Path.of("/x/data/athanor"));
        assertThat(directories.config()).isEqualTo(Path.of("/x/cfg/athanor"));
    }

    @Test
    void blankVariablesCountAsUnset() {
        var directories = AthanorDirectories.of(
                Map.of("HOME", "/home/a", "XDG_DATA_HOME", " ", "XDG_CONFIG_HOME", ""), ACCOUNT_HOME);

        assertThat(directories.data()).isEqualTo(Path.of("/home/a/.local/share/athanor"));
        assertThat(directories.config()).isEqualTo(Path.of("/home/a/.config/athanor"));
    }

    @Test
    void withoutHomeTheAccountsHomeIsUsed() {
        var directories = AthanorDirectories.of(Map.of(), ACCOUNT_HOME);

        assertThat(directories.config()).isEqualTo(Path.of("/home/account/.config/athanor"));
    }

    @Test
    void athanorDataDirOverridesTheDataDirectory() {
        var directories =
                AthanorDirectories.of(Map.of("HOME", "/home/a", "ATHANOR_DATA_DIR", "/srv/athanor"), ACCOUNT_HOME);

        assertThat(directories.sampleDatabase()).isEqualTo(Path.of("/srv/athanor/sample-db"));
        assertThat(directories.config()).isEqualTo(Path.of("/home/a/.config/athanor"));
    }

    @Test
    void aSampleDatabaseOnlyUnderTheAccountsHomeIsStillUsed(@TempDir Path root) throws IOException {
        Path account = root.resolve("account");
        Path old = Files.createDirectories(account.resolve(".local/share/athanor/sample-db"));

        var directories =
                AthanorDirectories.of(Map.of("HOME", root.resolve("other").toString()), account);

        assertThat(directories.sampleDatabase()).isEqualTo(old);
    }

    @Test
    void aSampleDatabaseUnderHomeWinsOverTheOldOne(@TempDir Path root) throws IOException {
        Path account = root.resolve("account");
        Files.createDirectories(account.resolve(".local/share/athanor/sample-db"));
        Path current = Files.createDirectories(root.resolve("other/.local/share/athanor/sample-db"));

        var directories =
                AthanorDirectories.of(Map.of("HOME", root.resolve("other").toString()), account);

        assertThat(directories.sampleDatabase()).isEqualTo(current);
    }
}
