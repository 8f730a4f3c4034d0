package dev.athanor.app.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableSource;
import dev.athanor.sample.testkit.NamedSql;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryBuilderModelTest {
    static final String SHOWCASE_ONE = NamedSql.showcase("python_by_workload");

    static final String SHOWCASE_TWO = NamedSql.showcase("compensation_against_workload");

    private static String database;
    private QueryBuilderModel model;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.shared().createSampleDatabase("builder");
    }

    @BeforeEach
    void openBuilder() {
        model = new QueryBuilderModel(
                Background.synchronous(), () -> TestPostgres.shared().connect(database));
        model.loadCatalog();
    }

    static List<List<Object>> rowsOf(String sql) throws SQLException {
        return rowsOf(database, sql);
    }

    static List<List<Object>> rowsOf(String database, String sql) throws SQLException {
        try (var connection = TestPostgres.shared().connect(database);
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            var result = new ArrayList<List<Object>>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                var row = new ArrayList<Object>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    /** Every row of the last run, read through the results grid to the end, as text. */
    static List<List<Object>> allRows(QueryBuilderModel model) {
        var results = model.results();
        while (results.hasMore()) {
            results.fetchMore();
        }
        assertThat(results.firstRowNumberProperty().get()).isEqualTo(1);
        var rows = new ArrayList<List<Object>>();
        for (var row : results.rows()) {
            var values = new ArrayList<Object>();
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i) == null ? null : row.get(i).toString());
            }
            rows.add(values);
        }
        return rows;
    }

    @Test
    void firstShowcaseBuiltWithCommandsReturnsTheHandWrittenRows() throws SQLException {
        String resumes = model.addTable("public", "resumes");
        model.setColumnSelected(resumes, "workload", true);
        model.addColumn("avg(" + resumes + ".compensation)::int", "avg_compensation");
        model.setWhere(ExpressionText.parsePredicate(
                resumes + ".title LIKE '%Python%' AND " + resumes + ".compensation > 40000"));
        model.addGroupBy(resumes + ".workload");
        model.setHaving(ExpressionText.parsePredicate("avg(" + resumes + ".compensation) > 70000"));

        model.run();

        assertThat(model.runFailureProperty().get()).isEmpty();
        var expected = rowsOf(SHOWCASE_ONE);
        assertThat(expected).isNotEmpty();
        assertThat(allRows(model)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(model.messageProperty().get())
                .as("the line under the output says how many rows came back and how long it took")
                .matches(expected.size() + " rows? in [0-9.]+ (ms|s)");
    }

    @Test
    void secondShowcaseBuiltThroughCteAndSubqueryScopesReturnsTheHandWrittenRows() throws SQLException {
        model.addCte("helper2");
        model.addSubquery("helper1");
        model.enterSubquery("helper1");
        String r = model.addTable("public", "resumes");
        String w = model.addTable("public", "workers");
        assertThat(model.suggestions()).hasSize(1);
        model.accept(model.suggestions().getFirst(), TableSource.Join.Type.INNER);
        model.setColumnSelected(w, "id", true);
        model.setColumnSelected(w, "username", true);
        model.setColumnSelected(r, "compensation", true);
        model.setColumnSelected(r, "workload", true);
        model.addWindowColumn("avg", r + ".compensation", "workload", "", "", "int", "avg_workload_compensation");
        model.leave();
        model.addAllColumns(null);
        model.addColumn("compensation - avg_workload_compensation", "compensation_diff");
        model.leave();
        model.addCteReference("helper2");
        model.addAllColumns(null);
        model.addOrderBy("compensation_diff", SortItem.Direction.DESC);

        model.run();

        assertThat(model.runFailureProperty().get()).isEmpty();
        var expected = rowsOf(SHOWCASE_TWO);
        assertThat(allRows(model)).hasSize(expected.size());
        assertThat(allRows(model)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void undoRestoresThePreviousQueryAndRedoReappliesTheEdit() {
        String resumes = model.addTable("public", "resumes");
        model.setColumnSelected(resumes, "title", true);
        var withTitle = model.statement();

        model.undo();
        assertThat(model.tables().getFirst().columns())
                .filteredOn(c -> c.name().equals("title"))
                .singleElement()
                .matches(c -> !c.selected());

        model.redo();
        assertThat(model.statement()).isEqualTo(withTitle);
    }

    @Test
    void aSecondCopyOfATableGetsItsOwnAliasForASelfJoin() {
        String first = model.addTable("public", "workers");
        String second = model.addTable("public", "workers");

        assertThat(first).isNotEqualTo(second);
        assertThat(model.tables()).extracting(CanvasTable::alias).containsExactly(first, second);
    }

    @Test
    void renamingAnAliasRewritesTheColumnsThatReferToIt() {
        String resumes = model.addTable("public", "resumes");
        model.setColumnSelected(resumes, "title", true);

        model.renameAlias(resumes, "res");

        assertThat(model.sqlProperty().get()).contains("res.title").doesNotContain(resumes + ".title");
    }

    @Test
    void droppingATableNextToARelatedOneSuggestsTheForeignKeyJoin() {
        model.addTable("public", "workers");
        String r = model.addTable("public", "resumes");

        assertThat(model.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.fromAlias()).isEqualTo(r);
            assertThat(s.fromColumns()).containsExactly("worker_id");
            assertThat(s.toColumns()).containsExactly("id");
        });
    }

    @Test
    void acceptingASuggestionAsLeftJoinDrawsALeftJoinLine() {
        model.addTable("public", "workers");
        model.addTable("public", "resumes");

        model.accept(model.suggestions().getFirst(), TableSource.Join.Type.LEFT);

        assertThat(model.lines()).singleElement().satisfies(line -> {
            assertThat(line.type()).isEqualTo(TableSource.Join.Type.LEFT);
            assertThat(line.leftColumn()).isEqualTo("id");
            assertThat(line.rightColumn()).isEqualTo("worker_id");
        });
        assertThat(model.sqlProperty().get()).containsIgnoringCase("left outer join");
    }

    @Test
    void changingTheJoinTypeRewritesTheJoin() {
        model.addTable("public", "workers");
        model.addTable("public", "resumes");
        model.accept(model.suggestions().getFirst(), TableSource.Join.Type.INNER);

        model.setJoinType(0, TableSource.Join.Type.FULL);

        assertThat(model.joins().getFirst().type()).isEqualTo(TableSource.Join.Type.FULL);
        assertThat(model.sqlProperty().get()).containsIgnoringCase("full outer join");
    }

    @Test
    void aGroupByResultCanBeCharted() {
        String r = model.addTable("public", "resumes");
        model.setColumnSelected(r, "workload", true);
        model.addColumn("count(*)", "resumes");
        model.addGroupBy(r + ".workload");

        model.run();

        assertThat(model.resultProperty().get().chartable()).isTrue();
        assertThat(model.resultProperty().get().rows()).hasSize(2);
    }

    @Test
    void importedSqlShowsItsTablesAndReturnsTheSameRows() throws SQLException {
        model.importSql(SHOWCASE_ONE);

        assertThat(model.tables()).extracting(CanvasTable::source).containsExactly("public.resumes");
        model.run();
        assertThat(allRows(model)).containsExactlyInAnyOrderElementsOf(rowsOf(SHOWCASE_ONE));
    }

    @Test
    void undoAfterAnImportBringsThePreviousQueryBack() {
        model.addTable("public", "workers");
        var before = model.statement();

        model.importSql(SHOWCASE_ONE);
        model.undo();

        assertThat(model.statement()).isEqualTo(before);
    }

    @Test
    void sqlForTheConsoleKeepsParametersAsNames() {
        String w = model.addTable("public", "workers");
        model.setColumnSelected(w, "username", true);
        model.setWhere(ExpressionText.parsePredicate(w + ".id < :max_id"));

        assertThat(model.sqlForConsole()).contains(":max_id");
    }

    @Test
    void anUngroupedColumnIsReportedAtItsSelectListItem() {
        String r = model.addTable("public", "resumes");
        model.setColumnSelected(r, "workload", true);
        model.setColumnSelected(r, "title", true);
        model.addGroupBy(r + ".workload");

        assertThat(model.problemsAt("items[1]")).singleElement().satisfies(p -> assertThat(p.message())
                .contains("title"));
        assertThat(model.problemsAt("items[0]")).isEmpty();
    }

    @Test
    void problemsInsideACteAreLocatedRelativeToTheCteOnItsCanvas() {
        model.addCte("helper");
        String w = model.addTable("public", "workers");
        model.addColumn(w + ".no_such_column", "");

        assertThat(model.problemsAt("items[0]")).isNotEmpty();
        assertThat(model.problems().getFirst().path()).startsWith("with[0].query.items[0]");
    }

    @Test
    void unionCombinesTheQueryWithANewRightOperandEditedOnTheCanvas() throws SQLException {
        String w = model.addTable("public", "workers");
        model.setColumnSelected(w, "username", true);
        model.setWhere(ExpressionText.parsePredicate(w + ".id <= 3"));

        model.combine(dev.athanor.query.model.Query.SetOperation.Operator.UNION, false);
        String v = model.addTable("public", "vacancies");
        model.setColumnSelected(v, "title", true);
        model.setWhere(ExpressionText.parsePredicate(v + ".id <= 2"));
        model.run();

        assertThat(model.scopeProperty().get().label()).isEqualTo("query / right operand");
        assertThat(allRows(model))
                .containsExactlyInAnyOrderElementsOf(rowsOf(
                        "SELECT username FROM workers WHERE id <= 3 UNION SELECT title FROM vacancies WHERE id <= 2"));
    }

    @Test
    void aRecursiveCteBuiltFromAUnionOfItselfCountsToFive() throws SQLException {
        model.addCte("counter");
        model.addColumn("1", "n");
        model.combine(dev.athanor.query.model.Query.SetOperation.Operator.UNION, true);
        String c = model.addCteReference("counter");
        model.addColumn(c + ".n + 1", "");
        model.setWhere(ExpressionText.parsePredicate(c + ".n < 5"));
        model.leave();
        model.leave();
        model.setCteRecursive("counter", true);
        model.addCteReference("counter");
        model.addColumn("n", "");

        model.run();

        assertThat(model.runFailureProperty().get()).isEmpty();
        assertThat(allRows(model))
                .containsExactlyInAnyOrderElementsOf(rowsOf(
                        "WITH RECURSIVE counter AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM counter WHERE n < 5)"
                                + " SELECT n FROM counter"));
    }

    @Test
    void withAutomaticLeftJoinsAnAddedRelatedTableIsJoinedAtOnce() {
        model.autoJoinProperty().set(TableSource.Join.Type.LEFT);
        model.addTable("public", "workers");
        model.addTable("public", "resumes");

        assertThat(model.suggestions()).isEmpty();
        assertThat(model.joins()).singleElement().satisfies(join -> assertThat(join.type())
                .isEqualTo(TableSource.Join.Type.LEFT));
    }

    @Test
    void aCompositeForeignKeyIsSuggestedAsOneJoinOfAllItsColumnPairs() {
        var sql = "CREATE TABLE reply_notes (resume_id int, vacancy_id int, note text,"
                + " FOREIGN KEY (resume_id, vacancy_id) REFERENCES vacancies_replies (resume_id, vacancy_id))";
        try (var connection = TestPostgres.shared().connect(database);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        model.loadCatalog();
        String replies = model.addTable("public", "vacancies_replies");
        String notes = model.addTable("public", "reply_notes");

        assertThat(model.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.fromColumns()).containsExactly("resume_id", "vacancy_id");
            assertThat(s.toAlias()).isEqualTo(replies);
        });
        model.accept(model.suggestions().getFirst(), TableSource.Join.Type.INNER);
        assertThat(model.lines()).hasSize(2).allSatisfy(line -> assertThat(line.join())
                .isZero());
        assertThat(model.sqlProperty().get()).contains(notes + ".vacancy_id");
    }

    private static double[] rectangle(QueryBuilderModel model, String alias) {
        var at = model.positions().get(alias);
        var table = model.tables().stream()
                .filter(t -> t.alias().equals(alias))
                .findFirst()
                .orElseThrow();
        return new double[] {
            at.x(), at.y(), at.x() + 210, at.y() + 36 + 22 * table.columns().size()
        };
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
    }

    @Test
    void aTableAddedAgainAfterUndoLandsWithinTheCanvasWidth() {
        for (int i = 0; i < 6; i++) {
            model.addTable("public", "workers");
            model.undo();
        }
        String w = model.addTable("public", "workers");

        assertThat(model.positions().get(w).x()).isLessThan(900 - 200);
    }

    @Test
    void aNewBoxLandsClearOfTheBoxesAndOfTheJoinLineBetweenThem() {
        String w = model.addTable("public", "workers");
        String r = model.addTable("public", "resumes");
        model.accept(model.suggestions().getFirst(), TableSource.Join.Type.INNER);
        model.moveTable(r, 620, 20);

        String v = model.addTable("public", "vacancies");

        var box = rectangle(model, v);
        assertThat(overlap(box, rectangle(model, w))).isFalse();
        assertThat(overlap(box, rectangle(model, r))).isFalse();
        var from = rectangle(model, w);
        var to = rectangle(model, r);
        assertThat(BoxPlaces.crosses(
                        (from[0] + from[2]) / 2,
                        (from[1] + from[3]) / 2,
                        (to[0] + to[2]) / 2,
                        (to[1] + to[3]) / 2,
                        box[0],
                        box[1],
                        box[2],
                        box[3]))
                .as("the new box hides the join line")
                .isFalse();
    }

    @Test
    void anUnqualifiedTableNameTypedInAnotherCaseAddsTheCatalogsTable() {
        String alias = model.addTableNamed("Resumes");

        assertThat(model.tables()).singleElement().satisfies(table -> {
            assertThat(table.alias()).isEqualTo(alias);
            assertThat(table.source()).isEqualTo("public.resumes");
            assertThat(table.columns()).isNotEmpty();
        });
    }

    @Test
    void twoTablesNotYetJoinedAreReportedAsACrossJoinWithTheirRowCounts() {
        model.addTable("public", "workers");
        model.addTable("public", "resumes");

        assertThat(model.problems())
                .filteredOn(p -> p.kind() == dev.athanor.query.validate.ValidationProblem.Kind.CROSS_JOIN)
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cross join").containsPattern("[0-9,]+ × [0-9,]+"));
    }

    @Test
    void acceptingTheSuggestedJoinEndsTheCrossJoinWarning() {
        model.addTable("public", "workers");
        model.addTable("public", "resumes");

        model.accept(model.suggestions().getFirst(), TableSource.Join.Type.INNER);

        assertThat(model.problems())
                .noneMatch(p -> p.kind() == dev.athanor.query.validate.ValidationProblem.Kind.CROSS_JOIN);
    }

    @Test
    void newQueryClearsTablesFiltersGroupsOrderAndParameterValues() {
        String r = model.addTable("public", "resumes");
        model.setWhere(ExpressionText.parsePredicate(r + ".compensation > :min"));
        model.parameterValues().put("min", "1000");
        model.addGroupBy(r + ".workload");
        model.addOrderBy(r + ".workload", SortItem.Direction.ASC);

        model.newQuery();

        assertThat(model.statement()).isEqualTo(dev.athanor.query.model.Query.select());
        assertThat(model.tables()).isEmpty();
        assertThat(model.parameterValues()).isEmpty();
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void oneUndoAfterNewQueryBringsTheWholeQueryBack() {
        String r = model.addTable("public", "resumes");
        model.setWhere(ExpressionText.parsePredicate(r + ".compensation > :min"));
        model.parameterValues().put("min", "1000");
        var before = model.statement();
        var place = model.positions().get(r);

        model.newQuery();
        model.undo();

        assertThat(model.statement()).isEqualTo(before);
        assertThat(model.parameterValues()).containsEntry("min", "1000");
        assertThat(model.positions()).containsEntry(r, place);
    }

    @Test
    void aFilterTypedAsContainsReturnsTheRowsThatHoldTheTextLiterally() throws SQLException {
        String r = model.addTable("public", "resumes");
        model.setColumnSelected(r, "id", true);
        model.setWhere(new dev.athanor.query.model.Predicate.TextMatch(
                dev.athanor.query.model.Expression.column(r, "title"),
                dev.athanor.query.model.Expression.string("C++"),
                dev.athanor.query.model.Predicate.TextMatch.Position.CONTAINS));

        model.run();

        var expected = rowsOf("SELECT id FROM resumes WHERE strpos(title, 'C++') > 0");
        assertThat(expected).isNotEmpty();
        assertThat(allRows(model)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
