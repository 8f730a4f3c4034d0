package dev.athanor.app.connect;

import dev.athanor.app.echo.EchoRow;
import dev.athanor.app.schema.CatalogSchemaService;
import dev.athanor.app.schema.SchemaService;
import dev.athanor.model.engine.AuthenticationFailed;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.EchoEvent;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.PoolStats;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.ProfileStoreException;
import dev.athanor.model.engine.RememberedPasswords;
import dev.athanor.model.engine.SslMode;
import java.sql.Connection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Opens {@link Engine}s for the connection selector: the sample database (started on demand) or a saved
 * profile, with passwords from the prompt, this session's memory, {@code PGPASSWORD} or {@code ~/.pgpass}.
 */
public final class EngineConnector implements Connector, ConnectionTester {
    private final SampleDatabase sample;
    private final ProfileStore store;
    private final RememberedPasswords remembered;
    private final Map<String, String> environment;
    private final PoolSettings poolSettings;

    public EngineConnector(
            SampleDatabase sample,
            ProfileStore store,
            RememberedPasswords remembered,
            Map<String, String> environment,
            PoolSettings poolSettings) {
        this.sample = sample;
        this.store = store;
        this.remembered = remembered;
        this.environment = Map.copyOf(environment);
        this.poolSettings = poolSettings;
    }

    @Override
    public OpenDatabase open(ConnectionChoice choice, char[] typedPassword, Consumer<String> progress) {
        ConnectionProfile profile = profile(choice, progress);
        PasswordSource passwords = choice instanceof ConnectionChoice.SampleDatabase
                ? PasswordSource.none()
                : typedPassword != null
                        ? PasswordSource.typed(typedPassword)
                        : PasswordSource.standard(remembered, environment);
        progress.accept("Connecting to " + profile.target() + "…");
        Engine engine = Engine.create(profile, passwords, poolSettings);
        try {
            engine.testConnection();
        } catch (AuthenticationFailed e) {
            engine.close();
            if (e.passwordMissing() && typedPassword == null) {
                throw new PasswordNeeded(describe(profile));
            }
            throw e;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return new EngineDatabase(engine, label(choice, profile));
    }

    @Override
    public void rememberForSession(ConnectionChoice choice, char[] password) {
        if (choice instanceof ConnectionChoice.Saved saved) {
            store.find(saved.profileName()).ifPresent(profile -> remembered.remember(profile, password));
        }
    }

    @Override
    public String describe(ConnectionChoice choice) {
        if (choice instanceof ConnectionChoice.Saved saved) {
            return store.find(saved.profileName())
                    .map(EngineConnector::describe)
                    .orElse(saved.profileName());
        }
        return choice.label();
    }

    @Override
    public String test(ConnectionProfile profile, char[] typedPassword) {
        PasswordSource passwords = typedPassword != null
                ? PasswordSource.typed(typedPassword)
                : PasswordSource.standard(remembered, environment);
        try (Engine engine = Engine.create(profile, passwords, PoolSettings.noPool())) {
            return engine.testConnection().version();
        }
    }

    private ConnectionProfile profile(ConnectionChoice choice, Consumer<String> progress) {
        return switch (choice) {
            case ConnectionChoice.SampleDatabase s -> {
                SampleDatabase.Location where = sample.start(progress);
                yield new ConnectionProfile(
                        "Sample database",
                        where.host(),
                        where.port(),
                        where.database(),
                        where.user(),
                        SslMode.DISABLE,
                        Map.of("application_name", "Athanor"));
            }
            case ConnectionChoice.Saved saved ->
                store.find(saved.profileName())
                        .orElseThrow(() -> new ProfileStoreException(
                                "There is no saved connection named " + saved.profileName() + "."));
        };
    }

    private static String describe(ConnectionProfile profile) {
        return profile.user() + "@" + profile.host() + ":" + profile.port() + "/" + profile.database();
    }

    private static String label(ConnectionChoice choice, ConnectionProfile profile) {
        String where = profile.database() + " on " + profile.host() + ":" + profile.port() + " as " + profile.user();
        return choice instanceof ConnectionChoice.SampleDatabase ? "Sample database (" + where + ")" : where;
    }

    /** An open Engine as the window uses it. */
    private static final class EngineDatabase implements OpenDatabase {
        private final Engine engine;
        private final String label;
        private final SchemaService schema;

        EngineDatabase(Engine engine, String label) {
            this.engine = engine;
            this.label = label;
            this.schema = new CatalogSchemaService(engine::connection);
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public SchemaService schema() {
            return schema;
        }

        @Override
        public Connection connection(String origin) {
            return engine.connection(origin);
        }

        @Override
        public PoolFigures pool() {
            PoolStats stats = engine.poolStats();
            return new PoolFigures(stats.active(), stats.idle(), stats.waiting(), stats.total(), stats.max());
        }

        @Override
        public AutoCloseable subscribeEcho(Consumer<EchoRow> listener) {
            return engine.echo().subscribe(event -> listener.accept(row(event)));
        }

        @Override
        public Engine engine() {
            return engine;
        }

        @Override
        public void close() {
            engine.close();
        }

        private static EchoRow row(EchoEvent event) {
            return new EchoRow(
                    event.time(),
                    event.duration(),
                    event.rows(),
                    event.connectionPid(),
                    event.origin(),
                    event.sql(),
                    event.binds(),
                    event.failed());
        }
    }
}
