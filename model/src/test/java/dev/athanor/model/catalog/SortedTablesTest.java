package dev.athanor.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependency order on a schema with a chain, a cycle, a self-reference and partitions. */
class SortedTablesTest {

    private static Catalog catalog;
    private static List<String> order;

    @BeforeAll
    static void load() throws SQLException {
        var pg = TestPostgres.shared();
        try (Connection c = pg.connect(pg.createEmptyDatabase("sorted_tables"));
                var s = c.createStatement()) {
            // Names are chosen so that name order alone would be wrong.
            s.execute("""
                    CREATE TABLE a_grandchild (id int PRIMARY KEY, child_id int);
                    CREATE TABLE b_child (id int PRIMARY KEY, root_id int);
                    CREATE TABLE c_root (id int PRIMARY KEY);
                    ALTER TABLE a_grandchild ADD FOREIGN KEY (child_id) REFERENCES b_child;
                    ALTER TABLE b_child ADD FOREIGN KEY (root_id) REFERENCES c_root;
                    CREATE TABLE d_tree (id int PRIMARY KEY, parent_id int REFERENCES d_tree);
                    CREATE TABLE e_chicken (id int PRIMARY KEY, egg_id int);
                    CREATE TABLE f_egg (id int PRIMARY KEY, chicken_id int REFERENCES e_chicken, root_id int REFERENCES c_root);
                    ALTER TABLE e_chicken ADD CONSTRAINT chicken_egg FOREIGN KEY (egg_id) REFERENCES f_egg;
                    CREATE TABLE g_after_cycle (id int PRIMARY KEY, egg_id int REFERENCES f_egg);
                    CREATE TABLE a_part_2025 (id int, at date);
                    CREATE TABLE z_parted (id int, at date) PARTITION BY RANGE (at);
                    ALTER TABLE z_parted ATTACH PARTITION a_part_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                    """);
            catalog = CatalogLoader.load(c);
        }
        order = catalog.sortedTables().stream().map(Relation::name).toList();
    }

    @Test
    void everyTableAppearsOnce() {
        assertThat(order)
                .containsExactlyInAnyOrder(
                        "a_grandchild",
                        "b_child",
                        "c_root",
                        "d_tree",
                        "e_chicken",
                        "f_egg",
                        "g_after_cycle",
                        "a_part_2025",
                        "z_parted");
    }

    @Test
    void referencedTablesComeFirstAlongAChain() {
        assertThat(order.indexOf("c_root")).isLessThan(order.indexOf("b_child"));
        assertThat(order.indexOf("b_child")).isLessThan(order.indexOf("a_grandchild"));
    }

    @Test
    void partitionedTableComesBeforeItsPartitions() {
        assertThat(order.indexOf("z_parted")).isLessThan(order.indexOf("a_part_2025"));
    }

    @Test
    void cycleIsBrokenAndItsTablesStillFollowTheirOtherParents() {
        assertThat(order.indexOf("c_root")).isLessThan(order.indexOf("f_egg"));
        assertThat(order.indexOf("f_egg")).isLessThan(order.indexOf("g_after_cycle"));
        assertThat(order.indexOf("e_chicken")).isLessThan(order.indexOf("g_after_cycle"));
        assertThat(catalog.cyclicForeignKeys())
                .extracting(
                        fk -> fk.table().name() + " -> " + fk.referencedTable().name())
                .containsExactlyInAnyOrder("e_chicken -> f_egg", "f_egg -> e_chicken");
    }

    @Test
    void selfReferenceDoesNotCountAsACycle() {
        assertThat(catalog.cyclicForeignKeys()).noneMatch(ForeignKey::selfReferencing);
        assertThat(catalog.table("public", "d_tree").orElseThrow().foreignKeys())
                .singleElement()
                .satisfies(fk -> assertThat(fk.selfReferencing()).isTrue());
    }

    @Test
    void unrelatedTablesKeepNameOrder() {
        assertThat(order.indexOf("c_root")).isLessThan(order.indexOf("d_tree"));
    }
}
