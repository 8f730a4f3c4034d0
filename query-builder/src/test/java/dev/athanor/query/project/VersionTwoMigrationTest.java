package dev.athanor.query.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import dev.athanor.model.relationship.RelationshipKind;
import dev.athanor.query.project.ProjectFileException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 files, whose relationships held builder conditions and sort items, read as version 3. */
class VersionTwoMigrationTest {
    private final ProjectFile files = ProjectFile.standard();

    @TempDir
    Path directory;

    private static final String PARTTIME = """
            {
              "format": "athanor-project",
              "version": 2,
              "relationships": [
                {
                  "name": "resumes_parttime",
                  "kind": "one-to-many",
                  "from": {"table": "workers", "columns": ["id"]},
                  "to": {"table": "resumes", "columns": ["worker_id"]},
                  "condition": {
                    "kind": "comparison",
                    "left": {"kind": "column", "table": "resumes", "column": "workload"},
                    "operator": "EQ",
                    "right": {"kind": "literal", "type": "STRING", "text": "parttime"}
                  },
                  "orderBy": [{"expression": {"kind": "column", "column": "id"}, "direction": "DESC", "nulls": "DEFAULT"}],
                  "loading": "selectin"
                },
                {
                  "name": "vacancies_replied",
                  "kind": "many-to-many",
                  "from": {"table": "resumes", "columns": ["id"]},
                  "to": {"schema": "public", "table": "vacancies", "columns": ["id"]},
                  "association": {"table": "vacancies_replies", "fromColumns": ["resume_id"], "toColumns": ["vacancy_id"]},
                  "condition": {"kind": "raw", "sql": "vacancies.compensation IS NOT NULL"},
                  "loading": "subquery"
                }
              ]
            }
            """;

    private Path write(String text) throws IOException {
        var file = directory.resolve("old.athanor.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void versionTwoRelationshipBecomesTheModelsWithItsConditionAsUnqualifiedSql() throws IOException {
        var opened = files.open(write(PARTTIME));

        Relationship parttime = opened.project().relationships().getFirst();
        assertThat(parttime)
                .isEqualTo(new Relationship(
                        "resumes_parttime",
                        RelationshipKind.ONE_TO_MANY,
                        new QualifiedName("public", "workers"),
                        List.of("id"),
                        new QualifiedName("public", "resumes"),
                        List.of("worker_id"),
                        Optional.empty(),
                        Optional.of("workload = 'parttime'"),
                        List.of(new SortKey("id", true)),
                        Optional.empty(),
                        Optional.empty(),
                        LoaderStrategy.SELECTIN));
    }

    @Test
    void versionTwoManyToManyKeepsItsAssociationTableAndItsRawConditionUnqualified() throws IOException {
        var opened = files.open(write(PARTTIME));

        Relationship replied = opened.project().relationships().get(1);
        assertThat(replied.association())
                .contains(new Relationship.Association(
                        new QualifiedName("public", "vacancies_replies"), List.of("resume_id"), List.of("vacancy_id")));
        assertThat(replied.condition().orElseThrow()).isEqualToIgnoringCase("compensation is not null");
        assertThat(replied.loading()).isEqualTo(LoaderStrategy.SUBQUERY);
    }

    @Test
    void versionTwoFileIsMigratedInMemoryAndLeftUnchangedOnDisk() throws IOException {
        var file = write(PARTTIME);

        var opened = files.open(file);

        assertThat(opened.migrated()).isTrue();
        assertThat(opened.fileVersion()).isEqualTo(2);
        assertThat(opened.notices().getFirst()).contains("format version 2", "converted to version 3");
        assertThat(Files.readString(file)).isEqualTo(PARTTIME);
    }

    @Test
    void migratedProjectIsSavedAsVersionThreeAndReadsBackEqual() throws IOException {
        var project = files.open(write(PARTTIME)).project();
        var saved = directory.resolve("new.athanor.json");

        files.save(saved, project);
        var reopened = files.open(saved);

        assertThat(Files.readString(saved)).contains("\"version\": 3", "\"condition\": \"workload = 'parttime'\"");
        assertThat(reopened.migrated()).isFalse();
        assertThat(reopened.project()).isEqualTo(project);
    }

    @Test
    void versionTwoOrderByAnExpressionIsRefusedWithItsPlace() throws IOException {
        var text = PARTTIME.replace(
                "{\"expression\": {\"kind\": \"column\", \"column\": \"id\"}",
                "{\"expression\": {\"kind\": \"function\", \"name\": \"lower\", \"arguments\": [{\"kind\": \"column\", \"column\": \"title\"}]}");
        var file = write(text);

        assertThatThrownBy(() -> files.open(file)).isInstanceOfSatisfying(ProjectFileException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.INVALID);
            assertThat(e.jsonPath()).contains("relationships[0].orderBy[0]");
            assertThat(e.getMessage()).contains("ordered by an expression");
        });
    }
}
