package dev.athanor.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.sample.testkit.TestPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleServerTest {

    @TempDir
    Path root;

    @Test
    void committedChangesSurviveARestart() throws Exception {
        var progress = new ArrayList<String>();
        try (var server = SampleServer.startOrAttach(root, progress::add)) {
            assertThat(server.owned()).isTrue();
            assertThat(count(server.jdbcUrl(), "SELECT (current_setting('fsync') = 'on')::int"))
                    .as("the user's sample database is written durably")
                    .isEqualTo(1);
            execute(server.jdbcUrl(), "INSERT INTO workers (username) VALUES ('kept after restart')");
        }
        assertThat(progress).contains("Creating the sample data…");

        var secondStart = new ArrayList<String>();
        try (var server = SampleServer.startOrAttach(root, secondStart::add)) {
            assertThat(count(server.jdbcUrl(), "SELECT count(*) FROM workers WHERE username = 'kept after restart'"))
                    .isEqualTo(1);
        }
        assertThat(secondStart).doesNotContain("Creating the sample data…");
    }

    @Test
    void secondInstanceAttachesToTheRunningServer() throws Exception {
        try (var owner = SampleServer.startOrAttach(root, message -> {})) {
            try (var second = SampleServer.startOrAttach(root, message -> {})) {
                assertThat(second.owned()).isFalse();
                assertThat(second.port()).isEqualTo(owner.port());
                execute(second.jdbcUrl(), "INSERT INTO workers (username) VALUES ('via second')");
            }
            // The attached instance let go without stopping the owner's server.
            assertThat(count(owner.jdbcUrl(), "SELECT count(*) FROM workers WHERE username = 'via second'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void attachedInstanceTakesOverWhenTheOwnerCloses() throws Exception {
        var notices = new CopyOnWriteArrayList<SampleServer.Notice>();
        var owner = SampleServer.startOrAttach(root, message -> {});
        int port = owner.port();
        try (var second = SampleServer.startOrAttach(root, message -> {})) {
            second.onNotice(notices::add);
            execute(second.jdbcUrl(), "INSERT INTO workers (username) VALUES ('before the owner closed')");

            owner.close();

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!second.owned() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(second.owned())
                    .as("the attached instance took the server over")
                    .isTrue();
            assertThat(second.port()).isEqualTo(port);
            assertThat(count(
                            second.jdbcUrl(),
                            "SELECT count(*) FROM workers WHERE username = 'before the owner closed'"))
                    .isEqualTo(1);
            assertThat(notices).extracting(SampleServer.Notice::port).containsOnly(port);
        }
        assertThat(root.resolve("pgdata").resolve("postmaster.pid"))
                .as("the instance that took over stopped the server on close")
                .doesNotExist();
    }

    @Test
    void passwordRoleIsRefusedWithWrongPassword() {
        var pg = TestPostgres.shared();
        pg.createPasswordRole("carol", "right one");
        String db = pg.createSampleDatabase("auth");
        String url = "jdbc:postgresql://localhost:" + pg.port() + "/" + db;
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, "carol", "wrong").close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("28P01");
        assertThat(count(url, "carol", "right one", "SELECT count(*) FROM workers"))
                .isEqualTo(2_000);
    }

    @Test
    void toolRejectsUnknownOptionsWithUsage() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = SampleDataTool.run(
                new String[] {"--bogus"}, new java.io.PrintStream(out), new java.io.PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --bogus").contains("Usage: athanor sample-data");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url, EmbeddedServer.SUPERUSER, "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String url, String sql) {
        return count(url, EmbeddedServer.SUPERUSER, "", sql);
    }

    private static long count(String url, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
