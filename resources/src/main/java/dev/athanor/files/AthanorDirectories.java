package dev.athanor.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The one source of Athanor's directories, read from the environment as the XDG base directory rules say: data
 * under {@code $XDG_DATA_HOME/athanor}, else {@code $HOME/.local/share/athanor}; configuration under
 * {@code $XDG_CONFIG_HOME/athanor}, else {@code $HOME/.config/athanor}. {@code $HOME} is the environment's, so that
 * every file follows the same home as libpq's {@code ~/.pgpass} does; Java's {@code user.home} (the account's home
 * in the password database) is only the fallback when {@code HOME} is not set.
 *
 * @param data where Athanor keeps data (the sample database); {@code ATHANOR_DATA_DIR} overrides it
 * @param config where Athanor keeps its settings (connection profiles, recent projects)
 * @param legacyData where the data directory was before it followed {@code $HOME}: under {@code user.home}
 */
public record AthanorDirectories(Path data, Path config, Path legacyData) {
    private static final String SAMPLE_DATABASE = "sample-db";

    public AthanorDirectories {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(legacyData, "legacyData");
    }

    /** The directories of this process: its environment and its {@code user.home}. */
    public static AthanorDirectories forUser() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The directories {@code environment} names.
     *
     * @param userHome Java's {@code user.home}: the home when {@code HOME} is not set, and the base of the data
     *     directory of earlier versions
     */
    public static AthanorDirectories of(Map<String, String> environment, Path userHome) {
        Path home = set(environment.get("HOME")) ? Path.of(environment.get("HOME")) : userHome;
        Path data = set(environment.get("ATHANOR_DATA_DIR"))
                ? Path.of(environment.get("ATHANOR_DATA_DIR"))
                : base(environment, "XDG_DATA_HOME", home.resolve(".local").resolve("share"))
                        .resolve("athanor");
        Path config =
                base(environment, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("athanor");
        Path legacy = base(
                        environment, "XDG_DATA_HOME", userHome.resolve(".local").resolve("share"))
                .resolve("athanor");
        return new AthanorDirectories(data, config, legacy);
    }

    /**
     * Where the sample database lives: {@code sample-db} in the data directory, unless only a sample database made
     * by an earlier version exists (under {@code user.home}), which is then used where it is rather than made
     * again.
     */
    public Path sampleDatabase() {
        Path current = data.resolve(SAMPLE_DATABASE);
        Path legacy = legacyData.resolve(SAMPLE_DATABASE);
        return !Files.exists(current) && Files.isDirectory(legacy) ? legacy : current;
    }

    private static Path base(Map<String, String> environment, String variable, Path otherwise) {
        String value = environment.get(variable);
        return set(value) ? Path.of(value) : otherwise;
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
