package dev.athanor.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The built-in sample database: an embedded PostgreSQL whose data directory lives in the user's data directory,
 * so what the user commits is still there after a restart.
 *
 * <p>One running Athanor owns the server (it holds {@code athanor.lock} in the data directory and writes the port to
 * {@code server.properties}); a second instance that finds the lock taken attaches to the same server instead of
 * starting another postmaster on the same files. A postmaster left behind by an owner that crashed is stopped
 * (fast shutdown) before a new one starts.
 *
 * <p>An attached instance keeps watching the lock. When the owner lets go of it (a clean exit, or the operating
 * system releasing it after a crash) the first attached instance to take the lock starts the server again on the
 * same data directory and, when it is free, the same port, so pools reconnect by themselves; the others see the lock
 * taken again and stay attached. {@link #onNotice} hears about it.
 */
public final class SampleServer implements AutoCloseable {

    /** The database that holds the sample schema. */
    public static final String DATABASE = "athanor_sample";

    private static final String BUILDING = "athanor_sample_building";
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(60);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);
    private static final Duration RETRY_AFTER_FAILED_TAKEOVER = Duration.ofSeconds(5);
    private static final Duration POSTMASTER_STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration WATCHER_STOP_WAIT = Duration.ofSeconds(90);

    // The lock is a POSIX record lock: it belongs to the whole process, and closing any channel on the file
    // releases it. So this process touches a lock file only while it owns no server there, and all such touches
    // go through this monitor.
    private static final Object LOCK_FILES = new Object();
    private static final Set<Path> OWNED_HERE = new HashSet<>();

    private final Path root;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread watcher; // null for the owner
    private volatile Consumer<Notice> notices = notice -> {};
    private volatile int port;
    private Ownership ownership; // guarded by this; null while attached

    /**
     * What happened to a shared server after it was found, for a short line to the user.
     *
     * @param port where the server listens (or is being started) after this; another port than before means that
     *     connections must be opened again
     */
    public record Notice(String message, int port) {}

    /** The server this instance runs and the lock that says so. */
    private record Ownership(EmbeddedServer server, FileChannel channel, FileLock lock) {}

    private SampleServer(Path root, int port, Ownership ownership) {
        this.root = root;
        this.port = port;
        this.ownership = ownership;
        if (ownership == null) {
            watcher = Thread.ofPlatform().name("sample-database-watch").daemon().unstarted(this::watchOwner);
            watcher.start();
        } else {
            watcher = null;
        }
    }

    /**
     * Starts the sample server on {@code root} (creating the cluster and the sample data on first use), or attaches
     * to the server another running instance started there.
     *
     * @param progress receives short messages for the user while this takes time
     */
    public static SampleServer startOrAttach(Path root, Consumer<String> progress) throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        var ownership = tryLock(dir);
        if (ownership == null) {
            progress.accept("Connecting to the sample database another Athanor window started…");
            return attach(dir);
        }
        try {
            boolean fresh = !Files.exists(dir.resolve("pgdata").resolve("PG_VERSION"));
            progress.accept(fresh ? "Creating the sample database server…" : "Starting the sample database…");
            var started = startServer(dir, ownership, 0, progress);
            progress.accept("Sample database ready.");
            return new SampleServer(dir, started.server().port(), started);
        } catch (IOException | RuntimeException e) {
            letGo(dir, ownership);
            throw e;
        }
    }

    /**
     * Takes the lock file when no process holds it, or returns null. The returned ownership has no server yet.
     */
    private static Ownership tryLock(Path root) throws IOException {
        synchronized (LOCK_FILES) {
            if (OWNED_HERE.contains(root)) {
                return null; // a second window of this very process
            }
            var channel =
                    FileChannel.open(root.resolve("athanor.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            OWNED_HERE.add(root);
            return new Ownership(null, channel, lock);
        }
    }

    private static void letGo(Path root, Ownership ownership) throws IOException {
        synchronized (LOCK_FILES) {
            try {
                ownership.lock().release();
            } finally {
                OWNED_HERE.remove(root);
                ownership.channel().close();
            }
        }
    }

    /**
     * Starts the server under a lock just taken: stops a postmaster a crashed owner left behind, starts on
     * {@code preferredPort} when it is free (else any), creates the sample database if missing, publishes the
     * port.
     */
    private static Ownership startServer(Path root, Ownership locked, int preferredPort, Consumer<String> progress)
            throws IOException {
        Path pgdata = root.resolve("pgdata");
        stopLeftoverPostmaster(pgdata, progress);
        int port = preferredPort > 0 && portFree(preferredPort) ? preferredPort : 0;
        var server = EmbeddedServer.start(pgdata, false, port);
        try {
            ensureSampleDatabase(server.port(), progress);
            writeServerProperties(root, server.port());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new Ownership(server, locked.channel(), locked.lock());
    }

    private static boolean portFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static SampleServer attach(Path root) throws IOException {
        long deadline = System.nanoTime() + ATTACH_WAIT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                int port = readPort(root);
                try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/" + DATABASE, EmbeddedServer.SUPERUSER, "")) {
                    connection.isValid(2);
                }
                return new SampleServer(root, port, null);
            } catch (IOException e) {
                last = e;
            } catch (SQLException e) {
                last = new IOException("the other instance's server does not answer yet", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the sample database", e);
            }
        }
        throw new IOException(
                "Another Athanor instance holds the sample database in " + root
                        + " but its server did not answer within " + ATTACH_WAIT.toSeconds() + " s",
                last);
    }

    // Runs on the watcher thread of an attached instance until it takes the server over or is closed. The owner
    // releases the lock only after its server has stopped, and the operating system releases it when the owner
    // dies, so holding the lock means nobody else runs (or will start) a server on this data directory.
    private void watchOwner() {
        Duration wait = WATCH_INTERVAL;
        while (!awaitClosing(wait)) {
            wait = WATCH_INTERVAL;
            Ownership locked;
            try {
                locked = tryLock(root);
            } catch (IOException e) {
                continue; // the data directory is unreachable for now; the owner may still be there
            }
            if (locked == null) {
                followPublishedPort();
                continue;
            }
            if (closing.getCount() == 0) {
                letGoQuietly(locked);
                return;
            }
            if (!takeOver(locked)) {
                wait = RETRY_AFTER_FAILED_TAKEOVER;
                continue;
            }
            return;
        }
    }

    private boolean awaitClosing(Duration wait) {
        try {
            return closing.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    // Another survivor took over but had to use another port: use it too.
    private void followPublishedPort() {
        int published;
        try {
            published = readPort(root);
        } catch (IOException e) {
            return; // between owners: the file is rewritten once the new server is up
        }
        if (published != port) {
            port = published;
            notices.accept(new Notice(
                    "The sample database was restarted by another Athanor, on port " + published + ".", published));
        }
    }

    private boolean takeOver(Ownership locked) {
        int previous = port;
        notices.accept(new Notice(
                "The Athanor that ran the sample database has ended; restarting the server here…", previous));
        Ownership started;
        try {
            started = startServer(root, locked, previous, message -> {});
        } catch (IOException | RuntimeException e) {
            letGoQuietly(locked);
            notices.accept(new Notice("The sample database could not be restarted here: " + e.getMessage(), previous));
            return false;
        }
        synchronized (this) {
            ownership = started;
            port = started.server().port();
        }
        notices.accept(new Notice(
                port == previous
                        ? "The sample database now runs from this Athanor."
                        : "The sample database now runs from this Athanor, on port " + port + ".",
                port));
        return true;
    }

    private void letGoQuietly(Ownership locked) {
        try {
            letGo(root, locked);
        } catch (IOException e) {
            // Closing the channel failed after the lock was released: nothing is held any more.
        }
    }

    /**
     * Tells {@code listener} (on a background thread) when this instance takes the server over from an owner that
     * ended, or when the server moved to another port: then connections made with the old port must be made again.
     */
    public void onNotice(Consumer<Notice> listener) {
        notices = Objects.requireNonNull(listener, "listener");
    }

    // After a crash the owner's postmaster can outlive it. Its pid is the first line of postmaster.pid. A fast
    // shutdown ends its sessions, rolls back their open transactions and writes a
    // checkpoint, so nothing committed is lost; a smart shutdown would wait for clients, and SIGKILL would leave
    // its shared memory to its children and make the next start refuse.
    private static void stopLeftoverPostmaster(Path pgdata, Consumer<String> progress) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (RuntimeException e) {
            return; // unreadable: let the server's own checks decide
        }
        var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info()
                .command()
                .map(c -> c.toLowerCase(Locale.ROOT).contains("postgres"))
                .orElse(false));
        if (handle.isEmpty()) {
            return;
        }
        progress.accept("Stopping a sample database server left running by an earlier session…");
        fastShutdown(handle.get());
    }

    // SIGINT is PostgreSQL's fast shutdown. Java itself sends only SIGTERM (smart: waits for every client to
    // leave, and the survivors' pools never do) or SIGKILL, and pg_ctl refuses to run as root, so kill(1) sends it.
    private static void fastShutdown(ProcessHandle postmaster) throws IOException {
        try {
            var kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(POSTMASTER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            postmaster.onExit().get(POSTMASTER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the sample database server " + postmaster.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(
                    "the sample database server left running (process " + postmaster.pid()
                            + ") did not stop; stop it, then start again",
                    e);
        }
    }

    private static void ensureSampleDatabase(int port, Consumer<String> progress) throws IOException {
        String base = "jdbc:postgresql://localhost:" + port + "/";
        try (var admin = DriverManager.getConnection(base + "postgres", EmbeddedServer.SUPERUSER, "");
                var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + BUILDING);
            try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            if (!roleExists(admin, EmbeddedServer.PASSWORD_LOGIN_GROUP)) {
                statement.execute(EmbeddedServer.createPasswordLoginGroupSql());
            }
            progress.accept("Creating the sample data…");
            // Built under another name and renamed at the end, so an interrupted first start never leaves a
            // half-filled sample database behind.
            statement.execute("CREATE DATABASE " + BUILDING);
            try (var connection = DriverManager.getConnection(base + BUILDING, EmbeddedServer.SUPERUSER, "")) {
                SampleData.install(connection);
            }
            statement.execute("ALTER DATABASE " + BUILDING + " RENAME TO " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("could not create the sample database: " + e.getMessage(), e);
        }
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, role);
            try (var rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void writeServerProperties(Path root, int port) throws IOException {
        var properties = new Properties();
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        Path target = root.resolve("server.properties");
        Path temp = Files.createTempFile(root, "server", ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, "written by the Athanor instance that owns this sample database");
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int readPort(Path root) throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("server.properties"))) {
            properties.load(in);
        }
        try {
            return Integer.parseInt(properties.getProperty("port", ""));
        } catch (NumberFormatException e) {
            throw new IOException("server.properties in " + root + " names no port", e);
        }
    }

    /**
     * Drops the sample database and creates it again from the default data set. Needs no other connection to it
     * (the server refuses otherwise, and the message says so).
     */
    public void recreateDatabase(Consumer<String> progress) throws SQLException, IOException {
        try (var admin = DriverManager.getConnection(adminUrl(), EmbeddedServer.SUPERUSER, "");
                var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        ensureSampleDatabase(port, progress);
    }

    /** Adds (or replaces) the large {@code events} table in the sample database. */
    public void addLargeTable(long rows) throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl(), EmbeddedServer.SUPERUSER, "")) {
            SampleData.addLargeTable(connection, rows);
        }
    }

    private String adminUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String host() {
        return "localhost";
    }

    public int port() {
        return port;
    }

    /** The superuser, trusted from this machine. */
    public String user() {
        return EmbeddedServer.SUPERUSER;
    }

    public String database() {
        return DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /**
     * Whether this instance runs the server (and stops it on close): it started it, or took it over from an owner
     * that ended, rather than being attached to another's.
     */
    public synchronized boolean owned() {
        return ownership != null;
    }

    public Path root() {
        return root;
    }

    /**
     * Stops the server if this instance owns it (a fast shutdown: committed work is kept), then lets the lock go so
     * that an attached instance takes over; an attached instance just stops watching.
     */
    @Override
    public void close() throws IOException {
        closing.countDown();
        if (watcher != null && watcher != Thread.currentThread()) {
            try {
                // A takeover under way finishes first, so that its server is stopped below; each of its steps has
                // its own limit, and this one keeps a stuck step from holding the caller (and the JVM's exit) forever.
                if (!watcher.join(WATCHER_STOP_WAIT)) {
                    watcher.interrupt();
                    watcher.join(Duration.ofSeconds(10));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while letting go of the sample database", e);
            }
        }
        Ownership owned;
        synchronized (this) {
            owned = ownership;
            ownership = null;
        }
        if (owned == null) {
            return;
        }
        try {
            owned.server().close();
            Files.deleteIfExists(root.resolve("server.properties"));
        } finally {
            letGo(root, owned);
        }
    }
}
