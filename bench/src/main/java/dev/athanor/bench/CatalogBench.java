package dev.athanor.bench;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.Relation;
import dev.athanor.sample.testkit.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the catalog of a database holding many tables and prints how long a load takes.
 *
 * <p>Arguments (all optional): {@code --tables N} (default 10000), {@code --warmup N} (default 3),
 * {@code --runs N} (default 10). The database lives on the test kit's embedded PostgreSQL 17.
 */
public final class CatalogBench {

    private CatalogBench() {}

    public static void main(String[] args) throws SQLException {
        Map<String, Integer> options = options(args);
        int tables = options.get("tables");
        int warmup = options.get("warmup");
        int runs = options.get("runs");

        var pg = TestPostgres.shared();
        String database = pg.createEmptyDatabase("catalog_bench");
        long createStart = System.nanoTime();
        try (Connection connection = pg.connect(database)) {
            createTables(connection, tables);
        }
        print("created %,d tables in %.1f s", tables, seconds(createStart));

        try (Connection connection = pg.connect(database)) {
            Catalog catalog = CatalogLoader.load(connection);
            for (int i = 1; i < warmup; i++) {
                CatalogLoader.load(connection);
            }
            describe(catalog);

            var timings = new long[runs];
            var perQuery = new LinkedHashMap<String, long[]>();
            int statements = 0;
            for (int run = 0; run < runs; run++) {
                var timed = new TimedConnection(connection);
                long start = System.nanoTime();
                CatalogLoader.load(timed.connection());
                timings[run] = System.nanoTime() - start;
                statements = timed.statements.size();
                for (int q = 0; q < timed.statements.size(); q++) {
                    perQuery.computeIfAbsent(timed.statements.get(q), k -> new long[runs])[run] = timed.nanos.get(q);
                }
            }
            print("statements per load: %d", statements);
            print(
                    "load time over %d runs after %d warm-up loads: min %.0f ms, median %.0f ms, max %.0f ms",
                    runs, warmup, millis(min(timings)), millis(median(timings)), millis(max(timings)));
            print("median per statement (execute + fetch of all rows, driver side):");
            long queriesTotal = 0;
            for (var entry : perQuery.entrySet()) {
                long median = median(entry.getValue());
                queriesTotal += median;
                print("  %-12s %6.0f ms", entry.getKey(), millis(median));
            }
            print(
                    "  %-12s %6.0f ms (rest of the median load: reading rows, building records, indexing)",
                    "assembly", millis(median(timings) - queriesTotal));
            cpuTimes(connection, runs);
        }
    }

    /**
     * Wall-clock times suffer when other processes compete for the CPU; CPU time does not. With parallel query
     * off (so the whole server side runs in the one backend process), this measures the CPU the server backend
     * (from /proc, Linux only) and the loading thread spend per load.
     */
    private static void cpuTimes(Connection connection, int runs) throws SQLException {
        long backend;
        try (var statement = connection.createStatement()) {
            statement.execute("SET max_parallel_workers_per_gather = 0");
            try (var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                backend = rows.getLong(1);
            }
        }
        Path stat = Path.of("/proc", Long.toString(backend), "stat");
        if (!Files.isReadable(stat)) {
            print("CPU time: /proc/%d/stat not readable, skipped", backend);
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CatalogLoader.load(connection);
        var timings = new long[runs];
        long serverBefore = cpuTicks(stat);
        long clientBefore = threads.getCurrentThreadCpuTime();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            CatalogLoader.load(connection);
            timings[run] = System.nanoTime() - start;
        }
        long clientNanos = threads.getCurrentThreadCpuTime() - clientBefore;
        long serverTicks = cpuTicks(stat) - serverBefore;
        // Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ).
        print(
                "without parallel query, %d loads: median wall %.0f ms; CPU per load: server backend %.0f ms,"
                        + " loading thread %.0f ms",
                runs, millis(median(timings)), serverTicks * 10.0 / runs, millis(clientNanos / runs));
        try (var statement = connection.createStatement()) {
            statement.execute("RESET max_parallel_workers_per_gather");
        }
    }

