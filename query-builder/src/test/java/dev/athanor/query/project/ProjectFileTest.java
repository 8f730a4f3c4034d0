package dev.athanor.query.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.project.ProjectFileException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {
    private final ProjectFile files = ProjectFile.standard();

    @TempDir
    Path directory;

    private Path write(String name, String text) throws IOException {
        var file = directory.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void projectUsingEveryModelFeatureLoadsEqualAfterSaving() {
        var file = directory.resolve("full.athanor.json");
        var project = ProjectSamples.full();

        files.save(file, project);
        var opened = files.open(file);

        assertThat(opened.project()).isEqualTo(project);
        assertThat(opened.fileVersion()).isEqualTo(ProjectFile.CURRENT_VERSION);
        assertThat(opened.notices()).isEmpty();
    }

    @Test
    void savedTextStartsWithFormatMarkerAndVersion() throws IOException {
        var file = directory.resolve("showcase.athanor.json");

        files.save(file, ProjectSamples.showcase());

        var text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"format\": \"athanor-project\",\n  \"version\": 3,\n  \"connection\"");
        assertThat(text).endsWith("}\n");
    }

    @Test
    void savingTheSameProjectTwiceWritesIdenticalBytes() throws IOException {
        var first = directory.resolve("a.athanor.json");
        var second = directory.resolve("b.athanor.json");

        files.save(first, ProjectSamples.full());
        files.save(second, files.open(first).project());

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void layoutBoxesAreWrittenInAliasOrder() throws IOException {
        var file = directory.resolve("layout.athanor.json");
        var layout = CanvasLayout.empty()
                .withTable("zeta", new TableBox(1, 2, false))
                .withTable("alpha", new TableBox(3, 4, true));
        var project = QueryProject.empty()
                .withQuery(SavedQuery.of("q", new Query.Raw("SELECT 1")).withLayout(layout));

        files.save(file, project);

        var text = Files.readString(file);
        assertThat(text.indexOf("\"alpha\"")).isLessThan(text.indexOf("\"zeta\""));
    }

    @Test
    void sqlFieldIsWrittenForReadersAndIgnoredWhenReading() throws IOException {
        var json = files.toJson(ProjectSamples.showcase());
        assertThat(json).contains("\"sql\": \"select workload, cast(avg(compensation) as integer)");
        var stale = json.replaceFirst("\"sql\": \"[^\"]*\"", "\"sql\": \"SELECT 'edited by hand, out of date'\"");
        var file = write("stale.athanor.json", stale);

        var opened = files.open(file);

        assertThat(opened.project()).isEqualTo(ProjectSamples.showcase());
        files.save(file, opened.project());
        assertThat(Files.readString(file)).isEqualTo(json);
    }

    @Test
    void saveReplacesTheWholeContentAndLeavesNoTemporaryFile() throws IOException {
        var file = directory.resolve("p.athanor.json");
        files.save(file, ProjectSamples.full());

        files.save(file, ProjectSamples.showcase());

        assertThat(files.open(file).project()).isEqualTo(ProjectSamples.showcase());
        assertThat(Files.readString(file)).isEqualTo(files.toJson(ProjectSamples.showcase()));
        try (var listing = Files.list(directory)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void versionOneFileIsMigratedInMemoryAndLeftUnchangedOnDisk() throws IOException {
        var text = """
                {
                  "format": "athanor-project",
                  "version": 1,
                  "profile": "Sample database",
                  "queries": [
                    {"name": "well_paid", "sql": "SELECT id FROM resumes WHERE compensation > :min", "parameters": {"min": "integer"}}
                  ]
                }
                """;
        var file = write("old.athanor.json", text);

        var opened = files.open(file);

        assertThat(opened.migrated()).isTrue();
        assertThat(opened.fileVersion()).isEqualTo(1);
        assertThat(opened.notices().getFirst()).contains("format version 1", "converted to version 3");
        var query = opened.project().query("well_paid").orElseThrow();
        var expected = Query.select(SelectItem.of(Expression.column("id")))
                .withFrom(TableSource.table(null, "resumes", null))
                .withWhere(Predicate.compare(
                        Expression.column("compensation"),
                        Predicate.Comparison.Operator.GT,
                        Expression.parameter("min", null)));
        assertThat(query.query()).isEqualTo(expected);
        assertThat(query.parameters()).containsExactly(QueryParameter.required("min", ParameterType.INTEGER));
        assertThat(opened.project().connection()).isEqualTo(ConnectionReference.profile("Sample database"));
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void versionOneStatementThatIsNotASelectIsKeptAsRawSqlWithANotice() throws IOException {
        var file = write("old.athanor.json", """
                {"format": "athanor-project", "version": 1, "queries": [{"name": "odd", "sql": "VACUUM"}]}
                """);
        var opened = files.open(file);

        assertThat(opened.project().query("odd").orElseThrow().query()).isEqualTo(new Query.Raw("VACUUM"));
        assertThat(opened.notices()).anyMatch(n -> n.contains("'odd'") && n.contains("raw SQL"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        var file = write("bad.athanor.json", "{\n  \"format\": \"athanor-project\",\n  \"version\": 2,,\n}\n");

        assertFails(file, Problem.MALFORMED, "not valid JSON");
        var failure = failure(file);
        assertThat(failure.line()).isEqualTo(3);
        assertThat(failure.getMessage()).contains("line 3, column");
    }

    @Test
    void truncatedFileSaysItLooksTruncated() throws IOException {
        var full = files.toJson(ProjectSamples.showcase());
        var file = write("cut.athanor.json", full.substring(0, full.length() / 2));

        assertFails(file, Problem.TRUNCATED, "truncated");
    }

    @Test
    void emptyFileSaysItIsEmpty() throws IOException {
        var file = write("empty.athanor.json", "  \n");

        assertFails(file, Problem.EMPTY, "the file is empty");
    }

    @Test
    void jsonWithoutTheFormatMarkerIsNotAProject() throws IOException {
        var file = write("other.json", "{\n  \"name\": \"package\",\n  \"version\": 2\n}\n");

        assertFails(file, Problem.NOT_A_PROJECT, "not an Athanor project file");
    }

    @Test
    void newerVersionSaysItWasWrittenByANewerAthanor() throws IOException {
        var file = write(
                "future.athanor.json",
                "{\n  \"format\": \"athanor-project\",\n  \"version\": 7,\n  \"queries\": []\n}\n");

        assertFails(file, Problem.NEWER_VERSION, "written by a newer Athanor (format version 7)");
        assertThat(failure(file).line()).isEqualTo(3);
    }

    @Test
    void unknownNodeKindNamesItsJsonPath() throws IOException {
        var json = files.toJson(ProjectSamples.showcase())
                .replaceFirst("\"kind\": \"column\"", "\"kind\": \"frobnicate\"");
        var file = write("odd.athanor.json", json);

        var failure = assertFails(file, Problem.INVALID, "unknown kind 'frobnicate' for an expression");
        assertThat(failure.jsonPath()).contains("queries[0].query.items[0].expression");
        assertThat(failure.getMessage())
                .contains("(at queries[0].query.items[0].expression)")
                .contains("line ");
    }

    @Test
    void misspelledRequiredFieldIsReportedMissing() throws IOException {
        var json = files.toJson(ProjectSamples.showcase())
                .replaceFirst("\"column\": \"workload\"", "\"col\": \"workload\"");
        var file = write("missing.athanor.json", json);

        var failure = assertFails(file, Problem.INVALID, "the required field 'column' is missing");
        assertThat(failure.jsonPath()).contains("queries[0].query.items[0].expression");
    }

    @Test
    void unknownFieldIsNamedWithTheKnownOnes() throws IOException {
        var json = files.toJson(ProjectSamples.showcase())
                .replaceFirst("\"column\": \"workload\"", "\"column\": \"workload\", \"colour\": \"red\"");
        var file = write("unknown.athanor.json", json);

        var failure = assertFails(file, Problem.INVALID, "unknown field 'colour' (known fields: column, table)");
        assertThat(failure.jsonPath()).contains("queries[0].query.items[0].expression.colour");
    }

    @Test
    void absentRequiredFieldIsNamed() throws IOException {
        var file = write("absent.athanor.json", """
                {"format": "athanor-project", "version": 3,
                 "queries": [{"name": "q", "query": {"kind": "select", "items": [
                   {"kind": "value", "expression": {"kind": "column", "table": "r"}}]}}]}
                """);

        var failure = assertFails(file, Problem.INVALID, "the required field 'column' is missing");
        assertThat(failure.jsonPath()).contains("queries[0].query.items[0].expression");
    }

    @Test
    void passwordInTheConnectionUrlIsRefused() throws IOException {
        var file = write("secret.athanor.json", """
                {"format": "athanor-project", "version": 3,
                 "connection": {"url": "postgresql://alice:secret@db/shop"}}
                """);

        var failure = assertFails(file, Problem.INVALID, "never stores a password");
        assertThat(failure.jsonPath()).contains("connection");
    }

    @Test
    void twoRelationshipsOfOneTableWithTheSameNameAreRefused() throws IOException {
        var worker = """
                {"name": "worker", "kind": "many-to-one", "loading": "joined",
                 "from": {"table": "resumes", "columns": ["worker_id"]}, "to": {"table": "workers", "columns": ["id"]}}
                """;
        var file = write(
                "twice.athanor.json",
                "{\"format\": \"athanor-project\", \"version\": 3, \"relationships\": [" + worker + "," + worker
                        + "]}");

        assertFails(file, Problem.INVALID, "The table public.resumes has two relationships called 'worker'");
    }

    @Test
    void duplicateQueryNamesAreRefused() throws IOException {
        var file = write("same.athanor.json", """
                {"format": "athanor-project", "version": 3, "queries": [
                  {"name": "q", "query": {"kind": "raw", "sql": "SELECT 1"}},
                  {"name": "q", "query": {"kind": "raw", "sql": "SELECT 2"}}]}
                """);

        assertFails(file, Problem.INVALID, "Two queries are called 'q'");
    }

    @Test
    void defaultThatIsNotOfItsTypeIsNamedWithItsPlace() throws IOException {
        var file = write("default.athanor.json", """
                {"format": "athanor-project", "version": 3, "queries": [
                  {"name": "q", "query": {"kind": "raw", "sql": "SELECT 1"},
                   "parameters": [{"name": "since", "type": "date", "default": "yesterday"}]}]}
                """);

        var failure = assertFails(file, Problem.INVALID, "'yesterday' is not a date");
        assertThat(failure.jsonPath()).contains("queries[0].parameters[0]");
    }

    @Test
    void saveRefusesToReplaceABrokenFile() throws IOException {
        var file = write("broken.athanor.json", "{ this is being repaired");
        var before = Files.readAllBytes(file);

        assertThatThrownBy(() -> files.save(file, ProjectSamples.showcase()))
                .isInstanceOfSatisfying(ProjectFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.OVERWRITE_REFUSED);
                    assertThat(e.getMessage()).contains("Save as");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void saveAsReplacesABrokenFile() throws IOException {
        var file = write("broken.athanor.json", "{ this is being repaired");

        files.saveAs(file, ProjectSamples.showcase());

        assertThat(files.open(file).project()).isEqualTo(ProjectSamples.showcase());
    }

    @Test
    void urlFactoryStripsAPassword() {
        assertThat(ConnectionReference.url("postgresql://alice:secret@db:5432/shop?sslmode=require")
                        .url())
                .isEqualTo("postgresql://alice@db:5432/shop?sslmode=require");
        assertThat(ConnectionReference.url("jdbc:postgresql://db/shop?user=alice&password=secret&sslmode=require")
                        .url())
                .isEqualTo("jdbc:postgresql://db/shop?user=alice&sslmode=require");
        assertThat(ConnectionReference.url("jdbc:postgresql://db/shop?password=secret")
                        .url())
                .isEqualTo("jdbc:postgresql://db/shop");
    }

    private ProjectFileException failure(Path file) {
        try {
            files.open(file);
        } catch (ProjectFileException e) {
            return e;
        }
        throw new AssertionError("opening " + file + " did not fail");
    }

    /** Opens {@code file}, expects the failure, and checks the file is byte for byte what it was. */
    private ProjectFileException assertFails(Path file, Problem problem, String messagePart) throws IOException {
        var before = Files.readAllBytes(file);
        var failure = failure(file);
        assertThat(failure.problem()).isEqualTo(problem);
        assertThat(failure.getMessage()).contains(file.toString()).contains(messagePart);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(directory)) {
            assertThat(listing).containsExactly(file);
        }
        return failure;
    }
}
