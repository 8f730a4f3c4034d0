package dev.athanor.model.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.Column;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.ObjectKind;
import dev.athanor.model.catalog.PrimaryKey;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.ReferentialAction;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.Schema;
import dev.athanor.model.catalog.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The flush planner on a catalog built in memory: no database, only the order and batching of statements. */
class UnitOfWorkTest {
    // Listed child first, so that catalog order alone would be wrong.
    private static final Relation CHILD = table(2, "child", fk(20, 2, "child", "parent_id", 1, "parent"));
    private static final Relation PARENT = table(1, "parent");
    private static final Relation TREE = table(3, "tree", fk(30, 3, "tree", "parent_id", 3, "tree"));
    private static final Catalog CATALOG = new Catalog(
            "memory",
            List.of(new Schema(
                    1,
                    "public",
                    "owner",
                    Optional.empty(),
                    List.of(CHILD, PARENT, TREE),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of())));

    private static Relation table(long oid, String name, ForeignKey... keys) {
        var columns = new ArrayList<Column>();
        columns.add(column("id", 1));
        for (ForeignKey key : keys) {
            columns.add(column(key.columns().getFirst(), columns.size() + 1));
        }
        return new Relation(
                oid,
                "public",
                name,
                ObjectKind.TABLE,
                "owner",
                Optional.empty(),
                columns,
                Optional.of(new PrimaryKey(
                        oid * 100, name + "_pkey", List.of("id"), name + "_pkey", false, false, Optional.empty())),
                List.of(),
                List.of(keys),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Map.of(),
                OptionalLong.empty());
    }

    private static Column column(String name, int ordinal) {
        return new Column(
                name,
                ordinal,
                "integer",
                23,
                TypeKind.BASE,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static ForeignKey fk(long oid, long tableOid, String table, String column, long refOid, String ref) {
        return new ForeignKey(
                oid,
                table + "_" + column + "_fkey",
                tableOid,
                new QualifiedName("public", table),
                List.of(column),
                refOid,
                new QualifiedName("public", ref),
                List.of("id"),
                ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION,
                false,
                false,
                false,
                true,
                Optional.empty());
    }

    private static Row pending(Relation table, long order, int id) {
        Row row = TableMapping.of(CATALOG, table).newRow();
        row.set("id", id);
        row.insertOrder(order);
        return row;
    }

    private static Row persistent(Relation table, int id, Integer reference) {
        var mapping = TableMapping.of(CATALOG, table);
        Row row = mapping.newRow();
        row.loadValue(0, id);
        if (reference != null) {
            row.loadValue(1, reference);
        }
        row.key(new RowKey(mapping.target(), List.of(id)));
        row.state(ObjectState.PERSISTENT);
        return row;
    }

    private static List<String> describe(List<UnitOfWork.Batch> batches) {
        var lines = new ArrayList<String>();
        for (int b = 0; b < batches.size(); b++) {
            for (Row row : batches.get(b).rows()) {
                lines.add((b + 1) + " " + batches.get(b).shape().operation() + " "
                        + row.mapping().name().name() + " " + row.get("id"));
            }
        }
        return lines;
    }

    @Test
    void parentsAreInsertedFirstAndRowsOfOneTableBatchedInTheOrderAdded() {
        Row parent = pending(PARENT, 3, 1);
        Row first = pending(CHILD, 1, 11);
        first.link(parent);
        Row second = pending(CHILD, 2, 12);
        second.link(parent);
        var batches = new UnitOfWork(CATALOG).plan(List.of(first, second, parent), List.of(), List.of(), t -> null);
        assertThat(describe(batches)).containsExactly("1 INSERT parent 1", "2 INSERT child 11", "2 INSERT child 12");
    }

    @Test
    void childrenAreDeletedBeforeTheirParentsAfterEverySave() {
        Row parent = persistent(PARENT, 1, null);
        Row child = persistent(CHILD, 11, 1);
        Row added = pending(PARENT, 1, 2);
        var batches = new UnitOfWork(CATALOG).plan(List.of(added), List.of(), List.of(parent, child), t -> null);
        assertThat(describe(batches)).containsExactly("1 INSERT parent 2", "2 DELETE child 11", "3 DELETE parent 1");
    }

    @Test
    void selfReferencingRowsAreOrderedOneByOneAndNotBatchedAcrossADependency() {
        Row leaf = pending(TREE, 1, 3);
        leaf.set("parent_id", 2);
        Row middle = pending(TREE, 2, 2);
        middle.set("parent_id", 1);
        Row root = pending(TREE, 3, 1);
        Row other = pending(TREE, 4, 4);
        other.set("parent_id", null); // the same columns as the leaf: one statement shape
        var batches = new UnitOfWork(CATALOG).plan(List.of(leaf, middle, root, other), List.of(), List.of(), t -> null);
        assertThat(describe(batches))
                .containsExactly("1 INSERT tree 1", "2 INSERT tree 2", "3 INSERT tree 3", "3 INSERT tree 4");
    }

    @Test
    void updatesCarryOnlyTheChangedColumnsInKeyOrder() {
        Row later = persistent(CHILD, 12, 1);
        Row earlier = persistent(CHILD, 11, 1);
        later.set("parent_id", 2);
        earlier.set("parent_id", 2);
        var batches = new UnitOfWork(CATALOG).plan(List.of(), List.of(later, earlier), List.of(), t -> null);
        assertThat(describe(batches)).containsExactly("1 UPDATE child 11", "1 UPDATE child 12");
        assertThat(batches.getFirst().shape().sql())
                .isEqualTo("update \"public\".\"child\" set \"parent_id\" = ? where \"id\" = ?");
        assertThat(UnitOfWork.binds(batches.getFirst().shape(), earlier, true)).containsExactly(2, 11L);
    }
}
