package dev.athanor.bench;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.SslMode;
import dev.athanor.model.engine.Transaction;
import dev.athanor.model.engine.TransactionMode;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.model.session.LoadQuery;
import dev.athanor.model.session.LoadResult;
import dev.athanor.model.session.Session;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads workers with their resumes through the Session under each strategy, against one hand-written JDBC LEFT
 * JOIN building the same worker-to-resumes lists, in the same run, rounds alternating. Each Session load starts from
 * an empty session and goes through the identity map; the JDBC side reads every column into arrays and groups them
 * by worker. Lazy sends one SELECT per worker, so it runs in the first round only (its figure is that one round).
 * Arguments (optional): {@code --workers N} (default 10,000; two resumes each, every tenth worker none),
 * {@code --rounds N} (default 5), {@code --lazy 0} (leave lazy out).
 */
public final class LoadingBench {
    private static final QualifiedName WORKERS = new QualifiedName("public", "workers");
    private static final List<LoaderStrategy> EAGER =
            List.of(LoaderStrategy.JOINED, LoaderStrategy.SELECTIN, LoaderStrategy.SUBQUERY);

    private LoadingBench() {}

    public static void main(String[] args) throws SQLException {
        int workers = SessionBench.intArgument(args, "--workers", 10_000);
        int rounds = SessionBench.intArgument(args, "--rounds", 5);
        boolean withLazy = SessionBench.intArgument(args, "--lazy", 1) != 0;
        var pg = TestPostgres.shared();
        String database = pg.createSampleDatabase("loading_bench");
        Catalog catalog;
        try (Connection connection = pg.connect(database)) {
            try (var statement = connection.createStatement()) {
                statement.execute("TRUNCATE workers, vacancies RESTART IDENTITY CASCADE");
                statement.execute("INSERT INTO workers (username) SELECT 'worker ' || g FROM generate_series(1, "
                        + workers + ") g");
                statement.execute("INSERT INTO resumes (title, compensation, workload, worker_id)"
                        + " SELECT 'resume ' || g || ' ' || w, 1000 + g, w::workload_enum, g"
                        + " FROM generate_series(1, " + workers + ") g,"
                        + " unnest(ARRAY['parttime', 'fulltime']) w WHERE g % 10 <> 0");
                statement.execute("ANALYZE");
            }
            catalog = CatalogLoader.load(connection);
        }
        Relationship resumes = Relationships.infer(catalog).get(WORKERS, "resumes");
        try (var engine = Engine.create(
                ConnectionProfile.of("bench", pg.host(), pg.port(), database, pg.superuser())
                        .withSslMode(SslMode.DISABLE),
                PasswordSource.none(),
                PoolSettings.defaults())) {
            for (int warm = 0; warm < 2; warm++) {
                jdbc(engine);
                for (LoaderStrategy strategy : EAGER) {
                    session(engine, catalog, resumes, strategy);
                }
            }
            var times = new EnumMap<LoaderStrategy, long[]>(LoaderStrategy.class);
            EAGER.forEach(s -> times.put(s, new long[rounds]));
            long[] jdbc = new long[rounds];
            long lazy = 0;
            int lazyStatements = 0;
            for (int round = 0; round < rounds; round++) {
                jdbc[round] = jdbc(engine);
                var line = new StringBuilder(
                        String.format("round %d: jdbc join %,d ms", round + 1, jdbc[round] / 1_000_000));
                for (LoaderStrategy strategy : EAGER) {
                    Run run = session(engine, catalog, resumes, strategy);
                    times.get(strategy)[round] = run.nanos;
                    line.append(String.format(
                            "; %s %,d ms (%d statements, %,d ms in JDBC)",
                            strategy.label(), run.nanos / 1_000_000, run.statements, run.jdbcNanos / 1_000_000));
                }
                if (round == 0 && withLazy) {
                    Run run = session(engine, catalog, resumes, LoaderStrategy.LAZY);
                    lazy = run.nanos;
                    lazyStatements = run.statements;
                    line.append(String.format("; lazy %,d ms (%d statements)", lazy / 1_000_000, lazyStatements));
                }
                System.out.println(line);
            }
            long j = SessionBench.median(jdbc);
            SessionBench.print(
                    "%d workers with their resumes: median hand-written JDBC LEFT JOIN %,d ms", workers, j / 1_000_000);
            for (LoaderStrategy strategy : EAGER) {
                long s = SessionBench.median(times.get(strategy));
                SessionBench.print(
                        "  %-9s median %,d ms, ratio %.2f%s",
                        strategy.label(),
                        s / 1_000_000,
                        (double) s / j,
                        strategy == LoaderStrategy.SELECTIN ? " (target at most 1.5)" : "");
            }
            SessionBench.print(
                    "  %-9s one round %,d ms, %d statements, ratio %.2f",
                    "lazy", lazy / 1_000_000, lazyStatements, (double) lazy / j);
        }
    }

    /** A load's time, its statements, and the part of the time spent in JDBC calls (statement and rows). */
    private record Run(long nanos, int statements, long jdbcNanos) {}

    private static Run session(Engine engine, Catalog catalog, Relationship resumes, LoaderStrategy strategy) {
        var jdbcNanos = new java.util.concurrent.atomic.AtomicLong();
        try (var session = Session.open(engine, catalog);
                var echo = engine.echo()
                        .subscribe(e -> jdbcNanos.addAndGet(e.duration().toNanos()))) {
            long start = System.nanoTime();
            LoadResult result = session.load(
                    LoadQuery.of(WORKERS).orderBy(new SortKey("id", false)).with(strategy, resumes));
            long nanos = System.nanoTime() - start;
            session.rollback();
            if (result.rows().isEmpty()) {
                throw new IllegalStateException("nothing loaded");
            }
            return new Run(nanos, result.report().statementCount(), jdbcNanos.get());
        }
    }

    /** One LEFT JOIN, every column read, resumes grouped under their worker: what a program would write by hand. */
    private static long jdbc(Engine engine) throws SQLException {
        try (Transaction transaction = engine.begin("bench jdbc", TransactionMode.READ_ONLY)) {
            long start = System.nanoTime();
            var workers = new HashMap<Object, Object[]>();
            Map<Object, List<Object[]>> resumes = new HashMap<>();
            try (var select = transaction
                            .connection()
                            .prepareStatement(
                                    "SELECT w.id, w.username, r.id, r.title, r.compensation, r.workload, r.worker_id,"
                                            + " r.created_at, r.updated_at FROM workers w LEFT OUTER JOIN resumes r"
                                            + " ON w.id = r.worker_id ORDER BY w.id");
                    var result = select.executeQuery()) {
                while (result.next()) {
                    Object id = result.getObject(1);
                    Object username = result.getObject(2);
                    workers.computeIfAbsent(id, k -> new Object[] {id, username});
                    List<Object[]> list = resumes.computeIfAbsent(id, k -> new ArrayList<>());
                    if (result.getObject(3) != null) {
                        var resume = new Object[7];
                        for (int c = 0; c < 7; c++) {
                            resume[c] = result.getObject(c + 3);
                        }
                        list.add(resume);
                    }
                }
            }
            long nanos = System.nanoTime() - start;
            if (workers.isEmpty()) {
                throw new IllegalStateException("nothing read");
            }
            return nanos;
        }
    }
}
