package dev.athanor.app.testing;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the server says about a database's sessions, asked through an independent connection. */
public final class ServerSessions {
    private ServerSessions() {}

    /**
     * The sessions of {@code database} (other than the asking one) matching {@code condition} on
     * {@code pg_stat_activity}, each as "state: query".
     */
    public static List<String> matching(String database, String condition) throws SQLException {
        var found = new ArrayList<String>();
        try (var connection = TestPostgres.shared().connect(database);
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT state || ': ' || query FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND (" + condition + ")")) {
            while (rows.next()) found.add(rows.getString(1));
        }
        return found;
    }

    /** Sessions of {@code database} left idle inside a transaction. */
    public static List<String> idleInTransaction(String database) throws SQLException {
        return matching(database, "state LIKE 'idle in transaction%'");
    }
}
