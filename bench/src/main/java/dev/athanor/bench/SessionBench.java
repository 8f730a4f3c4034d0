package dev.athanor.bench;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.SslMode;
import dev.athanor.model.engine.Transaction;
import dev.athanor.model.engine.TransactionMode;
import dev.athanor.model.session.Row;
import dev.athanor.model.session.Session;
import dev.athanor.model.session.TableMapping;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jooq.impl.DSL;

/**
 * Flushes through the Session against a plain JDBC batch doing the same work in the same run: inserting new
 * workers each with one resume (10,000 rows in all, the resumes taking their worker's new key), then updating the
 * compensation of 10,000 resumes. Both go through the Engine's transactions on the same pool; only the work inside
 * is timed (Session: add, flush and commit; JDBC: batches and commit). The JDBC side sends the least a program
 * needs: RETURNING only for the workers' new keys, none for the resumes' defaults or the UPDATE, where the Session
 * reads back what the server set (defaults, and every column of a table with triggers). Rounds alternate, and the median is
 * reported. Arguments (optional): {@code --rows N} (new rows, default 10,000), {@code --rounds N} (default 5).
 */
public final class SessionBench {
    private SessionBench() {}

    public static void main(String[] args) throws SQLException {
        int rows = intArgument(args, "--rows", 10_000);
        int rounds = intArgument(args, "--rounds", 5);
        var pg = TestPostgres.shared();
        String database = pg.createSampleDatabase("session_bench");
        Catalog catalog;
        try (Connection connection = pg.connect(database)) {
            catalog = CatalogLoader.load(connection);
        }
        try (var engine = Engine.create(
                ConnectionProfile.of("bench", pg.host(), pg.port(), database, pg.superuser())
                        .withSslMode(SslMode.DISABLE),
                PasswordSource.none(),
                PoolSettings.defaults())) {
            int workers = rows / 2;
            var insertSession = new long[rounds];
            var insertJdbc = new long[rounds];
            var updateSession = new long[rounds];
            var updateJdbc = new long[rounds];
            // Two warm-up rounds of each, not counted: class loading and the JIT.
            for (int warm = 0; warm < 2; warm++) {
                sessionInsert(engine, catalog, workers, "warm" + warm);
                jdbcInsert(engine, workers, "warm" + warm);
                sessionUpdate(engine, catalog, rows, 100 + warm);
                jdbcUpdate(engine, rows, 100 + warm);
            }
            for (int round = 0; round < rounds; round++) {
                insertSession[round] = sessionInsert(engine, catalog, workers, "s" + round);
                insertJdbc[round] = jdbcInsert(engine, workers, "j" + round);
                updateSession[round] = sessionUpdate(engine, catalog, rows, round * 2 + 1);
                updateJdbc[round] = jdbcUpdate(engine, rows, round * 2 + 2);
                print(
                        "round %d: insert session %,d ms / jdbc %,d ms; update session %,d ms / jdbc %,d ms",
                        round + 1,
                        insertSession[round] / 1_000_000,
                        insertJdbc[round] / 1_000_000,
                        updateSession[round] / 1_000_000,
                        updateJdbc[round] / 1_000_000);
            }
            report("insert " + workers + " workers + " + workers + " resumes", insertSession, insertJdbc);
            report("update " + rows + " resumes", updateSession, updateJdbc);
        }
    }

    private static long sessionInsert(Engine engine, Catalog catalog, int workers, String tag) {
        try (var session = Session.open(engine, catalog)) {
            TableMapping workerTable = session.mapping("public", "workers");
            TableMapping resumeTable = session.mapping("public", "resumes");
            long start = System.nanoTime();
            var added = new ArrayList<Row>(workers * 2);
            for (int i = 0; i < workers; i++) {
                Row worker = workerTable.newRow();
                worker.set("username", "bench " + tag + " " + i);
                Row resume = resumeTable.newRow();
                resume.set("title", "Bench resume " + i);
                resume.set("compensation", 50_000 + i);
                resume.set("workload", "fulltime");
                resume.link(worker);
                added.add(worker);
                added.add(resume);
            }
            session.addAll(added);
            session.commit();
            return System.nanoTime() - start;
        }
    }

    private static long jdbcInsert(Engine engine, int workers, String tag) throws SQLException {
        try (Transaction transaction = engine.begin("bench jdbc", TransactionMode.READ_WRITE)) {
            long start = System.nanoTime();
            Connection connection = transaction.connection();
            var ids = new int[workers];
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO workers (username) VALUES (?) RETURNING id", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < workers; i++) {
                    insert.setString(1, "bench " + tag + " " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (var keys = insert.getGeneratedKeys()) {
                    for (int i = 0; keys.next(); i++) {
                        ids[i] = keys.getInt(1);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO resumes (title, compensation, workload, worker_id) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < workers; i++) {
                    insert.setString(1, "Bench resume " + i);
                    insert.setInt(2, 50_000 + i);
                    insert.setObject(3, "fulltime", Types.OTHER);
                    insert.setInt(4, ids[i]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            transaction.commit();
            return System.nanoTime() - start;
        }
    }

    private static long sessionUpdate(Engine engine, Catalog catalog, int rows, int bump) {
        try (var session = Session.open(engine, catalog)) {
            TableMapping resumes = session.mapping("public", "resumes");
            List<Row> loaded = session.select(
                    resumes,
                    DSL.field(DSL.name("id"))
                            .le(rows)
                            .and(DSL.field(DSL.name("id")).gt(0)));
            long start = System.nanoTime();
            for (Row resume : loaded) {
                resume.set("compensation", 1_000 + bump * 10 + ((Number) resume.get("id")).intValue() % 7);
            }
            session.commit();
            return System.nanoTime() - start;
        }
    }

    private static long jdbcUpdate(Engine engine, int rows, int bump) throws SQLException {
        try (Transaction transaction = engine.begin("bench jdbc", TransactionMode.READ_WRITE)) {
            Connection connection = transaction.connection();
            var ids = new ArrayList<Integer>(rows);
            try (var select = connection.prepareStatement("SELECT * FROM resumes WHERE id <= ? AND id > 0")) {
                select.setInt(1, rows);
                try (var result = select.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getInt("id"));
                    }
                }
            }
            long start = System.nanoTime();
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE resumes SET compensation = ? WHERE id = ?")) {
                for (int id : ids) {
                    update.setInt(1, 1_000 + bump * 10 + id % 7);
                    update.setInt(2, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            transaction.commit();
            return System.nanoTime() - start;
        }
    }

    private static void report(String what, long[] session, long[] jdbc) {
        long s = median(session);
        long j = median(jdbc);
        print(
                "%s: median session %,d ms, plain JDBC batch %,d ms, ratio %.2f (target at most 1.5)",
                what, s / 1_000_000, j / 1_000_000, (double) s / j);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static int intArgument(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    static void print(String format, Object... args) {
        System.out.println(String.format(Locale.US, format, args));
    }
}
