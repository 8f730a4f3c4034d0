package dev.athanor.app.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Partitioned tables in the schema tree: partitions under their parent, with bounds and icons of their own. */
@ExtendWith(ApplicationExtension.class)
class PartitionedTreeTest {
    private static final TestPostgres PG = TestPostgres.shared();
    private static String database;

    private static SchemaNode.DbObject table(String name) {
        return new SchemaNode.DbObject("public", name, ObjectKind.TABLE);
    }

    @BeforeAll
    static void partitionedDatabase() throws SQLException {
        database = PG.createEmptyDatabase("partitioned_tree");
        var sql = new StringBuilder("""
                CREATE TABLE payment (id int, paid_at date NOT NULL, region text) PARTITION BY RANGE (paid_at);
                CREATE TABLE city (name text, country text) PARTITION BY LIST (country);
                CREATE TABLE city_fr PARTITION OF city FOR VALUES IN ('FR');
                CREATE TABLE city_de PARTITION OF city FOR VALUES IN ('DE') PARTITION BY LIST (name);
                CREATE TABLE city_de_berlin PARTITION OF city_de FOR VALUES IN ('Berlin');
                CREATE TABLE token (id int) PARTITION BY HASH (id);
                CREATE TABLE token_0 PARTITION OF token FOR VALUES WITH (MODULUS 2, REMAINDER 0);
                CREATE TABLE token_1 PARTITION OF token FOR VALUES WITH (MODULUS 2, REMAINDER 1);
                CREATE TABLE plain (id int);
                """);
        for (int year = 2022; year <= 2023; year++) {
            for (int month = 1; month <= 12; month++) {
                String from = "%d-%02d-01".formatted(year, month);
                String to = month == 12 ? (year + 1) + "-01-01" : "%d-%02d-01".formatted(year, month + 1);
                sql.append("CREATE TABLE payment_p%d_%02d PARTITION OF payment FOR VALUES FROM ('%s') TO ('%s');\n"
                        .formatted(year, month, from, to));
            }
        }
        try (var connection = PG.connect(database);
                var statement = connection.createStatement()) {
            statement.execute(sql.toString());
        }
    }

    private SchemaTreeModel model;
    private SchemaTreeView view;

    @Start
    void start(Stage stage) {
        model = new SchemaTreeModel(
                Background.synchronous(), new CatalogSchemaService(origin -> PG.connect(database)), database);
        view = new SchemaTreeView(model);
        model.refresh();
        stage.setScene(new Scene(view, 400, 600));
        stage.show();
    }

    @Test
    void partitionsAreListedUnderTheirParentNotBesideIt() {
        assertThat(model.children(new SchemaNode.Folder("public", ObjectKind.TABLE)))
                .containsExactly(table("city"), table("payment"), table("plain"), table("token"));
        assertThat(model.children(table("city"))).startsWith(table("city_de"), table("city_fr"));
        assertThat(model.children(table("city_de"))).startsWith(table("city_de_berlin"));
        assertThat(model.children(table("payment")))
                .filteredOn(SchemaNode.DbObject.class::isInstance)
                .hasSize(24)
                .startsWith(table("payment_p2022_01"));
    }

    @Test
    void aPartitionShowsItsBound() {
        assertThat(model.label(table("payment_p2022_01")))
                .isEqualTo("payment_p2022_01  FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')");
        assertThat(model.label(table("token_1"))).isEqualTo("token_1  FOR VALUES WITH (modulus 2, remainder 1)");
        assertThat(model.label(table("plain"))).isEqualTo("plain");
    }

    @Test
    void partitionedTablesAndPartitionsHaveIconsOfTheirOwn() {
        assertThat(model.icon(table("payment"))).isEqualTo(KindIcon.PARTITIONED_TABLE);
        assertThat(model.icon(table("city_de"))).isEqualTo(KindIcon.PARTITIONED_TABLE);
        assertThat(model.icon(table("payment_p2022_01"))).isEqualTo(KindIcon.PARTITION);
        assertThat(model.icon(table("plain"))).isEqualTo(KindIcon.TABLE);
    }

    @Test
    void aFilterMatchingOnlyPartitionsShowsThemUnderTheirOpenedParent(FxRobot robot) {
        robot.interact(() -> model.filterProperty().set("p2022_0"));

        assertThat(model.children(new SchemaNode.Folder("public", ObjectKind.TABLE)))
                .containsExactly(table("payment"));
        assertThat(visibleLabels(robot)).contains("payment_p2022_01  FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')");
        assertThat(visibleLabels(robot)).noneMatch(label -> label.startsWith("payment_p2023"));
    }

    @Test
    void clearingTheFilterKeepsTheSelectedPartition(FxRobot robot) {
        robot.clickOn("#schema-filter").write("2022_01");
        robot.clickOn("payment_p2022_01  FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')");
        assertThat(model.selectedProperty().get()).isEqualTo(table("payment_p2022_01"));

        robot.clickOn("#schema-filter").eraseText("2022_01".length());

        assertThat(model.filterProperty().get()).isEmpty();
        assertThat(model.selectedProperty().get()).isEqualTo(table("payment_p2022_01"));
        assertThat(view.tree().getSelectionModel().getSelectedItem().getValue()).isEqualTo(table("payment_p2022_01"));
    }

    @Test
    void clearingTheFilterKeepsASelectedPlainTable(FxRobot robot) {
        robot.interact(() -> model.filterProperty().set("pla"));
        robot.interact(() -> view.select(table("plain")));

        robot.clickOn("#schema-filter").eraseText(3);

        assertThat(model.selectedProperty().get()).isEqualTo(table("plain"));
        assertThat(view.tree().getSelectionModel().getSelectedItem().getValue()).isEqualTo(table("plain"));
    }

    @Test
    void theDdlOfAPartitionedTableAndOfAPartitionRecreatesThemAsTheyAre() {
        var service = new CatalogSchemaService(origin -> PG.connect(database));
        service.load();

        assertThat(service.ddl(table("payment"))).contains("PARTITION BY RANGE (paid_at)");
        assertThat(service.ddl(table("city_de")))
                .startsWith("CREATE TABLE public.city_de PARTITION OF public.city\nFOR VALUES IN ('DE')")
                .contains("PARTITION BY LIST (name)");
    }

    private List<String> visibleLabels(FxRobot robot) {
        var labels = new ArrayList<String>();
        robot.interact(() -> collect(view.tree().getRoot(), labels));
        return labels;
    }

    private void collect(TreeItem<SchemaNode> item, List<String> labels) {
        labels.add(model.label(item.getValue()));
        if (item.isExpanded()) {
            item.getChildren().forEach(child -> collect(child, labels));
        }
    }
}
