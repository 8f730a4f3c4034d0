package dev.athanor.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.model.engine.DatabaseException;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DdlSourceTest {

    private static TestPostgres pg;
    private static Connection source;
    private static Catalog sourceCatalog;
    private static Schema sourceSchema;

    @BeforeAll
    static void createSource() throws SQLException {
        pg = TestPostgres.shared();
        source = pg.connect(pg.createEmptyDatabase("ddl_source"));
        try (var s = source.createStatement()) {
            s.execute(OddIdentifiersCatalogTest.PREREQUISITES_SQL);
            s.execute(OddIdentifiersCatalogTest.SCHEMA_SQL);
        }
        sourceCatalog = CatalogLoader.load(source);
        sourceSchema = sourceCatalog.schema("My Schema").orElseThrow();
    }

    @AfterAll
    static void close() throws SQLException {
        source.close();
    }

    private static Relation relation(String name) {
        return sourceCatalog.relation("My Schema", name).orElseThrow();
    }

    /** Every object's DDL, in an order that can run: types, sequences, tables by dependency, views, routines. */
    private static List<String> scriptFor(Catalog catalog, Connection connection) {
        Schema schema = catalog.schema("My Schema").orElseThrow();
        var script = new ArrayList<String>();
        script.add(DdlSource.ddl(schema));
        schema.enums().forEach(e -> script.add(DdlSource.ddl(connection, e)));
        schema.domains().forEach(d -> script.add(DdlSource.ddl(connection, d)));
        Predicate<Relation> composite = r -> r.kind() == ObjectKind.COMPOSITE_TYPE;
        schema.relations().stream().filter(composite).forEach(r -> script.add(DdlSource.ddl(connection, r)));
        schema.sequences().forEach(s -> script.add(DdlSource.ddl(connection, s)));
        catalog.sortedTables().forEach(t -> script.add(DdlSource.ddl(connection, t)));
        schema.relations().stream()
                .filter(r -> r.kind() == ObjectKind.VIEW || r.kind() == ObjectKind.MATERIALIZED_VIEW)
                .forEach(r -> script.add(DdlSource.ddl(connection, r)));
        schema.routines().forEach(r -> script.add(DdlSource.ddl(connection, r)));
        return script;
    }

    @Test
    void ddlOfEveryObjectRecreatesTheSchemaInAnEmptyDatabase() throws SQLException {
        List<String> script = scriptFor(sourceCatalog, source);
        try (Connection target = pg.connect(pg.createEmptyDatabase("ddl_target"))) {
            try (var s = target.createStatement()) {
                s.execute(OddIdentifiersCatalogTest.PREREQUISITES_SQL);
                for (String ddl : script) {
                    s.execute(ddl);
                }
            }
            Catalog recreated = CatalogLoader.load(target);
            assertThat(scriptFor(recreated, target)).containsExactlyElementsOf(script);
            for (Relation original : sourceSchema.relations()) {
                Relation copy = recreated.relation(original.qualifiedName()).orElseThrow();
                assertThat(copy.kind()).as(original.name()).isEqualTo(original.kind());
                assertThat(copy.columns())
                        .as(original.name())
                        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("typeOid")
                        .containsExactlyElementsOf(original.columns());
                assertThat(copy.indexes())
                        .as(original.name())
                        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("oid")
                        .containsExactlyElementsOf(original.indexes());
                assertThat(copy.constraints())
                        .as(original.name())
                        .usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                                "oid", "tableOid", "referencedTableOid")
                        .containsExactlyElementsOf(original.constraints());
            }
        }
    }

    @Test
    void tableDdlQuotesOddNamesAndListsConstraints() {
        String ddl = DdlSource.ddl(source, relation("a\"b"));
        assertThat(ddl)
                .startsWith("CREATE TABLE \"My Schema\".\"a\"\"b\" (\n    \"x y\" integer,")
                .contains("CONSTRAINT \"a\"\"b → items\" FOREIGN KEY (\"x y\", \"Line\") REFERENCES"
                        + " \"My Schema\".\"Order Items\" (\"Order Id\", \"Line No\") ON UPDATE SET NULL"
                        + " ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED")
                .contains("CONSTRAINT \"a\"\"b_UPPER_key\" UNIQUE (\"UPPER\")");
    }

    @Test
    void partitionDdlNamesItsParentAndBound() {
        assertThat(DdlSource.ddl(source, relation("Events 2025")))
                .isEqualTo("CREATE TABLE \"My Schema\".\"Events 2025\" PARTITION OF \"My Schema\".\"Events\"\n"
                        + "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n");
    }

    @Test
    void foreignTableDdlNamesServerAndOptions() {
        assertThat(DdlSource.ddl(source, relation("Imported Rows")))
                .isEqualTo("CREATE FOREIGN TABLE \"My Schema\".\"Imported Rows\" (\n    \"Line\" text NOT NULL\n)\n"
                        + "SERVER \"Flat Files\"\nOPTIONS (filename '/dev/null', format 'csv');\n");
    }

    @Test
    void viewDdlComesFromTheServer() {
        assertThat(DdlSource.ddl(source, relation("Big Orders")))
                .startsWith("CREATE VIEW \"My Schema\".\"Big Orders\" AS\n SELECT \"Order Id\",")
                .endsWith("> 10;\n");
    }

    @Test
    void enumDdlQuotesItsLabels() {
        assertThat(DdlSource.ddl(source, sourceSchema.enums().getFirst()))
                .isEqualTo("CREATE TYPE \"My Schema\".\"Mood\" AS ENUM ('sad', 'o''k', 'Happy Days');\n");
    }

    @Test
    void functionDdlComesFromPgGetFunctiondef() {
        Routine add = sourceSchema.routines().getFirst();
        assertThat(DdlSource.ddl(source, add))
                .startsWith("CREATE OR REPLACE FUNCTION \"My Schema\".\"Add\"(x integer, y integer DEFAULT 1)")
                .endsWith("COMMENT ON FUNCTION \"My Schema\".\"Add\"(x integer, y integer) IS 'adds';\n");
    }

    @Test
    void constraintDdlIsAnAlterTable() {
        Relation items = relation("Order Items");
        assertThat(DdlSource.ddl(source, items, items.checkConstraints().getFirst()))
                .isEqualTo("ALTER TABLE \"My Schema\".\"Order Items\" ADD CONSTRAINT \"Qty < 1000\""
                        + " CHECK (\"Qty\"::bigint < 1000);");
    }

    @Test
    void ddlOfADroppedObjectFailsWithAnUndefinedObjectState() throws SQLException {
        try (Connection c = pg.connect(pg.createEmptyDatabase("ddl_dropped"));
                var s = c.createStatement()) {
            s.execute("CREATE VIEW gone AS SELECT 1 AS one");
            Relation view = CatalogLoader.load(c).relation("public", "gone").orElseThrow();
            s.execute("DROP VIEW gone");
            assertThatThrownBy(() -> DdlSource.ddl(c, view))
                    .isInstanceOf(DatabaseException.class)
                    .satisfies(
                            e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("42704"));
        }
    }
}
