package dev.athanor.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The built-in sample database: an embedded PostgreSQL whose data directory lives in the user's data directory,
 * so what the user commits is still there after a restart.
 *
 * <p>One running Athanor owns the server (it holds {@code athanor.lock} in the data directory and writes the port to
 * {@code server.properties}); a second instance that finds the lock taken attaches to the same server instead of
 * starting another postmaster on the same files. A postmaster left behind by an owner that crashed is stopped
 * before a new one starts.
 */
public final class SampleServer implements AutoCloseable {

    /** The database that holds the sample schema. */
    public static final String DATABASE = "athanor_sample";

    private static final String BUILDING = "athanor_sample_building";
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(60);

    private final EmbeddedServer server; // null when attached to another instance's server
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path root;
    private final int port;

    private SampleServer(EmbeddedServer server, FileChannel lockChannel, FileLock lock, Path root, int port) {
        this.server = server;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.root = root;
        this.port = port;
    }

    /**
     * Where the sample database lives by default: {@code $XDG_DATA_HOME/athanor/sample-db}, falling back to
     * {@code ~/.local/share/athanor/sample-db}; {@code ATHANOR_DATA_DIR} overrides both.
     */
    public static Path defaultDataDir() {
        String override = System.getenv("ATHANOR_DATA_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve("sample-db");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("athanor").resolve("sample-db");
    }

    /**
     * Starts the sample server on {@code root} (creating the cluster and the sample data on first use), or attaches
     * to the server another running instance started there.
     *
     * @param progress receives short messages for the user while this takes time
     */
    public static SampleServer startOrAttach(Path root, Consumer<String> progress) throws IOException {
        Files.createDirectories(root);
        var channel =
                FileChannel.open(root.resolve("athanor.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process owns it already (a second window of the same JVM)
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            progress.accept("Connecting to the sample database another Athanor window started…");
            return attach(root);
        }
        try {
            stopOrphanedPostmaster(root.resolve("pgdata"), progress);
            boolean fresh = !Files.exists(root.resolve("pgdata").resolve("PG_VERSION"));
            progress.accept(fresh ? "Creating the sample database server…" : "Starting the sample database…");
            var server = EmbeddedServer.start(root.resolve("pgdata"), false, 0);
            try {
                ensureSampleDatabase(server.port(), progress);
                writeServerProperties(root, server.port());
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            progress.accept("Sample database ready.");
            return new SampleServer(server, channel, lock, root, server.port());
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
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
                return new SampleServer(null, null, null, root, port);
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

    // After a crash the owner's postmaster can outlive it. Its pid is the first line of postmaster.pid; stopping it
    // (SIGTERM: smart shutdown, nobody is connected any more) frees the data directory for a clean start.
    private static void stopOrphanedPostmaster(Path pgdata, Consumer<String> progress) throws IOException {
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
        handle.get().destroy();
        try {
            handle.get().onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
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

    /** Whether this instance started the server (and stops it on close) rather than attaching to another's. */
    public boolean owned() {
        return server != null;
    }

    public Path root() {
        return root;
    }

    /** Stops the server if this instance owns it; an attached instance just lets go. */
    @Override
    public void close() throws IOException {
        if (server == null) {
            return;
        }
        try {
            server.close();
            Files.deleteIfExists(root.resolve("server.properties"));
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
