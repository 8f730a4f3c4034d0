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

    /**
     * Tells {@code listener} (on a background thread) what happens to a shared server after start, e.g. that this
     * application took it over from another Athanor that ended. Servers nobody shares say nothing.
     */
    default void onNotice(Consumer<Notice> listener) {}

    /** Host, port, user and database of the sample database; the user is trusted (no password). */
    record Location(String host, int port, String user, String database) {}

    /**
     * A short line for the user about the shared server.
     *
     * @param reconnect the server now listens elsewhere: connections must be opened again with a new
     *     {@link #start}
     */
    record Notice(String message, boolean reconnect) {}

    /** The embedded sample server in {@code dataDir}, shared with other running instances. */
    static SampleDatabase embedded(Path dataDir) {
        return new SampleDatabase() {
            private SampleServer server;
            private Consumer<Notice> listener = notice -> {};
            private volatile int portGiven;

            @Override
            public synchronized Location start(Consumer<String> progress) {
                if (server == null) {
                    progress.accept("Starting the sample database…");
                    try {
                        server = SampleServer.startOrAttach(dataDir, progress);
                    } catch (IOException e) {
                        throw new UncheckedIOException("The sample database could not start: " + e.getMessage(), e);
                    }
                    server.onNotice(this::tell);
                }
                portGiven = server.port();
                return new Location(server.host(), portGiven, server.user(), server.database());
            }

            @Override
            public synchronized void onNotice(Consumer<Notice> newListener) {
                listener = newListener;
            }

            private void tell(SampleServer.Notice notice) {
                Consumer<Notice> current;
                synchronized (this) {
                    current = listener;
                }
                current.accept(new Notice(notice.message(), notice.port() != portGiven));
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
