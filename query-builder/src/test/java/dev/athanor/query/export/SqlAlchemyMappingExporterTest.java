package dev.athanor.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.Association;
import dev.athanor.model.relationship.Relationship.SortKey;
import dev.athanor.model.relationship.RelationshipKind;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.query.testing.SampleDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The declarative mapping of the sample tables: its text, Python's parser, and SQLAlchemy 2 when present. */
class SqlAlchemyMappingExporterTest {
    private static final String PYTHON = "/usr/bin/python3";

    /**
     * The interpreter that imports the mapping: Debian's unless {@code ATHANOR_MAPPING_PYTHON} names another (a
     * virtual environment with SQLAlchemy 2 and Pydantic 2).
     */
    private static final String MAPPING_PYTHON =
            Optional.ofNullable(System.getenv("ATHANOR_MAPPING_PYTHON")).orElse(PYTHON);

    private static final QualifiedName WORKERS = table("workers");
    private static final QualifiedName RESUMES = table("resumes");
    private static final QualifiedName VACANCIES = table("vacancies");
    private static final QualifiedName REPLIES = table("vacancies_replies");

    private static Catalog catalog;
    private static String module;

    private static QualifiedName table(String name) {
        return new QualifiedName("public", name);
    }

    private static Relationship link(
            String name,
            RelationshipKind kind,
            QualifiedName parent,
            String parentColumn,
            QualifiedName target,
            String targetColumn,
            String back,
            LoaderStrategy loading) {
        return new Relationship(
                name,
                kind,
                parent,
                List.of(parentColumn),
                target,
                List.of(targetColumn),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.ofNullable(back),
                Optional.of("fk"),
                loading);
    }

    /** The sample's relationships as seed 003 declares them, with the user's resumes_parttime. */
    static Relationships sampleRelationships() {
        var parttime = new Relationship(
                "resumes_parttime",
                RelationshipKind.ONE_TO_MANY,
                WORKERS,
                List.of("id"),
                RESUMES,
                List.of("worker_id"),
                Optional.empty(),
                Optional.of("workload = 'parttime'"),
                List.of(new SortKey("id", true)),
                Optional.empty(),
                Optional.empty(),
                LoaderStrategy.SELECTIN);
        var replied = new Relationship(
                "vacancies_replied",
                RelationshipKind.MANY_TO_MANY,
                RESUMES,
                List.of("id"),
                VACANCIES,
                List.of("id"),
                Optional.of(new Association(REPLIES, List.of("resume_id"), List.of("vacancy_id"))),
                Optional.empty(),
                List.of(),
                Optional.of("resumes_replied"),
                Optional.of("fk"),
                LoaderStrategy.SELECTIN);
        var repliedBack = new Relationship(
                "resumes_replied",
                RelationshipKind.MANY_TO_MANY,
                VACANCIES,
                List.of("id"),
                RESUMES,
                List.of("id"),
                Optional.of(new Association(REPLIES, List.of("vacancy_id"), List.of("resume_id"))),
                Optional.empty(),
                List.of(),
                Optional.of("vacancies_replied"),
                Optional.of("fk"),
                LoaderStrategy.LAZY);
        return Relationships.of(List.of(
                link(
                        "resumes",
                        RelationshipKind.ONE_TO_MANY,
                        WORKERS,
                        "id",
                        RESUMES,
                        "worker_id",
                        "worker",
                        LoaderStrategy.SELECTIN),
                parttime,
                link(
                        "worker",
                        RelationshipKind.MANY_TO_ONE,
                        RESUMES,
                        "worker_id",
                        WORKERS,
                        "id",
                        "resumes",
                        LoaderStrategy.JOINED),
                replied,
                repliedBack));
    }

    @BeforeAll
    static void export() throws Exception {
        try (var connection = SampleDatabase.create("mapping").connect()) {
            catalog = CatalogLoader.load(connection);
        }
        module = SqlAlchemyMappingExporter.export(catalog, sampleRelationships(), List.of(WORKERS, RESUMES, VACANCIES));
    }

    private static Process python(String interpreter, String code, String stdin) throws IOException {
        var process = new ProcessBuilder(interpreter, "-c", code)
                .redirectErrorStream(true)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return process;
    }

    private static String run(Process process) throws Exception {
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return said;
    }

    @Test
    void theModuleParsesWithPythonsOwnParser() throws Exception {
        var process = python(PYTHON, "import ast,sys; ast.parse(sys.stdin.read())", module);
        String said = run(process);

        assertThat(process.exitValue())
                .as("Python's parser said:\n%s\n%s", said, module)
                .isZero();
    }

