package dev.athanor.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * Creates the sample schema and fills it with deterministic data of realistic shape.
 *
 * <p>The same seed always gives the same rows, so screenshots, tests and the README's examples agree. Rows are
 * sent with {@code COPY}, which keeps the whole load well under a second.
 */
public final class SampleData {

    /** How many rows each table gets. */
    public record Scale(int workers, int resumes, int vacancies, int replies, int users, int projects) {
        /** The default: about 2,000 workers, 6,000 resumes, 300 vacancies and 10,000 replies. */
        public static final Scale DEFAULT = new Scale(2_000, 6_000, 300, 10_000, 200, 600);

        public Scale {
            if (workers <= 0 || resumes <= 0 || vacancies <= 0 || users <= 0) {
                throw new IllegalArgumentException("every parent table needs at least one row");
            }
            if ((long) resumes * vacancies < replies) {
                throw new IllegalArgumentException("more replies than resume/vacancy pairs");
            }
        }
    }

    /** The seed of the built-in data set. */
    public static final long DEFAULT_SEED = 20_240_517L;

    private static final String[] FIRST_NAMES = {
        "anna", "boris", "chen", "dmitry", "elena", "farid", "grace", "hiro", "ivan", "julia", "kofi", "lena",
        "maria", "nikolai", "olga", "pablo", "qing", "rosa", "sergey", "tanya", "umar", "vera", "wei", "xenia",
        "yusuf", "zoe"
    };
    private static final String[] LANGUAGES = {
        "Python", "Java", "Go", "Rust", "JavaScript", "TypeScript", "C++", "Kotlin", "SQL", "Scala"
    };
    private static final String[] ROLES = {
        "Developer", "Engineer", "Backend Developer", "Data Engineer", "Team Lead", "Architect", "QA Engineer"
    };
    private static final String[] LEVELS = {"Junior", "Middle", "Senior", "Lead"};
    private static final int[] LEVEL_BASE = {35_000, 60_000, 95_000, 130_000};
    private static final String[] LETTER_OPENINGS = {
        "I would love to join your team.",
        "Your stack matches what I have built for the last years.",
        "I am excited about this role and ready to start soon.",
        "Please find my resume attached; I am happy to talk.",
    };
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 8, 0);

    private SampleData() {}

    /** Creates the sample schema (types, tables, constraints, indexes, triggers) in an empty database. */
    public static void createSchema(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(schemaScript());
        }
    }

    /** The DDL of the sample schema, as kept in the resources. */
    public static String schemaScript() {
        try (InputStream in = SampleData.class.getResourceAsStream("schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("schema.sql is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the schema and loads the default data set; commits when the connection is not auto-commit. */
    public static void install(Connection connection) throws SQLException {
        createSchema(connection);
        load(connection, Scale.DEFAULT, DEFAULT_SEED);
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Loads rows into the (empty) sample tables. Deterministic for a given scale and seed. */
    public static void load(Connection connection, Scale scale, long seed) throws SQLException {
        var random = new SplittableRandom(seed);
        copy(connection, "workers (id, username)", workers(scale, random));
        copy(
                connection,
                "resumes (id, title, compensation, workload, worker_id, created_at, updated_at)",
                resumes(scale, random));
        copy(connection, "vacancies (id, title, compensation)", vacancies(scale, random));
        copy(connection, "vacancies_replies (resume_id, vacancy_id, cover_letter)", replies(scale, random));
        copy(connection, "users (id, username, email, role, created_at, updated_at)", users(scale, random));
        copy(connection, "projects (id, title, owner_id, created_at, updated_at)", projects(scale, random));
        try (var statement = connection.createStatement()) {
            // Rows came with explicit ids: move each identity past them so that new rows do not collide.
            for (String table : List.of("workers", "resumes", "vacancies", "users", "projects")) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM "
                        + table + "))");
            }
            statement.execute("ANALYZE");
        }
    }

    /**
     * Adds (or replaces) {@code events}, a large table of mixed column types for performance work: bigint, text,
     * numeric, timestamptz, boolean, jsonb, uuid, bytea and NULLs. The server generates the rows, so millions take
     * seconds, and each value is a function of the row number only.
     */
    public static void addLargeTable(Connection connection, long rows) throws SQLException {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS events");
            statement.execute("""
                    CREATE TABLE events (
                        id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        occurred_at timestamptz NOT NULL,
                        kind        text NOT NULL,
                        worker_id   integer NULL,
                        amount      numeric(12, 2) NULL,
                        succeeded   boolean NOT NULL,
                        payload     jsonb NOT NULL,
                        ref         uuid NOT NULL,
                        digest      bytea NOT NULL,
                        note        text NULL
                    )""");
            try (var insert = connection.prepareStatement("""
                    INSERT INTO events (id, occurred_at, kind, worker_id, amount, succeeded, payload, ref, digest, note)
                    SELECT i,
                           timestamptz '2024-01-01 00:00:00+00' + i * interval '7 seconds',
                           (ARRAY['login', 'search', 'reply', 'view', 'logout'])[1 + i % 5],
                           CASE WHEN i % 11 = 0 THEN NULL ELSE 1 + (i * 7919) % 2000 END,
                           CASE WHEN i % 13 = 0 THEN NULL ELSE ((i * 104729) % 1000000) / 100.0 END,
                           i % 3 <> 0,
                           jsonb_build_object('page', i % 97, 'tags', jsonb_build_array('t' || i % 7, 't' || i % 5)),
                           md5(i::text)::uuid,
                           decode(md5('d' || i), 'hex'),
                           CASE WHEN i % 4 = 0 THEN '' WHEN i % 4 = 1 THEN NULL ELSE 'note ' || i END
                    FROM generate_series(1::bigint, ?) AS s(i)""")) {
                insert.setLong(1, rows);
                insert.executeUpdate();
            }
            statement.execute("SELECT setval(pg_get_serial_sequence('events', 'id'), " + Math.max(1, rows) + ")");
            statement.execute("ANALYZE events");
        }
    }

    private static String sampleTitle(SplittableRandom random, int level) {
        return LEVELS[level] + " " + LANGUAGES[random.nextInt(LANGUAGES.length)] + " "
                + ROLES[random.nextInt(ROLES.length)];
    }

    private static List<String> workers(Scale scale, SplittableRandom random) {
        var rows = new ArrayList<String>(scale.workers());
        for (int id = 1; id <= scale.workers(); id++) {
            rows.add(id + "\t" + FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + "_" + id);
        }
        return rows;
    }

    private static List<String> resumes(Scale scale, SplittableRandom random) {
        var rows = new ArrayList<String>(scale.resumes());
        for (int id = 1; id <= scale.resumes(); id++) {
            int level = random.nextInt(LEVELS.length);
            String title = sampleTitle(random, level);
            boolean partTime = random.nextInt(10) < 3;
            String compensation;
            if (random.nextInt(20) == 0) {
                compensation = "\\N";
            } else {
                int base = LEVEL_BASE[level] + random.nextInt(40) * 1_000;
                compensation = Integer.toString(partTime ? base / 2 : base);
            }
            // The first workers get one resume each so that nobody is left without; the rest are spread at random.
            int workerId = id <= scale.workers() ? id : 1 + random.nextInt(scale.workers());
            LocalDateTime created = EPOCH.plusMinutes(random.nextInt(60 * 24 * 600));
            LocalDateTime updated = created.plusMinutes(random.nextInt(60 * 24 * 30));
            rows.add(id + "\t" + title + "\t" + compensation + "\t" + (partTime ? "parttime" : "fulltime") + "\t"
                    + workerId + "\t" + TIMESTAMP.format(created) + "\t" + TIMESTAMP.format(updated));
        }
        return rows;
    }

    private static List<String> vacancies(Scale scale, SplittableRandom random) {
        var rows = new ArrayList<String>(scale.vacancies());
        for (int id = 1; id <= scale.vacancies(); id++) {
            int level = random.nextInt(LEVELS.length);
            String title = sampleTitle(random, level);
            String compensation = random.nextInt(8) == 0
                    ? "\\N"
                    : Integer.toString(LEVEL_BASE[level] + 10_000 + random.nextInt(50) * 1_000);
            rows.add(id + "\t" + title + "\t" + compensation);
        }
        return rows;
    }

    private static List<String> replies(Scale scale, SplittableRandom random) {
        var rows = new ArrayList<String>(scale.replies());
        var seen = new HashSet<Long>();
        while (rows.size() < scale.replies()) {
            int resumeId = 1 + random.nextInt(scale.resumes());
            int vacancyId = 1 + random.nextInt(scale.vacancies());
            if (!seen.add((long) resumeId * 1_000_000L + vacancyId)) {
                continue;
            }
            String letter = random.nextInt(5) < 2
                    ? "\\N"
                    : LETTER_OPENINGS[random.nextInt(LETTER_OPENINGS.length)] + " (resume " + resumeId + ")";
            rows.add(resumeId + "\t" + vacancyId + "\t" + letter);
        }
        return rows;
    }

    private static List<String> users(Scale scale, SplittableRandom random) {
        var rows = new ArrayList<String>(scale.users());
        for (int id = 1; id <= scale.users(); id++) {
            String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + id;
            String email = random.nextInt(6) == 0 ? "\\N" : name + "@example.org";
            String role = random.nextInt(15) == 0 ? "admin" : "user";
            String created = TIMESTAMP.format(EPOCH.plusMinutes(random.nextInt(60 * 24 * 300)));
            rows.add(id + "\t" + name + "\t" + email + "\t" + role + "\t" + created + "\t" + created);
        }
        return rows;
    }

    private static List<String> projects(Scale scale, SplittableRandom random) {
        var rows = new ArrayList<String>(scale.projects());
        String[] words = {"Atlas", "Beacon", "Comet", "Delta", "Ember", "Fjord", "Garnet", "Harbor", "Iris", "Juno"};
        for (int id = 1; id <= scale.projects(); id++) {
            String title = words[random.nextInt(words.length)] + " " + id;
            int owner = 1 + random.nextInt(scale.users());
            LocalDateTime created = EPOCH.plusMinutes(random.nextInt(60 * 24 * 300));
            rows.add(id + "\t" + title + "\t" + owner + "\t" + TIMESTAMP.format(created) + "\t"
                    + TIMESTAMP.format(created.plusDays(random.nextInt(30))));
        }
        return rows;
    }

    private static void copy(Connection connection, String target, List<String> rows) throws SQLException {
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY " + target + " FROM STDIN", new StringReader(String.join("\n", rows) + "\n"));
        } catch (IOException e) {
            throw new SQLException("could not send rows for " + target, "08000", e);
        }
    }
}
