package dev.athanor.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleCatalogTest {

    private static Connection connection;
    private static Catalog catalog;

    @BeforeAll
    static void loadSampleCatalog() throws SQLException {
        var pg = TestPostgres.shared();
        connection = pg.connect(pg.createSampleDatabase("catalog_sample"));
        catalog = CatalogLoader.load(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static Relation table(String name) {
        return catalog.table("public", name).orElseThrow();
    }

    @Test
    void everySampleTableIsLoadedAsATable() {
        assertThat(catalog.schema("public").orElseThrow().tables())
                .extracting(Relation::name)
                .containsExactly("projects", "resumes", "users", "vacancies", "vacancies_replies", "workers");
        assertThat(table("resumes").kind()).isEqualTo(ObjectKind.TABLE);
    }

    @Test
    void systemSchemasAreLeftOutByDefault() {
        assertThat(catalog.schemas()).extracting(Schema::name).containsExactly("public");
    }

    @Test
    void systemSchemasAreLoadedWhenAskedFor() {
        Catalog withSystem = CatalogLoader.load(connection, new CatalogLoader.Options(true));
        assertThat(withSystem.schemas())
                .extracting(Schema::name)
                .contains("information_schema", "pg_catalog", "public");
        assertThat(withSystem.table("pg_catalog", "pg_class")).isPresent();
    }

    @Test
    void resumeColumnsCarryTypesAsPostgresRendersThem() {
        assertThat(table("resumes").columns())
                .extracting(Column::name, Column::type)
                .containsExactly(
                        tuple("id", "integer"),
                        tuple("title", "character varying(256)"),
                        tuple("compensation", "integer"),
                        tuple("workload", "workload_enum"),
                        tuple("worker_id", "integer"),
                        tuple("created_at", "timestamp without time zone"),
                        tuple("updated_at", "timestamp without time zone"));
    }

    @Test
    void enumColumnPointsAtItsEnumType() {
        Column workload = table("resumes").column("workload").orElseThrow();
        assertThat(workload.typeKind()).isEqualTo(TypeKind.ENUM);
        assertThat(catalog.enumType(workload.typeOid()).orElseThrow().name()).isEqualTo("workload_enum");
    }

    @Test
    void nullabilityFollowsNotNullDeclarations() {
        Relation resumes = table("resumes");
        assertThat(resumes.column("compensation").orElseThrow().nullable()).isTrue();
        assertThat(resumes.column("title").orElseThrow().nullable()).isFalse();
    }

    @Test
    void createdAtHasItsServerDefault() {
        assertThat(table("resumes").column("created_at").orElseThrow().defaultExpression())
                .hasValueSatisfying(d ->
                        assertThat(d).containsIgnoringCase("timezone('utc'").contains("now()"));
    }

    @Test
    void identityPrimaryKeyIsGeneratedByDefault() {
        Column id = table("workers").column("id").orElseThrow();
        assertThat(id.identity()).contains(Identity.BY_DEFAULT);
        assertThat(id.defaultExpression()).isEmpty();
    }

    @Test
    void compensationCheckKeepsItsNameAndExpression() {
        assertThat(table("resumes").checkConstraints()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("check_compensation_positive");
            assertThat(check.expression()).isEqualTo("compensation > 0");
            assertThat(check.definition()).isEqualTo("CHECK (compensation > 0)");
            assertThat(check.columns()).containsExactly("compensation");
        });
    }

    @Test
    void titleIndexIsListedWithItsColumn() {
        Index index = table("resumes").indexes().stream()
                .filter(i -> i.name().equals("title_index"))
                .findFirst()
                .orElseThrow();
        assertThat(index.columns()).containsExactly("title");
        assertThat(index.unique()).isFalse();
        assertThat(index.method()).isEqualTo("btree");
        assertThat(index.definition()).isEqualTo("CREATE INDEX title_index ON public.resumes USING btree (title)");
        assertThat(DdlSource.ddl(connection, index))
                .isEqualTo("CREATE INDEX title_index ON public.resumes USING btree (title);");
    }

    @Test
    void primaryKeyIndexNamesItsConstraint() {
        Relation workers = table("workers");
        Index pkIndex =
                workers.indexes().stream().filter(Index::primary).findFirst().orElseThrow();
        assertThat(pkIndex.constraint())
                .contains(workers.primaryKey().orElseThrow().name());
    }

    @Test
    void workerForeignKeyCascadesOnDelete() {
        assertThat(table("resumes").foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("worker_id");
            assertThat(fk.referencedTable()).isEqualTo(new QualifiedName("public", "workers"));
            assertThat(fk.referencedColumns()).containsExactly("id");
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
            assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.NO_ACTION);
            assertThat(fk.deferrable()).isFalse();
        });
    }

    @Test
    void incomingForeignKeysOfWorkersComeFromResumes() {
        assertThat(catalog.incomingForeignKeys(table("workers")))
                .extracting(fk -> fk.table().name(), ForeignKey::columns)
                .containsExactly(tuple("resumes", List.of("worker_id")));
    }

    @Test
    void repliesHaveACompositePrimaryKey() {
        assertThat(table("vacancies_replies").primaryKey())
                .hasValueSatisfying(pk -> assertThat(pk.columns()).containsExactly("resume_id", "vacancy_id"));
    }

    @Test
    void usernameOfUsersIsAUniqueConstraint() {
        assertThat(table("users").uniqueConstraints()).singleElement().satisfies(u -> assertThat(u.columns())
                .containsExactly("username"));
    }

    @Test
    void enumsKeepTheirLabelsInDeclarationOrder() {
        Schema schema = catalog.schema("public").orElseThrow();
        assertThat(schema.enums())
                .extracting(EnumType::name, EnumType::labels)
                .containsExactly(
                        tuple("user_role", List.of("user", "admin")),
                        tuple("workload_enum", List.of("parttime", "fulltime")));
    }

    @Test
    void updatedAtTriggerFunctionIsListedAmongFunctions() {
        assertThat(catalog.schema("public").orElseThrow().routines())
                .filteredOn(r -> r.name().equals("set_updated_at"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(ObjectKind.FUNCTION);
                    assertThat(r.returnType()).contains("trigger");
                    assertThat(r.triggerFunction()).isTrue();
                    assertThat(r.language()).isEqualTo("plpgsql");
                });
    }

    @Test
    void resumesTriggerNamesItsFunction() {
        assertThat(table("resumes").triggers()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("resumes_set_updated_at");
            assertThat(t.function()).isEqualTo(new QualifiedName("public", "set_updated_at"));
            assertThat(t.definition()).contains("BEFORE UPDATE ON").contains("set_updated_at()");
        });
    }

    @Test
    void commentsOfTablesAndColumnsAreLoaded() {
        assertThat(table("workers").comment()).contains("People looking for work; each may post several resumes.");
        assertThat(table("resumes").column("compensation").orElseThrow().comment())
                .contains("Expected monthly compensation; NULL when not stated.");
        assertThat(table("resumes").comment()).isEmpty();
    }

    @Test
    void sortedTablesPutsReferencedTablesFirst() {
        List<String> order = catalog.sortedTables().stream().map(Relation::name).toList();
        assertThat(order).hasSize(6);
        assertThat(order.indexOf("workers")).isLessThan(order.indexOf("resumes"));
        assertThat(order.indexOf("resumes")).isLessThan(order.indexOf("vacancies_replies"));
        assertThat(order.indexOf("vacancies")).isLessThan(order.indexOf("vacancies_replies"));
        assertThat(order.indexOf("users")).isLessThan(order.indexOf("projects"));
        assertThat(catalog.cyclicForeignKeys()).isEmpty();
    }

    @Test
    void schemaGroupsItsObjectsByKind() {
        assertThat(catalog.schema("public").orElseThrow().objectsByKind())
                .containsOnlyKeys(ObjectKind.TABLE, ObjectKind.ENUM, ObjectKind.FUNCTION);
    }

    @Test
    void relationsAreFoundByOid() {
        Relation resumes = table("resumes");
        assertThat(catalog.relation(resumes.oid())).containsSame(resumes);
    }
}