    @Test
    void aForeignKeyColumnNamesItsTargetAndItsDeleteAction() {
        assertThat(module)
                .contains(
                        "worker_id: Mapped[int] = mapped_column(Integer, ForeignKey(\"workers.id\", ondelete=\"CASCADE\"))");
    }

    @Test
    void anEnumTypeBecomesAnEnumClassUsedByItsColumn() {
        assertThat(module)
                .contains("class Workload(enum.Enum):", "parttime = \"parttime\"", "workload: Mapped[Workload]");
    }

    @Test
    void aNullableColumnIsOptionalAndAServerDefaultIsKept() {
        assertThat(module).contains("compensation: Mapped[Optional[int]]", "server_default=text(");
    }

    @Test
    void inferredRelationshipsPairWithBackPopulatesAndCarryTheirStrategy() {
        assertThat(module)
                .contains(
                        "resumes: Mapped[list[\"ResumesOrm\"]] = relationship(\n        back_populates=\"worker\",\n        lazy=\"selectin\",",
                        "worker: Mapped[\"WorkersOrm\"] = relationship(\n        back_populates=\"resumes\",\n        lazy=\"joined\",");
    }

    @Test
    void aManyToManyGoesThroughItsAssociationTableWhichIsMappedToo() {
        assertThat(module).contains("class VacanciesRepliesOrm(Base):", "secondary=\"vacancies_replies\"");
    }

    @Test
    void theUsersFilteredRelationshipHasItsJoinConditionAndOrder() {
        assertThat(module)
                .contains(
                        "primaryjoin=\"and_(WorkersOrm.id == ResumesOrm.worker_id, ResumesOrm.workload == 'parttime')\"",
                        "order_by=\"ResumesOrm.id.desc()\"");
    }

    @Test
    void dtosFollowTheSeedsAddPlainAndRelationshipClasses() {
        assertThat(module)
                .contains(
                        "class WorkersAddDTO(BaseModel):",
                        "class WorkersDTO(WorkersAddDTO):",
                        "class WorkersRelDTO(WorkersDTO):",
                        "resumes: list[\"ResumesDTO\"]");
    }

    /** What importing {@code code} and configuring its mappers printed, or skips when SQLAlchemy 2 is missing. */
    private static String importedWithSqlAlchemyTwo(String code) throws Exception {
        var version = run(python(
                MAPPING_PYTHON,
                "import sqlalchemy, pydantic; print(sqlalchemy.__version__.split('.')[0], pydantic.VERSION.split('.')[0])",
                ""));
        // Debian's python3-sqlalchemy is 1.4, whose declarative API has no Mapped/DeclarativeBase as 2.0 writes
        // them, and python3-pydantic is 1.x: the mapping can be checked by import only with SQLAlchemy 2 and
        // Pydantic 2 (ATHANOR_MAPPING_PYTHON may name an interpreter that has them).
        assumeTrue(
                version.strip().equals("2 2"),
                "SQLAlchemy 2 and Pydantic 2 are needed to import the mapping; found (major versions) "
                        + version.strip());
        var dir = Files.createTempDirectory("athanor-mapping");
        Files.writeString(dir.resolve("mapping.py"), code);
        var process = new ProcessBuilder(
                        MAPPING_PYTHON,
                        "-W",
                        "error",
                        "-c",
                        "import sys; sys.path.insert(0, sys.argv[1]); import mapping;"
                                + " from sqlalchemy.orm import configure_mappers; configure_mappers();"
                                + " print(sorted(mapping.Base.metadata.tables))",
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String said = run(process);
        assertThat(process.exitValue())
                .as("importing the mapping said:\n%s\n%s", said, code)
                .isZero();
        return said;
    }

    @Test
    void withSqlAlchemyTwoTheModuleImportsAndMapsEveryClass() throws Exception {
        assertThat(importedWithSqlAlchemyTwo(module)).contains("'resumes'", "'vacancies_replies'", "'workers'");
    }

    @Test
    void withSqlAlchemyTwoTheInferredMappingOfEverySampleTableImportsWithoutWarnings() throws Exception {
        var tables = catalog.relations().stream()
                .filter(r -> r.schema().equals("public") && r.kind() == dev.athanor.model.catalog.ObjectKind.TABLE)
                .map(r -> r.qualifiedName())
                .toList();
        String inferred = SqlAlchemyMappingExporter.export(catalog, Relationships.infer(catalog), tables);

        assertThat(importedWithSqlAlchemyTwo(inferred)).contains("'projects'", "'users'", "'vacancies_replies'");
    }
}
