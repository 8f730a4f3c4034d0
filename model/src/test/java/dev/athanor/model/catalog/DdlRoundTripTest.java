package dev.athanor.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DDL of every object, applied to an empty database, recreates the objects as they are: the catalog loaded
 * back equals the original but for OIDs, owners and row estimates.
 */
class DdlRoundTripTest {
    private static final TestPostgres PG = TestPostgres.shared();

    /** Range partitions (one sub-partitioned by list, one default), list partitions and hash partitions. */
    static final String PARTITIONED_SQL = """
            CREATE SCHEMA parts;
            CREATE TABLE parts.payment (
                id bigint GENERATED ALWAYS AS IDENTITY,
                paid_at date NOT NULL,
                region text NOT NULL,
                amount numeric(8, 2) CHECK (amount >= 0),
                PRIMARY KEY (id, paid_at, region)
            ) PARTITION BY RANGE (paid_at);
            CREATE TABLE parts.payment_p2022_01 PARTITION OF parts.payment
                FOR VALUES FROM ('2022-01-01') TO ('2022-02-01');
            CREATE TABLE parts.payment_p2022_02 PARTITION OF parts.payment
                FOR VALUES FROM ('2022-02-01') TO ('2022-03-01') PARTITION BY LIST (region);
            CREATE TABLE parts.payment_p2022_02_eu PARTITION OF parts.payment_p2022_02 FOR VALUES IN ('eu', 'uk');
            CREATE TABLE parts.payment_p2022_02_rest PARTITION OF parts.payment_p2022_02 DEFAULT;
            CREATE TABLE parts.payment_old PARTITION OF parts.payment DEFAULT;
            CREATE INDEX payment_region ON parts.payment (region);
            CREATE TABLE parts.city (name text NOT NULL, country text NOT NULL) PARTITION BY LIST (country);
            CREATE TABLE parts.city_fr PARTITION OF parts.city FOR VALUES IN ('FR');
            CREATE TABLE parts.city_de PARTITION OF parts.city (CONSTRAINT city_de_name CHECK (name <> ''))
                FOR VALUES IN ('DE');
            CREATE TABLE parts.token (id uuid PRIMARY KEY) PARTITION BY HASH (id);
            CREATE TABLE parts.token_0 PARTITION OF parts.token FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            CREATE TABLE parts.token_1 PARTITION OF parts.token FOR VALUES WITH (MODULUS 2, REMAINDER 1);
            COMMENT ON TABLE parts.payment IS 'Payments by month';
            """;

    @Test
    void theSampleDatabaseIsRecreatedByItsDdl() throws SQLException {
        try (Connection source = PG.connect(PG.createSampleDatabase("ddl_sample"))) {
            assertRecreated(source);
        }
    }

    @Test
    void aPartitionedSchemaIsRecreatedByItsDdl() throws SQLException {
        try (Connection source = PG.connect(PG.createEmptyDatabase("ddl_parts"))) {
            try (var s = source.createStatement()) {
                s.execute(PARTITIONED_SQL);
            }
            assertRecreated(source);
        }
    }

    private static void assertRecreated(Connection source) throws SQLException {
        Catalog original = CatalogLoader.load(source);
        List<String> script = script(original, source);
        try (Connection target = PG.connect(PG.createEmptyDatabase("ddl_copy"))) {
            try (var s = target.createStatement()) {
                for (String ddl : script) {
                    s.execute(ddl);
                }
            }
            Catalog copy = CatalogLoader.load(target);
            assertThat(copy.schemas())
                    .usingRecursiveComparison()
                    .ignoringFieldsMatchingRegexes(".*oid", ".*Oid", ".*owner", ".*estimatedRows")
                    .isEqualTo(original.schemas());
        }
    }

    /**
     * Every object's DDL in an order that can run: schemas, types, sequences not owned by an identity column,
     * tables by dependency (a partition after its parent), views, routines.
     */
    static List<String> script(Catalog catalog, Connection connection) {
        var script = new ArrayList<String>();
        for (Schema schema : catalog.schemas()) {
            if (!schema.name().equals("public")) {
                script.add(DdlSource.ddl(schema));
            }
            schema.enums().forEach(e -> script.add(DdlSource.ddl(connection, e)));
            schema.domains().forEach(d -> script.add(DdlSource.ddl(connection, d)));
            schema.relations().stream()
                    .filter(r -> r.kind() == ObjectKind.COMPOSITE_TYPE)
                    .forEach(r -> script.add(DdlSource.ddl(connection, r)));
        }
        for (Schema schema : catalog.schemas()) {
            schema.routines().forEach(r -> script.add(DdlSource.ddl(connection, r)));
        }
        for (Schema schema : catalog.schemas()) {
            schema.sequences().stream()
                    .filter(s -> !identitySequence(catalog, s))
                    .forEach(s -> script.add(DdlSource.ddl(connection, s)));
        }
        catalog.sortedTables().forEach(t -> script.add(DdlSource.ddl(connection, t)));
        for (Schema schema : catalog.schemas()) {
            schema.relations().stream()
                    .filter(r -> r.kind() == ObjectKind.VIEW || r.kind() == ObjectKind.MATERIALIZED_VIEW)
                    .forEach(r -> script.add(DdlSource.ddl(connection, r)));
        }
        return script;
    }

    private static boolean identitySequence(Catalog catalog, Sequence sequence) {
        return sequence.ownedBy()
                .flatMap(owner -> catalog.relation(owner.table()))
                .flatMap(table -> table.column(sequence.ownedBy().orElseThrow().column()))
                .flatMap(Column::identity)
                .isPresent();
    }
}
