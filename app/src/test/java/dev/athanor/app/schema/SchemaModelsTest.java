package dev.athanor.app.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import dev.athanor.app.testing.SampleTarget;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema tree and details view models on the sample database, without a toolkit. */
class SchemaModelsTest {
    private static SampleTarget sample;
    private static final SchemaNode.DbObject RESUMES = new SchemaNode.DbObject("public", "resumes", ObjectKind.TABLE);

    @BeforeAll
    static void database() {
        sample = SampleTarget.create("schema_models");
    }

    private static CatalogSchemaService service() {
        return new CatalogSchemaService(origin -> sample.server().connect(sample.database()));
    }

    private static SchemaTreeModel loadedTree() {
        var tree = new SchemaTreeModel(Background.synchronous(), service(), sample.database());
        tree.refresh();
        return tree;
    }

    @Test
    void loadedTreeListsThePublicSchemaWithItsTables() {
        var tree = loadedTree();

        assertThat(tree.children(tree.root())).containsExactly(new SchemaNode.Schema("public"));
        assertThat(tree.children(new SchemaNode.Folder("public", ObjectKind.TABLE)))
                .extracting(SchemaNode::label)
                .contains("resumes", "workers", "vacancies", "vacancies_replies", "users", "projects");
    }

    @Test
    void filterKeepsOnlyMatchingObjectsAndTheirFolders() {
        var tree = loadedTree();

        tree.filterProperty().set("RESU");

        assertThat(tree.children(new SchemaNode.Schema("public")))
                .containsExactly(new SchemaNode.Folder("public", ObjectKind.TABLE));
        assertThat(tree.children(new SchemaNode.Folder("public", ObjectKind.TABLE)))
                .containsExactly(RESUMES);
    }

    @Test
    void tableChildrenAreItsColumnsWithThePrimaryKeyMarked() {
        var tree = loadedTree();

        var columns = tree.children(RESUMES);

        assertThat(columns)
                .extracting(node -> ((SchemaNode.Column) node).name())
                .startsWith("id", "title", "compensation", "workload", "worker_id");
        assertThat(((SchemaNode.Column) columns.getFirst()).primaryKey()).isTrue();
        assertThat(((SchemaNode.Column) columns.get(1)).primaryKey()).isFalse();
    }

    @Test
    void enumFolderHoldsTheWorkloadEnum() {
        var tree = loadedTree();

        assertThat(tree.children(new SchemaNode.Folder("public", ObjectKind.ENUM)))
                .extracting(SchemaNode::label)
                .contains("workload_enum");
    }

    @Test
    void failedLoadIsReportedAsAProblem() {
        var tree = new SchemaTreeModel(
                Background.synchronous(),
                new CatalogSchemaService(origin -> {
                    throw new java.sql.SQLException("connection refused", "08001");
                }),
                "nowhere");

        tree.refresh();

        assertThat(tree.problemProperty().get()).isNotNull();
        assertThat(tree.problemProperty().get().title()).isEqualTo("Server unreachable");
        assertThat(tree.snapshotProperty().get()).isNull();
    }

    @Test
    void detailsOfResumesShowColumnsAndTheCompensationCheck() {
        var tree = loadedTree();
        var details = new ObjectDetailsModel(Background.synchronous(), service());

        details.show(RESUMES, tree.snapshotProperty().get());

        ObjectDetails shown = details.detailsProperty().get();
        assertThat(shown.columns())
                .extracting(ObjectDetails.ColumnRow::name)
                .contains("compensation", "workload", "worker_id");
        assertThat(shown.columns())
                .filteredOn(column -> column.name().equals("compensation"))
                .singleElement()
                .satisfies(column -> assertThat(column.nullable()).isTrue());
        assertThat(shown.constraints())
                .contains(new ObjectDetails.ConstraintRow("Check", "check_compensation_positive", "compensation > 0"));
        assertThat(shown.constraints())
                .filteredOn(row -> row.kind().equals("Foreign key"))
                .singleElement()
                .satisfies(row -> assertThat(row.definition()).contains("public.workers", "ON DELETE CASCADE"));
        assertThat(shown.indexes()).extracting(ObjectDetails.IndexRow::name).contains("title_index");
    }

    @Test
    void anIdentityColumnShowsItsTypeAndHowItIsGenerated() {
        var tree = loadedTree();
        var details = new ObjectDetailsModel(Background.synchronous(), service());

        details.show(RESUMES, tree.snapshotProperty().get());

        assertThat(details.detailsProperty().get().columns())
                .filteredOn(column -> column.name().equals("id"))
                .singleElement()
                .satisfies(column -> {
                    assertThat(column.type()).isEqualTo("integer");
                    assertThat(column.generated()).isEqualTo("generated by default as identity");
                });
    }

    @Test
    void detailsLoadTheDdlFromTheServer() {
        var tree = loadedTree();
        var details = new ObjectDetailsModel(Background.synchronous(), service());

        details.show(RESUMES, tree.snapshotProperty().get());

        assertThat(details.ddlProperty().get())
                .startsWith("CREATE TABLE public.resumes (")
                .contains("CHECK (compensation > 0)");
    }

    @Test
    void functionDdlComesFromPgGetFunctiondef() {
        var tree = loadedTree();
        var details = new ObjectDetailsModel(Background.synchronous(), service());
        var function = tree.children(new SchemaNode.Folder("public", ObjectKind.FUNCTION))
                .getFirst();

        details.show(function, tree.snapshotProperty().get());

        assertThat(details.ddlProperty().get()).startsWith("CREATE OR REPLACE FUNCTION public.");
    }

    @Test
    void reloadAfterARefreshShowsTheNewSnapshot() throws Exception {
        var tree = loadedTree();
        var details = new ObjectDetailsModel(Background.synchronous(), service());
        details.show(RESUMES, tree.snapshotProperty().get());
        try (var connection = sample.server().connect(sample.database());
                var statement = connection.createStatement()) {
            statement.execute("COMMENT ON TABLE resumes IS 'reloaded'");
        }

        tree.refresh();
        details.reload(RESUMES, tree.snapshotProperty().get());

        assertThat(details.detailsProperty().get().comment()).isEqualTo("reloaded");
    }

    @Test
    void tableDataQueryQuotesTheTableName() {
        assertThat(ObjectDetailsModel.selectAllSql(new SchemaNode.DbObject("public", "Odd Name", ObjectKind.TABLE)))
                .isEqualTo("select * from \"public\".\"Odd Name\"");
    }

    @Test
    void exportingTheMappingOfSelectedTablesWritesTheirClassesToTheFile(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        var tree = loadedTree();
        var file = dir.resolve("models.py");

        tree.exportMapping(List.of(new SchemaNode.DbObject("public", "workers", ObjectKind.TABLE), RESUMES), file);

        assertThat(tree.problemProperty().get()).isNull();
        assertThat(tree.exportedProperty().get()).isEqualTo(file.toString());
        assertThat(java.nio.file.Files.readString(file)).contains("class WorkersOrm(Base):", "class ResumesOrm(Base):");
    }
}
