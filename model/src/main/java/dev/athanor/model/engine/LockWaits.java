package dev.athanor.model.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tells what a server process is waiting for: the lock it asked for and the sessions holding it, read on a
 * connection of its own so that it works while the waiting one is blocked.
 */
public final class LockWaits {
    /** Where the echo log says these checks come from. */
    public static final String ORIGIN = "lock check";

    /*
     * One round trip: the blockers from pg_blocking_pids, what each is doing from pg_stat_activity, the lock the
     * waiting process asked for and the modes each blocker holds on the same relation from pg_locks.
     */
    private static final String QUERY = """
            WITH wanted AS (
              SELECT l.relation, l.relation::regclass::text AS relation_name, l.mode
              FROM pg_locks l WHERE l.pid = ? AND NOT l.granted LIMIT 1)
            SELECT a.pid, coalesce(a.application_name, '') AS application_name, coalesce(a.state, '') AS state,
                   extract(epoch FROM now() - coalesce(a.state_change, a.backend_start))::float8 AS seconds,
                   coalesce(a.query, '') AS query, w.relation_name, w.mode AS wanted_mode,
                   (SELECT array_agg(DISTINCT h.mode ORDER BY h.mode) FROM pg_locks h
                    WHERE h.pid = a.pid AND h.granted AND h.relation = w.relation) AS held_modes
            FROM pg_stat_activity a LEFT JOIN wanted w ON true
            WHERE a.pid = ANY (pg_blocking_pids(?))
            ORDER BY a.pid""";

    private LockWaits() {}

    /**
     * What {@code pid} waits for right now, or empty when it waits for no lock. The query is echoed under
     * {@value #ORIGIN}; holders that are {@code engine}'s own connections are named by the origin that last used them.
     *
     * @throws DatabaseException classified, when the check itself fails
     */
    public static Optional<LockWait> of(Engine engine, int pid) {
        var holders = new ArrayList<LockWait.Holder>();
        String relation = null;
        String wanted = "";
        try (var connection = engine.connection(ORIGIN);
                var statement = connection.prepareStatement(QUERY)) {
            statement.setInt(1, pid);
            statement.setInt(2, pid);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    int holder = rows.getInt("pid");
                    relation = rows.getString("relation_name");
                    wanted = rows.getString("wanted_mode") == null ? "" : rows.getString("wanted_mode");
                    var held = rows.getArray("held_modes");
                    holders.add(new LockWait.Holder(
                            holder,
                            rows.getString("application_name"),
                            originOf(engine, holder),
                            rows.getString("state"),
                            Duration.ofMillis(Math.round(rows.getDouble("seconds") * 1000)),
                            rows.getString("query"),
                            held == null ? List.of() : Arrays.asList((String[]) held.getArray())));
                }
            }
        } catch (SQLException e) {
            throw engine.classify(e);
        }
        if (holders.isEmpty()) return Optional.empty();
        return Optional.of(new LockWait(pid, Optional.ofNullable(relation), wanted, holders));
    }

    /** The origin of the newest statement the echo log saw on {@code pid}: who holds that connection now. */
    private static Optional<String> originOf(Engine engine, int pid) {
        var events = engine.echo().recent();
        for (int i = events.size() - 1; i >= 0; i--) {
            var event = events.get(i);
            if (event.connectionPid() == pid && !ORIGIN.equals(event.origin())) return Optional.of(event.origin());
        }
        return Optional.empty();
    }
}
