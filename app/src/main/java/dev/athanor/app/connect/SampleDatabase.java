package dev.athanor.app.connect;

import dev.athanor.sample.SampleServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where the built-in sample database runs. The desktop starts (or attaches to) the embedded server in the
 * user's data directory; tests point at a database of their own instead.
 */
public interface SampleDatabase extends AutoCloseable {

    /**
     * Starts the server if needed and says where it is. Blocking: call only off the UI thread. Calling it
     * again returns the same server.
     */
    Location start(Consumer<String> progress);

    /** Stops the server if this application started it; attached or external servers keep running. */
    @Override
    void close();

    /** Host, port, user and database of the sample database; the user is trusted (no password). */
    record Location(String host, int port, String user, String database) {}

    /** The embedded sample server in {@code dataDir}, shared with other running instances. */
    static SampleDatabase embedded(Path dataDir) {
        return new SampleDatabase() {
            private SampleServer server;

            @Override
            public synchronized Location start(Consumer<String> progress) {
                if (server == null) {
                    progress.accept("Starting the sample database…");
                    try {
                        server = SampleServer.startOrAttach(dataDir, progress);
                    } catch (IOException e) {
                        throw new UncheckedIOException("The sample database could not start: " + e.getMessage(), e);
                    }
                }
                return new Location(server.host(), server.port(), server.user(), server.database());
            }

            @Override
            public synchronized void close() {
                if (server != null) {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        server = null;
                    }
                }
            }
        };
    }

    /** A sample database that already runs at {@code location} (tests, or a server someone else manages). */
    static SampleDatabase at(Location location) {
        return new SampleDatabase() {
            @Override
            public Location start(Consumer<String> progress) {
                return location;
            }

            @Override
            public void close() {}
        };
    }
}
