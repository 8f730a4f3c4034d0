package dev.athanor.app.testing;

import dev.athanor.sample.SampleServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Another Athanor process for tests that share one sample database between processes: it starts or attaches to the
 * sample server in the directory given as its argument and answers one line per command read from standard input.
 *
 * <ul>
 *   <li>on start: {@code ready <port> <owned>}
 *   <li>{@code insert <name>}: adds a worker of that name, answers {@code inserted}
 *   <li>{@code status}: answers {@code status <port> <owned>}
 *   <li>{@code exit} or the end of input: closes the sample server (as the application does at exit) and ends
 * </ul>
 */
public final class SampleServerProcess {
    private SampleServerProcess() {}

    public static void main(String[] args) throws Exception {
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (var server = SampleServer.startOrAttach(Path.of(args[0]), message -> {})) {
            out.println("ready " + server.port() + " " + server.owned());
            for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
                if (line.startsWith("insert ")) {
                    insert(server, line.substring("insert ".length()));
                    out.println("inserted");
                } else if (line.equals("status")) {
                    out.println("status " + server.port() + " " + server.owned());
                }
            }
        }
    }

    private static void insert(SampleServer server, String name) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
                var statement = connection.prepareStatement("INSERT INTO workers (username) VALUES (?)")) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
    }
}