    private static long cpuTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the tables in a few server-side loops, committing every 500 tables to keep the lock table small. */
    private static void createTables(Connection connection, int tables) throws SQLException {
        String sql = """
                DO $$
                DECLARE
                  schema_name text;
                BEGIN
                  FOR s IN 0 .. 9 LOOP
                    EXECUTE format('CREATE SCHEMA %I', 'bench_' || s);
                  END LOOP;
                  FOR i IN 0 .. current_setting('athanor.bench_tables')::int - 1 LOOP
                    schema_name := 'bench_' || (i / 1000);
                    EXECUTE format(
                      'CREATE TABLE %I.%I (id integer PRIMARY KEY, name text NOT NULL, amount numeric(12,2)%s,'
                      || ' created_at timestamptz NOT NULL DEFAULT now(), parent_id integer%s)',
                      schema_name, 't' || i,
                      CASE WHEN i % 4 = 0 THEN ' CHECK (amount >= 0)' ELSE '' END,
                      CASE WHEN i % 3 = 0 AND i % 1000 > 0
                           THEN format(' REFERENCES %I.%I', schema_name, 't' || (i - 1)) ELSE '' END);
                    IF i % 2 = 0 THEN
                      EXECUTE format('CREATE INDEX %I ON %I.%I (name)', 't' || i || '_name', schema_name, 't' || i);
                    END IF;
                    IF i % 500 = 499 THEN
                      COMMIT;
                    END IF;
                  END LOOP;
                END $$""";
        if (tables > 10_000) {
            throw new IllegalArgumentException("at most 10,000 tables (ten schemas of 1,000)");
        }
        // The count reaches the DO block through a session setting, the one way to bind a value into it.
        try (var setting = connection.prepareStatement("SELECT set_config('athanor.bench_tables', ?, false)")) {
            setting.setString(1, Integer.toString(tables));
            setting.execute();
        }
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
            statement.execute("ANALYZE");
        }
    }

    private static void describe(Catalog catalog) {
        List<Relation> relations = catalog.relations();
        long tables = relations.stream().filter(r -> r.kind().isTable()).count();
        long columns = relations.stream().mapToLong(r -> r.columns().size()).sum();
        long keys = relations.stream().filter(r -> r.primaryKey().isPresent()).count();
        long foreignKeys =
                relations.stream().mapToLong(r -> r.foreignKeys().size()).sum();
        long checks =
                relations.stream().mapToLong(r -> r.checkConstraints().size()).sum();
        long indexes = relations.stream().mapToLong(r -> r.indexes().size()).sum();
        print(
                "catalog: %d schemas, %,d tables, %,d columns, %,d primary keys, %,d foreign keys, %,d checks,"
                        + " %,d indexes",
                catalog.schemas().size(), tables, columns, keys, foreignKeys, checks, indexes);
    }

    /** Times each statement's execution (pgjdbc reads every row of the result during executeQuery). */
    private static final class TimedConnection {
        final List<String> statements = new ArrayList<>();
        final List<Long> nanos = new ArrayList<>();
        private final Connection proxy;

        TimedConnection(Connection target) {
            this.proxy = (Connection) Proxy.newProxyInstance(
                    CatalogBench.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, method, args) -> {
                        Object result = invoke(target, method, args);
                        if (result instanceof PreparedStatement prepared
                                && args != null
                                && args[0] instanceof String sql) {
                            return timed(prepared, label(sql));
                        }
                        return result;
                    });
        }

        Connection connection() {
            return proxy;
        }

        private PreparedStatement timed(PreparedStatement target, String label) {
            return (PreparedStatement) Proxy.newProxyInstance(
                    CatalogBench.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class},
                    (p, method, args) -> {
                        if (!method.getName().startsWith("execute")) {
                            return invoke(target, method, args);
                        }
                        long start = System.nanoTime();
                        Object result = invoke(target, method, args);
                        statements.add(label);
                        nanos.add(System.nanoTime() - start);
                        return result;
                    });
        }

        /** Names a catalog query by its main pg_catalog table (the last one after FROM). */
        private static String label(String sql) {
            int from = sql.lastIndexOf("FROM pg_");
            if (from < 0) {
                return "other";
            }
            String rest = sql.substring(from + "FROM ".length());
            return rest.split("[\\s\\n]", 2)[0];
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static Map<String, Integer> options(String[] args) {
        var options = new LinkedHashMap<String, Integer>(Map.of("tables", 10_000, "warmup", 3, "runs", 10));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(name, Integer.parseInt(args[i + 1]));
        }
        return options;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    @SuppressWarnings("java:S106") // a benchmark's output is its figures
    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
