package dev.athanor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.athanor.query.model.Query;
import dev.athanor.query.project.ProjectFile;
import dev.athanor.query.project.QueryProject;
import dev.athanor.query.project.SavedQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code athanor lab} run as the process runs it, against a sample database. */
class LabCommandTest {
    private static String url;

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() {
        url = CliRun.sampleDatabaseUrl("cli_lab");
    }

    private CliRun lab(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", url, "--runs", "1"));
        return CliRun.of(directory, "lab", all.toArray(String[]::new));
    }

    @Test
    void helpListsTheOptionsAndTheStatusOfTooManyStatements() {
        var run = CliRun.of(directory, "lab", "--help");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).contains("--max-statements N", "--path PATH", "6 a strategy needs more statements");
    }

    @Test
    void anUnknownRelationshipIsAUsageErrorListingTheTablesRelationships() {
        var run = lab("--table", "workers", "--path", "resume");

        assertThat(run.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run.err()).contains("public.workers has no relationship called 'resume'", "resumes");
    }

    @Test
    void anUnknownStrategyIsAUsageErrorNamingTheStrategies() {
        var run = lab("--table", "workers", "--path", "resumes", "--strategies", "lazy,eager");

        assertThat(run.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run.err()).contains("unknown strategy 'eager'", "selectin");
    }

    @Test
    void anUnknownTableIsAUsageError() {
        var run = lab("--table", "employees", "--path", "resumes");

        assertThat(run.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run.err()).contains("no table 'employees'");
    }

    @Test
    void theTableShowsEachStrategyAndTheRecommendation() {
        var run = lab("--table", "workers", "--path", "resumes", "--limit", "20", "--strategies", "lazy,selectin");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out())
                .contains("lazy", "selectin", "recommended: selectin: 2 statements instead of 21 with lazy");
    }

    @Test
    void moreStatementsThanTheLimitExitsWithItsOwnStatusNamingTheStrategy() {
        var run = lab(
                "--table",
                "workers",
                "--path",
                "resumes",
                "--limit",
                "20",
                "--strategies",
                "lazy,selectin",
                "--max-statements",
                "5");

        assertThat(run.status()).isEqualTo(ExitStatus.TOO_MANY_STATEMENTS);
        assertThat(run.status().code()).isEqualTo(6);
        assertThat(run.err()).contains("lazy sent 21").doesNotContain("selectin sent");
    }

    @Test
    void withinTheLimitExitsOk() {
        var run = lab(
                "--table",
                "workers",
                "--path",
                "resumes",
                "--limit",
                "20",
                "--strategies",
                "selectin",
                "--max-statements",
                "5");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void jsonHasOneObjectPerStrategyWithNotApplicableOnesExplained() throws Exception {
        var run = lab(
                "--table",
                "workers",
                "--path",
                "resumes",
                "--limit",
                "10",
                "--strategies",
                "joined,contains_eager",
                "--format",
                "json");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("strategy").asText()).isEqualTo("joined");
        assertThat(rows.get(0).get("statements").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("parents").asInt()).isEqualTo(10);
        assertThat(rows.get(1).get("status").asText()).isEqualTo("not applicable");
        assertThat(rows.get(1).get("note").asText()).contains("contains_eager");
    }

    @Test
    void parentsComeFromASavedQueryOfTheProject() throws Exception {
        var file = directory.resolve("lab.athanor.json");
        ProjectFile.standard()
                .save(
                        file,
                        QueryProject.empty()
                                .withQueries(List.of(SavedQuery.of(
                                        "first_three", new Query.Raw("SELECT id FROM workers ORDER BY id LIMIT 3")))));

        var run = lab(
                "--table",
                "workers",
                "--query",
                "first_three",
                "--project",
                file.toString(),
                "--path",
                "resumes",
                "--strategies",
                "selectin",
                "--format",
                "json");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(new ObjectMapper().readTree(run.out()).get(0).get("parents").asInt())
                .isEqualTo(3);
    }
}
