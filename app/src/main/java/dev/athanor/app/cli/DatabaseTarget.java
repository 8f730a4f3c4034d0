package dev.athanor.app.cli;

import dev.athanor.files.AthanorDirectories;
import dev.athanor.model.engine.AuthenticationFailed;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.ConnectionString;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.ProfileFormatException;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.ProfileStoreException;
import dev.athanor.model.engine.RememberedPasswords;
import dev.athanor.query.project.ConnectionReference;
import dev.athanor.sample.SampleServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Objects;

/**
 * The database a command runs against, chosen in this order: {@code --url}, else the project's profile reference
 * (looked up in the profile store), else the project's URL, else the built-in sample database. Passwords come from
 * the URL given on the command line, {@code PGPASSWORD} or {@code ~/.pgpass}, and from a prompt only when a person
 * is at a terminal.
 */
final class DatabaseTarget implements AutoCloseable {
    private static final String ORIGIN = "command line";

    private final ConnectionProfile profile;
    private final PasswordSource passwords;
    private final SampleServer sampleServer;
    private Engine engine;

    private DatabaseTarget(ConnectionProfile profile, PasswordSource passwords, SampleServer sampleServer) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.passwords = passwords;
        this.sampleServer = sampleServer;
    }

    /**
     * Chooses the database.
     *
     * @param url the {@code --url} option, or {@code null}
     * @param reference the project's connection reference
     */
    static DatabaseTarget choose(String url, ConnectionReference reference, CommandContext context) {
        var environment = context.environment();
        var standard = PasswordSource.standard(new RememberedPasswords(), environment);
        if (url != null) {
            var parsed = parse(url, "--url", ExitStatus.USAGE, context);
            var passwords = parsed.password().isPresent()
                    ? PasswordSource.chain(PasswordSource.of(parsed.password().get()), standard)
                    : standard;
            return new DatabaseTarget(parsed.profile(), passwords, null);
        }
        if (reference.profile() != null) {
            var store = new ProfileStore(AthanorDirectories.of(environment, Path.of(System.getProperty("user.home")))
                    .config());
            try {
                var found = store.find(reference.profile());
                if (found.isPresent()) {
                    return new DatabaseTarget(found.get(), standard, null);
                }
            } catch (ProfileStoreException e) {
                throw new CommandFailure(ExitStatus.CONNECTION, e.getMessage(), e);
            }
            if (reference.url() == null) {
                throw new CommandFailure(
                        ExitStatus.CONNECTION,
                        "the project names the connection profile '" + reference.profile()
                                + "', which is not among your saved profiles (" + store.file()
                                + "); give the database with --url");
            }
        }
        if (reference.url() != null) {
            var parsed = parse(reference.url(), "the project's connection URL", ExitStatus.PROJECT_FILE, context);
            return new DatabaseTarget(parsed.profile(), standard, null);
        }
        return sample(context);
    }

    private static ConnectionString.Parsed parse(String url, String what, ExitStatus status, CommandContext context) {
        try {
            return ConnectionString.parse(url, context.environment());
        } catch (ProfileFormatException e) {
            throw new CommandFailure(status, what + " is not a valid connection string: " + e.getMessage(), e);
        }
    }

    private static DatabaseTarget sample(CommandContext context) {
        try {
            var server = SampleServer.startOrAttach(
                    context.sampleDataDir(), message -> context.err().println("athanor: " + message));
            server.onNotice(notice -> context.err().println("athanor: " + notice.message()));
            var profile = ConnectionProfile.of(
                    "Sample database", server.host(), server.port(), server.database(), server.user());
            return new DatabaseTarget(profile, PasswordSource.none(), server);
        } catch (IOException | RuntimeException e) {
            throw new CommandFailure(
                    ExitStatus.CONNECTION, "the built-in sample database could not be started: " + e.getMessage(), e);
        }
    }

    /** The profile in use, e.g. for messages. */
    ConnectionProfile profile() {
        return profile;
    }

    /**
     * Opens a connection. When the server wants a password that no source knows, a person at a terminal is asked
     * once; otherwise the failure names the ways to give one.
     */
    Connection connect(CommandContext context) {
        try {
            return open(passwords);
        } catch (AuthenticationFailed e) {
            if (!e.passwordMissing()) {
                throw new CommandFailure(ExitStatus.CONNECTION, e.userMessage(), e);
            }
            if (context.prompt().isEmpty()) {
                throw new CommandFailure(
                        ExitStatus.CONNECTION,
                        e.userMessage() + " No password was found: set PGPASSWORD or add a line"
                                + " host:port:database:user:password to ~/.pgpass (or the file named by PGPASSFILE).",
                        e);
            }
            var typed = context.prompt().get().ask("Password for " + profile.target() + ": ");
            if (typed == null) {
                throw new CommandFailure(ExitStatus.CONNECTION, e.userMessage(), e);
            }
            try {
                return open(PasswordSource.typed(typed));
            } catch (DatabaseException again) {
                throw new CommandFailure(ExitStatus.CONNECTION, again.userMessage(), again);
            } finally {
                java.util.Arrays.fill(typed, '\0');
            }
        } catch (DatabaseException e) {
            throw new CommandFailure(ExitStatus.CONNECTION, e.userMessage(), e);
        }
    }

    private Connection open(PasswordSource source) {
        closeEngine();
        engine = Engine.create(profile, source, PoolSettings.noPool());
        return engine.connection(ORIGIN);
    }

    /** The Engine of the last {@link #connect}: the one to open sessions on. */
    Engine engine() {
        if (engine == null) {
            throw new IllegalStateException("not connected yet");
        }
        return engine;
    }

    /** Classifies a failure of a statement on this database. */
    DatabaseException classify(Throwable failure) {
        return engine.classify(failure);
    }

    private void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Override
    public void close() {
        closeEngine();
        if (sampleServer != null) {
            try {
                sampleServer.close();
            } catch (IOException ignored) {
                // The rows are out; a sample server that does not stop cleanly is stopped on its next start.
            }
        }
    }
}
