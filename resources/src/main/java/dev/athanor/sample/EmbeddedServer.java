package dev.athanor.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A PostgreSQL 17 server started from the binaries that ship as a Maven artifact (no installation, no
 * container), bound to the loopback interface.
 *
 * <p>The superuser {@code postgres} logs in without a password from this machine ({@code trust}), as initdb sets it
 * up; roles can be made to need a password with {@link #PASSWORD_LOGIN_GROUP}.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** Members of this role must authenticate with a password (SCRAM) over TCP; others are trusted. */
    public static final String PASSWORD_LOGIN_GROUP = "athanor_password_login";

    /** The superuser initdb creates. */
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster there when it holds none.
     *
     * @param clean wipe whatever the directory holds first and skip fsync (tests); {@code false} keeps the user's
     *     data, written durably
     * @param port the port to listen on, or 0 for any free one
     */
    public static EmbeddedServer start(Path dataDirectory, boolean clean, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setDataDirectoryCustomizer(dir -> requirePasswordsForGroup(dir.toPath()));
        if (!clean) {
            // The library starts every server with -F (fsync off), which suits throwaway test clusters but
            // lets a crash or power cut corrupt data the user keeps; a later -c setting wins over -F.
            builder.setServerConfig("fsync", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedServer(builder.start(), dataDirectory);
    }

    // initdb trusts every local login. Members of one group role are asked for a password instead, so that
    // authentication failures can be shown (and tested) against the same server.
    private static void requirePasswordsForGroup(Path dataDirectory) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            String current = Files.readString(hba, StandardCharsets.UTF_8);
            String marker = "# athanor: password logins";
            if (current.contains(marker)) {
                return;
            }
            String rules = String.join(
                    "\n",
                    List.of(
                            marker,
                            "host all +" + PASSWORD_LOGIN_GROUP + " 127.0.0.1/32 scram-sha-256",
                            "host all +" + PASSWORD_LOGIN_GROUP + " ::1/128 scram-sha-256",
                            ""));
            Files.writeString(hba, rules + current, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not configure " + hba, e);
        }
    }

    /**
     * SQL that creates {@link #PASSWORD_LOGIN_GROUP}, whose members may read and write every table (like an
     * application user), so that a password-protected login can do real work.
     */
    public static String createPasswordLoginGroupSql() {
        return "CREATE ROLE " + PASSWORD_LOGIN_GROUP + " NOLOGIN IN ROLE pg_read_all_data, pg_write_all_data";
    }

    public String host() {
        return "localhost";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A JDBC URL for the superuser and the given database. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    /** A non-pooling data source for the superuser and the given database. */
    public DataSource dataSource(String database) {
        return postgres.getDatabase(SUPERUSER, database, Map.of());
    }

    /** Stops the server (a fast shutdown) and releases the data directory. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
