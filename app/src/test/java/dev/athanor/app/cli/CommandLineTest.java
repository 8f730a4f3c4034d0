package dev.athanor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.query.model.Query;
import dev.athanor.query.project.ConnectionReference;
import dev.athanor.query.project.ParameterType;
import dev.athanor.query.project.ProjectFile;
import dev.athanor.query.project.QueryParameter;
import dev.athanor.query.project.QueryProject;
import dev.athanor.query.project.SavedQuery;
import dev.athanor.sample.testkit.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    static final Path SHOWCASE = Path.of("..", "docs", "examples", "showcase.athanor.json");

    static final String PYTHON_BY_WORKLOAD = showcaseSql("python_by_workload");

    static final String COMPENSATION_AGAINST_WORKLOAD = showcaseSql("compensation_against_workload");

    private static TestPostgres pg;
    private static String database;
    private static String url;

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() {
        pg = TestPostgres.shared();
        database = pg.createSampleDatabase("cli");
        url = "postgresql://" + pg.superuser() + "@" + pg.host() + ":" + pg.port() + "/" + database;
    }

    private CliRun run(String command, String... args) {
        return CliRun.of(directory, command, args);
    }

    private Path project(SavedQuery... queries) {
        var file = directory.resolve("test.athanor.json");
        ProjectFile.standard().save(file, QueryProject.empty().withQueries(List.of(queries)));
        return file;
    }

    /** Rows as the server's text, with the header row first, as CSV carries them. */
    private static List<List<String>> jdbc(String sql) throws SQLException {
        try (var connection = pg.connect(database);
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            var rows = new ArrayList<List<String>>();
            var meta = result.getMetaData();
            var header = new ArrayList<String>();
            for (var i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnLabel(i));
            }
            rows.add(header);
            while (result.next()) {
                var row = new ArrayList<String>();
                for (var i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void firstShowcaseQueryPrintsTheRowsOfItsHandWrittenSql() throws SQLException {
        var result = run("run", SHOWCASE.toString(), "--query", "python_by_workload", "--format", "csv", "--url", url);

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        var expected = jdbc(PYTHON_BY_WORKLOAD);
        assertThat(expected).hasSizeGreaterThan(1);
        var printed = CliRun.parseCsv(result.out());
        assertThat(printed.getFirst()).isEqualTo(expected.getFirst());
        assertThat(printed.subList(1, printed.size()))
                .containsExactlyInAnyOrderElementsOf(expected.subList(1, expected.size()));
    }

    @Test
    void secondShowcaseQueryPrintsTheRowsOfItsHandWrittenSqlWithNullsAsEmptyFields() throws SQLException {
        var result = run(
                "run",
                SHOWCASE.toString(),
                "--query",
                "compensation_against_workload",
                "--format",
                "csv",
                "--url",
                url);

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        var expected = jdbc(COMPENSATION_AGAINST_WORKLOAD);
        var printed = CliRun.parseCsv(result.out());
        assertThat(printed).hasSize(expected.size());
        assertThat(printed).containsExactlyInAnyOrderElementsOf(expected);
        // Rows with a NULL compensation exist in the sample data and must come out as NULL, not as "".
        assertThat(printed).anyMatch(row -> row.get(2) == null);
        assertThat(printed.stream().map(row -> row.get(5)).toList())
                .isEqualTo(expected.stream().map(row -> row.get(5)).toList());
    }

    @Test
    void everyQueryRunsInOrderWithAHeaderLineInTableFormat() {
        var result = run("run", SHOWCASE.toString(), "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        var out = result.out();
        assertThat(out).startsWith("-- python_by_workload\n");
        assertThat(out.indexOf("-- compensation_against_workload\n")).isGreaterThan(0);
        assertThat(out)
                .contains("workload", "avg_compensation", "compensation_diff")
                .contains("(6000 rows)");
    }

    @Test
    void paramOptionIsBoundWithItsDeclaredType() throws SQLException {
        var result = run(
                "run",
                SHOWCASE.toString(),
                "--query",
                "python_by_workload",
                "--param",
                "min_compensation=60000",
                "--param=title_pattern=%Java%",
                "--format",
                "csv",
                "--url",
                url);

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        var expected = jdbc(PYTHON_BY_WORKLOAD.replace("40000", "60000").replace("%Python%", "%Java%"));
        assertThat(expected).isNotEqualTo(jdbc(PYTHON_BY_WORKLOAD));
        assertThat(CliRun.parseCsv(result.out())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void paramValueOfTheWrongTypeIsAUsageError() {
        var result = run("run", SHOWCASE.toString(), "--param", "min_compensation=lots", "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(result.err()).contains("min_compensation", "'lots' is not an integer");
    }

    @Test
    void undeclaredParamIsAUsageErrorNamingTheDeclaredOnes() {
        var result = run("run", SHOWCASE.toString(), "--param", "min_compensaton=1", "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(result.err()).contains("'min_compensaton'", "min_compensation, title_pattern");
    }

    @Test
    void missingParameterExitsWithQueryErrorNamingIt() {
        var file = project(SavedQuery.of("by_worker", new Query.Raw("SELECT 1"))
                .withParameters(List.of(QueryParameter.required("worker_id", ParameterType.INTEGER))));

        var result = run("run", file.toString(), "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.QUERY);
        assertThat(result.err())
                .contains("query 'by_worker' needs a value for parameter 'worker_id' (integer)")
                .contains("--param worker_id=");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void urlOfAnotherKindIsAUsageError() {
        var result = run("run", SHOWCASE.toString(), "--url", "mysql://root@localhost/shop");

        assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(result.err()).contains("--url is not a valid connection string", "postgresql://");
    }

    @Test
    void serverNotListeningIsAConnectionError() {
        var result = run("run", SHOWCASE.toString(), "--url", "postgresql://postgres@127.0.0.1:1/nothing");

        assertThat(result.status()).isEqualTo(ExitStatus.CONNECTION);
        assertThat(result.err()).contains("Cannot reach");
    }

    @Test
    void wrongPasswordIsAnAuthenticationError() {
        pg.createPasswordRole("cli_wrong", "right-secret");
        var jdbcUrl = "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + database
                + "?user=cli_wrong&password=not-the-secret";

        var result = run("run", SHOWCASE.toString(), "--url", jdbcUrl);

        assertThat(result.status()).isEqualTo(ExitStatus.CONNECTION);
        assertThat(result.err()).contains("Wrong password for user cli_wrong").doesNotContain("not-the-secret");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void passwordWantedWithoutTerminalNamesPgpasswordAndPgpass() {
        pg.createPasswordRole("cli_nopass", "secret");
        var noPassword = "postgresql://cli_nopass@" + pg.host() + ":" + pg.port() + "/" + database;

        var result = run("run", SHOWCASE.toString(), "--url", noPassword);

        assertThat(result.status()).isEqualTo(ExitStatus.CONNECTION);
        assertThat(result.err()).contains("wants a password", "PGPASSWORD", "~/.pgpass");
    }

    @Test
    void pgpasswordFromTheEnvironmentLogsIn() {
        pg.createPasswordRole("cli_env", "env-secret");
        var noPassword = "postgresql://cli_env@" + pg.host() + ":" + pg.port() + "/" + database;

        var result = CliRun.withEnvironment(
                Map.of("PGPASSWORD", "env-secret"),
                directory,
                "run",
                SHOWCASE.toString(),
                "--query",
                "python_by_workload",
                "--url",
                noPassword);

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void projectProfileIsFoundInTheProfileStoreWithItsPasswordFromPgpass() throws IOException {
        pg.createPasswordRole("cli_profile", "pgpass-secret");
        var config = directory.resolve("config");
        new ProfileStore(config.resolve("athanor"))
                .create(ConnectionProfile.of("Team database", pg.host(), pg.port(), database, "cli_profile"));
        var pgpass = directory.resolve("pgpass");
        Files.writeString(pgpass, pg.host() + ":" + pg.port() + ":" + database + ":cli_profile:pgpass-secret\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        var file = directory.resolve("team.athanor.json");
        ProjectFile.standard()
                .save(
                        file,
                        new QueryProject(
                                ConnectionReference.profile("Team database"),
                                List.of(SavedQuery.of("who", new Query.Raw("SELECT current_user AS who"))),
                                List.of()));

        var result = CliRun.withEnvironment(
                Map.of("XDG_CONFIG_HOME", config.toString(), "PGPASSFILE", pgpass.toString()),
                directory,
                "run",
                file.toString(),
                "--format",
                "csv");

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        assertThat(result.out()).isEqualTo("who\r\ncli_profile\r\n");
    }

    @Test
    void unknownProfileIsAConnectionErrorSuggestingUrl() {
        var file = directory.resolve("lost.athanor.json");
        ProjectFile.standard()
                .save(
                        file,
                        new QueryProject(
                                ConnectionReference.profile("Gone"),
                                List.of(SavedQuery.of("one", new Query.Raw("SELECT 1"))),
                                List.of()));

        var result = CliRun.withEnvironment(
                Map.of("XDG_CONFIG_HOME", directory.resolve("empty-config").toString()),
                directory,
                "run",
                file.toString());

        assertThat(result.status()).isEqualTo(ExitStatus.CONNECTION);
        assertThat(result.err()).contains("'Gone'", "--url");
    }

    @Test
    void brokenProjectIsAProjectFileErrorWithoutStackTrace() throws IOException {
        var text = Files.readString(SHOWCASE);
        var file = directory.resolve("cut.athanor.json");
        Files.writeString(file, text.substring(0, text.length() / 3));

        var result = run("run", file.toString(), "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.PROJECT_FILE);
        assertThat(result.err()).contains("cut.athanor.json", "truncated").doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo(text.substring(0, text.length() / 3));
    }

    @Test
    void missingProjectFileIsAProjectFileError() {
        var result = run("run", directory.resolve("nothing.athanor.json").toString(), "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.PROJECT_FILE);
        assertThat(result.err()).contains("does not exist");
    }

    @Test
    void missingRelativeProjectPathIsShownAbsolute() {
        var result = run("run", "no-such-dir/nothing.athanor.json", "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.PROJECT_FILE);
        assertThat(result.err())
                .contains("does not exist (looked for "
                        + Path.of("no-such-dir/nothing.athanor.json").toAbsolutePath() + ")");
    }

    @Test
    void unknownQueryNameIsAUsageErrorListingTheQueries() {
        var result = run("run", SHOWCASE.toString(), "--query", "nope", "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(result.err()).contains("no query 'nope'", "python_by_workload, compensation_against_workload");
    }

    @Test
    void sqlErrorIsAQueryErrorInTheServersWords() {
        var file = project(SavedQuery.of("broken", new Query.Raw("SELECT no_such_column FROM workers")));

        var result = run("run", file.toString(), "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.QUERY);
        assertThat(result.err())
                .contains("query 'broken' failed", "no_such_column")
                .doesNotContain("\tat ");
    }

    @Test
    void literalSqlRunsAndGivesTheSameRows() throws SQLException {
        var result = run("sql", SHOWCASE.toString(), "--query", "python_by_workload", "--literal");

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        var sql = result.out().strip();
        assertThat(sql).endsWith(";").contains("'%Python%'").contains("40000").doesNotContain("?");
        var rows = jdbc(sql.substring(0, sql.length() - 1));
        var expected = jdbc(PYTHON_BY_WORKLOAD);
        assertThat(rows.subList(1, rows.size()))
                .containsExactlyInAnyOrderElementsOf(expected.subList(1, expected.size()));
    }

    @Test
    void boundSqlListsItsBindValuesInOrder() {
        var result =
                run("sql", SHOWCASE.toString(), "--query", "python_by_workload", "--param", "min_compensation=45000");

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        assertThat(result.out())
                .contains("?")
                .contains("-- bind values, in placeholder order:")
                .contains("-- 1: '%Python%' (text)")
                .contains("-- 2: 45000 (integer)")
                .doesNotContain("40000");
    }

    @Test
    void sqlWithoutQueryOptionIsAUsageError() {
        var result = run("sql", SHOWCASE.toString());

        assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(result.err()).contains("--query NAME", "athanor sql --help");
    }

    @Test
    void jsonWritesNumbersAsNumbersAndNullAsNull() throws IOException {
        var file = project(SavedQuery.of(
                "values",
                new Query.Raw("SELECT 1 AS n, NULL::int AS missing, '' AS empty, true AS yes, 12.50::numeric AS price,"
                        + " 'say \"hi\"' AS quote")));

        var result = run("run", file.toString(), "--format", "json", "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        var rows = new ObjectMapper().readTree(result.out());
        assertThat(rows.isArray()).isTrue();
        var row = rows.get(0);
        assertThat(row.get("n").isIntegralNumber()).isTrue();
        assertThat(row.get("missing").isNull()).isTrue();
        assertThat(row.get("empty").asText()).isEmpty();
        assertThat(row.get("empty").isTextual()).isTrue();
        assertThat(row.get("yes").isBoolean()).isTrue();
        assertThat(row.get("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(row.get("quote").asText()).isEqualTo("say \"hi\"");
    }

    @Test
    void csvKeepsNullApartFromTheEmptyString() {
        var file = project(SavedQuery.of(
                "values", new Query.Raw("SELECT NULL::text AS missing, '' AS empty, 'a,b' AS comma, true AS yes")));

        var result = run("run", file.toString(), "--format", "csv", "--url", url);

        assertThat(result.out()).isEqualTo("missing,empty,comma,yes\r\n,\"\",\"a,b\",true\r\n");
    }

    @Test
    void jsonLinesWritesOneObjectPerRow() throws IOException {
        var file = project(SavedQuery.of("three", new Query.Raw("SELECT i FROM generate_series(1, 3) AS s(i)")));

        var result = run("run", file.toString(), "--format", "jsonl", "--url", url);

        assertThat(result.out()).isEqualTo("{\"i\":1}\n{\"i\":2}\n{\"i\":3}\n");
    }

    @Test
    void rowsBeforeALateFailureAreAlreadyWritten() {
        // With a cursor, rows reach standard output batch by batch before the server reaches the failing row;
        // a driver that buffered the whole result would fail before writing any.
        var file = project(SavedQuery.of(
                "late_failure",
                new Query.Raw("SELECT CASE WHEN i < 100000 THEN i ELSE 1 / (i - i) END AS n"
                        + " FROM generate_series(1, 100000) AS s(i)")));

        var result = run("run", file.toString(), "--format", "csv", "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.QUERY);
        assertThat(result.err()).containsIgnoringCase("division by zero");
        assertThat(result.out().lines().count()).isGreaterThan(90_000);
    }

    @Test
    void versionOneProjectRunsAfterANoteOnStandardError() throws IOException, SQLException {
        var file = directory.resolve("old.athanor.json");
        Files.writeString(file, """
                {"format": "athanor-project", "version": 1,
                 "queries": [{"name": "well_paid", "parameters": {"min": "integer"},
                              "sql": "SELECT id, title FROM resumes WHERE compensation > :min ORDER BY id"}]}
                """);

        var result = run("run", file.toString(), "--param", "min=150000", "--format", "csv", "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        assertThat(result.err()).contains("athanor: note:", "format version 1");
        var expected = jdbc("SELECT id, title FROM resumes WHERE compensation > 150000 ORDER BY id");
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(CliRun.parseCsv(result.out())).isEqualTo(expected);
    }

    @Test
    void runHelpListsOptionsAndExitStatuses() {
        var result = run("run", "--help");

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        assertThat(result.out()).contains("usage: athanor run PROJECT", "--format", "--param", "130 interrupted");
    }

    @Test
    void sqlHelpListsOptionsAndExitStatuses() {
        var result = run("sql", "-h");

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        assertThat(result.out()).contains("usage: athanor sql PROJECT", "--literal", "3 project file error");
    }

    /** The hand-written SQL of query {@code name} in docs/examples/showcase.sql (the statement after its comment). */
    static String showcaseSql(String name) {
        try {
            var text = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "examples", "showcase.sql"));
            var start = text.indexOf("-- " + name + ":");
            if (start < 0) {
                throw new AssertionError("showcase.sql has no query " + name);
            }
            var from = text.indexOf('\n', start) + 1;
            return text.substring(from, text.indexOf(';', from));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
