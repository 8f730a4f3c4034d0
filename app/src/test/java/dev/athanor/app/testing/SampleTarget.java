package dev.athanor.app.testing;

import dev.athanor.app.Desktop;
import dev.athanor.app.connect.SampleDatabase;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.SslMode;
import dev.athanor.sample.testkit.TestPostgres;
import java.nio.file.Path;
import java.util.Map;

/** A fresh copy of the sample database on the test server, and desktop settings that point at it. */
public record SampleTarget(TestPostgres server, String database) {

    public static SampleTarget create(String prefix) {
        var server = TestPostgres.shared();
        return new SampleTarget(server, server.createSampleDatabase(prefix));
    }

    public SampleDatabase.Location location() {
        return new SampleDatabase.Location(server.host(), server.port(), server.superuser(), database);
    }

    /** Desktop settings with this database as "Sample database", profiles in {@code config}, no environment. */
    public Desktop.Settings settings(Path config) {
        return settings(config, SampleDatabase.at(location()));
    }

    /** The same settings with another "Sample database" (e.g. one that reports like a shared server). */
    public Desktop.Settings settings(Path config, SampleDatabase sample) {
        return new Desktop.Settings(
                sample, config, Map.of(), PoolSettings.defaults().withMaximumPoolSize(4));
    }

    /** A profile for this database as {@code user} (who must authenticate with a password). */
    public ConnectionProfile profileFor(String name, String user) {
        return new ConnectionProfile(name, server.host(), server.port(), database, user, SslMode.DISABLE, Map.of());
    }
}
