package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.problem.QueryFailure;
import dev.athanor.app.task.Background;
import dev.athanor.query.project.ParameterType;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's view model against a real database, with work run synchronously and no Stage. */
class SqlConsoleModelTest {
    private static DataSource dataSource;
    private SqlConsoleModel console;
    private final List<List<String>> asked = new ArrayList<>();

    @BeforeAll
    static void database() {
        var pg = TestPostgres.shared();
        dataSource = pg.dataSource(pg.createSampleDatabase("console_model"));
    }

    @BeforeEach
    void open() {
        console = new SqlConsoleModel(Background.synchronous(), dataSource::getConnection);
    }

    @AfterEach
    void close() {
        console.close();
    }

    private void answer(Map<String, ParameterValue> values) {
        console.setParameterPrompt((names, remembered) -> {
            asked.add(names);
            return Optional.of(values);
        });
    }

    /** Records what the prompt is offered to start from, and cancels. */
    private List<Map<String, ParameterValue>> recordOffers() {
        var offered = new ArrayList<Map<String, ParameterValue>>();
        console.setParameterPrompt((names, known) -> {
            offered.add(known);
            return Optional.empty();
        });
        return offered;
    }

    private Object cell(int row, int column) {
        return console.results().rows().get(row).get(column);
    }

    @Test
    void parameterIsBoundAndTheMatchingRowsAppear() throws SQLException {
        answer(Map.of("max_id", new ParameterValue(ParameterType.INTEGER, "5")));
        console.runStatementAt("SELECT id, username FROM workers WHERE id < :max_id ORDER BY id", 0);

        assertThat(asked).containsExactly(List.of("max_id"));
        assertThat(console.results().rows()).hasSize(4);
        assertThat(List.of(cell(0, 0), cell(1, 0), cell(2, 0), cell(3, 0))).containsExactly(1, 2, 3, 4);
        try (var c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery("SELECT username FROM workers WHERE id = 3")) {
            rs.next();
            assertThat(cell(2, 1)).isEqualTo(rs.getString(1));
        }
        assertThat(console.messageProperty().get()).startsWith("4 rows in ");
    }

    @Test
    void textParameterIsBoundNotPastedIntoTheSql() {
        answer(Map.of("name", new ParameterValue(ParameterType.TEXT, "x' OR '1'='1")));
        console.runStatementAt("SELECT count(*) FROM workers WHERE username = :name", 0);

        assertThat(console.errorProperty().get()).isNull();
        assertThat(cell(0, 0)).isEqualTo(0L);
    }

    @Test
    void givenValuesAreRememberedForTheSession() {
        answer(Map.of("n", new ParameterValue(ParameterType.NUMERIC, "2.5")));
        console.runStatementAt("SELECT :n * 2", 0);

        assertThat(console.rememberedParameters()).containsEntry("n", new ParameterValue(ParameterType.NUMERIC, "2.5"));
        assertThat(cell(0, 0)).hasToString("5.0");
    }

    @Test
    void thePromptPreselectsTheTypeTheServerInfers() {
        var offered = recordOffers();

        console.runStatementAt(
                "SELECT id FROM resumes WHERE compensation > :min AND title = :title AND created_at < :before", 0);

        assertThat(offered).singleElement().satisfies(known -> {
            assertThat(known.get("min")).isEqualTo(new ParameterValue(ParameterType.INTEGER, ""));
            assertThat(known.get("title")).isEqualTo(new ParameterValue(ParameterType.TEXT, ""));
            assertThat(known.get("before")).isEqualTo(new ParameterValue(ParameterType.TIMESTAMP, ""));
        });
    }

    @Test
    void aTypeGivenEarlierWinsOverTheInferredOne() {
        answer(Map.of("min", new ParameterValue(ParameterType.NUMERIC, "1.5")));
        console.runStatementAt("SELECT id FROM resumes WHERE compensation > :min", 0);
        var offered = recordOffers();

        console.runStatementAt("SELECT id FROM resumes WHERE compensation > :min", 0);

        assertThat(offered.getFirst().get("min")).isEqualTo(new ParameterValue(ParameterType.NUMERIC, "1.5"));
    }

    @Test
    void aStatementTheServerCannotDescribeStillPromptsWithNoTypeChosen() {
        var offered = recordOffers();

        console.runStatementAt("SELECT id FROM no_such_table WHERE x > :min", 0);

        assertThat(offered).singleElement().satisfies(known -> assertThat(known).doesNotContainKey("min"));
        assertThat(console.runningProperty().get()).isFalse();
    }

    @Test
    void cancelledPromptRunsNothing() {
        console.setParameterPrompt((names, remembered) -> Optional.empty());
        console.runStatementAt("SELECT :x", 0);

        assertThat(console.history()).isEmpty();
        assertThat(console.messageProperty().get()).startsWith("Not run");
    }

    @Test
    void syntaxErrorMarksTheBadTokenInTheScript() {
        String script = "SELECT 1;\n\nSELECT id, username\n  FROM FROM workers;";
        console.runStatementAt(script, script.indexOf("username"));

        var error = console.errorProperty().get();
        assertThat(error.failure().kind()).isEqualTo(QueryFailure.Kind.SYNTAX);
        assertThat(error.markStart()).isEqualTo(script.lastIndexOf("FROM"));
        assertThat(error.markEnd()).isEqualTo(script.lastIndexOf("FROM") + 4);
        assertThat(console.messageProperty().get()).contains("line 4, column 8");
    }

    @Test
    void syntaxErrorAfterAParameterIsMarkedAtTheRightPlace() {
        answer(Map.of("alpha", new ParameterValue(ParameterType.INTEGER, "1")));
        String script = "SELECT :alpha, :alpha FROM FROM workers";
        console.runScript(script);

        var error = console.errorProperty().get();
        assertThat(error.markStart()).isEqualTo(script.lastIndexOf("FROM"));
    }

    @Test
    void failureInAFreshTransactionIsRolledBackAtOnce() {
        console.runStatementAt("SELECT 1/0", 0);

        assertThat(console.errorProperty().get().failure().message()).containsIgnoringCase("division by zero");
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void failureAfterEarlierWorkLeavesTheTransactionFailedUntilRollback() {
        console.runStatementAt("UPDATE workers SET username = username || '!' WHERE id = 1", 0);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IN_TRANSACTION);

        console.runStatementAt("SELECT 1/0", 0);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.FAILED);

        console.runStatementAt("SELECT 1", 0);
        assertThat(console.errorProperty().get().failure().kind()).isEqualTo(QueryFailure.Kind.TRANSACTION_ABORTED);

        console.rollback();
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IDLE);
        console.runStatementAt("SELECT username FROM workers WHERE id = 1", 0);
        assertThat((String) cell(0, 0)).doesNotEndWith("!");
    }

    @Test
    void changesStayInvisibleToOthersUntilCommit() throws SQLException {
        console.runStatementAt("INSERT INTO vacancies (title, compensation) VALUES ('Console tester', 1)", 0);
        assertThat(console.messageProperty().get()).startsWith("Done, 1 row affected");
        assertThat(countFromElsewhere()).isZero();

        console.commit();

        assertThat(countFromElsewhere()).isEqualTo(1);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IDLE);
    }

    private static int countFromElsewhere() throws SQLException {
        try (var c = dataSource.getConnection();
                var rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM vacancies WHERE title = 'Console tester'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void constraintViolationIsInPlainWordsWithDetailsAside() {
        console.runStatementAt("INSERT INTO workers (id, username) VALUES (1, 'again')", 0);

        var failure = console.errorProperty().get().failure();
        assertThat(failure.kind()).isEqualTo(QueryFailure.Kind.CONSTRAINT);
        assertThat(failure.message()).contains("workers_pkey").doesNotContain("PSQLException");
        assertThat(failure.details()).contains("23505");
    }

    @Test
    void scriptRunsEveryStatementAndHistoryListsThemNewestFirst() {
        console.runScript("SELECT 1 AS a;\nSELECT 2 AS b, 3 AS c;");

        assertThat(console.history())
                .extracting(HistoryEntry::sql)
                .containsExactly("SELECT 2 AS b, 3 AS c", "SELECT 1 AS a");
        assertThat(console.history()).extracting(HistoryEntry::outcome).containsExactly("1 row", "1 row");
        assertThat(console.results().columnsProperty().get())
                .extracting(c -> c.name())
                .containsExactly("b", "c");
    }

    @Test
    void scriptStopsAtTheFirstFailure() {
        console.runScript("SELECT 1; SELECT nope; SELECT 3");

        assertThat(console.history()).hasSize(2);
        assertThat(console.history().getFirst().failed()).isTrue();
    }

    @Test
    void selectionRunsOnlyTheSelectedStatements() {
        String script = "SELECT 1 AS one; SELECT 2 AS two; SELECT 3 AS three;";
        console.runSelection(script, script.indexOf("SELECT 2"), script.indexOf("SELECT 3"));

        assertThat(console.history()).extracting(HistoryEntry::sql).containsExactly("SELECT 2 AS two");
    }

    @Test
    void statementThatRefusesTransactionsRunsOnItsOwnWhenNothingIsOpen() {
        console.runStatementAt("VACUUM workers", 0);

        assertThat(console.errorProperty().get()).isNull();
        assertThat(console.messageProperty().get()).startsWith("Done");
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void commitClosesTheResultCursorButKeepsTheRowsShown() {
        console.runStatementAt("SELECT generate_series(1, 100000) AS n", 0);
        assertThat(console.results().hasMore()).isTrue();

        console.commit();
        console.results().fetchMore();

        assertThat(console.results().hasMore()).isFalse();
        assertThat(console.results().rows()).hasSize(500);
        assertThat(console.results().summaryProperty().get()).contains("cursor was closed");
    }

    @Test
    void noticesRaisedByABlockAreShown() {
        console.runStatementAt("DO $$ BEGIN RAISE NOTICE 'hello from the server'; END $$", 0);

        assertThat(console.messageProperty().get()).contains("hello from the server");
        assertThat(console.history().getFirst().outcome()).contains("hello from the server");
    }

    /** The rows of {@code sql} read by plain JDBC, each as a list of values, to compare with the console's. */
    private static List<List<Object>> plainRows(String sql) throws SQLException {
        try (var c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery(sql)) {
            var rows = new ArrayList<List<Object>>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<Object>();
                for (int i = 1; i <= columns; i++) row.add(rs.getObject(i));
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<List<Object>> rowsOf(StatementResult result) {
        return result.rows().rows().stream()
                .map(row -> {
                    var values = new ArrayList<Object>();
                    for (int i = 0; i < row.size(); i++) values.add(row.get(i));
                    return (List<Object>) values;
                })
                .toList();
    }

    private static final String WORKERS = "SELECT id, username FROM workers WHERE id <= 4 ORDER BY id";
    private static final String RESUMES =
            "SELECT id, title, compensation FROM resumes WHERE worker_id <= 3 ORDER BY id";

    @Test
    void scriptGivesOneResultPerRowReturningStatementAndOutputForEveryStatement() throws SQLException {
        long vacancies = (Long) plainRows("SELECT count(*) FROM vacancies WHERE id <= 7")
                .getFirst()
                .getFirst();
        console.runScript(
                WORKERS + ";\nUPDATE vacancies SET compensation = compensation + 1 WHERE id <= 7;\n" + RESUMES + ";");

        assertThat(console.resultSets()).extracting(StatementResult::number).containsExactly(1, 3);
        assertThat(rowsOf(console.resultSets().get(0))).isEqualTo(plainRows(WORKERS));
        assertThat(rowsOf(console.resultSets().get(1))).isEqualTo(plainRows(RESUMES));
        assertThat(console.output())
                .extracting(StatementOutcome::number, StatementOutcome::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, StatementOutcome.Kind.ROWS),
                        org.assertj.core.groups.Tuple.tuple(2, StatementOutcome.Kind.CHANGED),
                        org.assertj.core.groups.Tuple.tuple(3, StatementOutcome.Kind.ROWS));
        assertThat(console.output().get(1).outcome()).isEqualTo("Done, " + vacancies + " rows affected");
        assertThat(console.output().get(1).sql()).startsWith("UPDATE vacancies");
        assertThat(console.results()).isSameAs(console.resultSets().get(1).rows());
    }

    @Test
    void failingStatementStopsTheScriptKeepingEarlierResultsAndListingTheError() throws SQLException {
        console.runScript(WORKERS + "; SELECT 1/0; " + RESUMES);

        assertThat(console.resultSets()).hasSize(1);
        assertThat(rowsOf(console.resultSets().getFirst())).isEqualTo(plainRows(WORKERS));
        assertThat(console.output()).hasSize(2);
        var failed = console.output().get(1);
        assertThat(failed.kind()).isEqualTo(StatementOutcome.Kind.FAILED);
        assertThat(failed.sql()).isEqualTo("SELECT 1/0");
        assertThat(failed.outcome()).containsIgnoringCase("division by zero");
        assertThat(console.messageProperty().get()).startsWith("2 of 3 statements ran");
    }

    private static final String OPEN_SERIES_CURSORS =
            "SELECT count(*) FROM pg_cursors WHERE strpos(statement, 'gen' || 'erate_series') > 0";

    @Test
    void cursorsOfEarlierStatementsStayOpenWhileLaterStatementsOfTheRunExecute() {
        console.runScript("SELECT generate_series(1, 100000) AS n; SELECT generate_series(1, 100000) AS m; "
                + OPEN_SERIES_CURSORS);

        var first = console.resultSets().getFirst().rows();
        assertThat(console.resultSets().get(2).rows().rows().getFirst().get(0)).isEqualTo(2L);
        first.fetchMore();
        assertThat(first.rows()).hasSize(1000);
        assertThat(first.rows().getLast().get(0)).isEqualTo(1000);
        assertThat(first.hasMore()).isTrue();
    }

    @Test
    void secondRunClosesTheCursorsOfTheFirst() {
        console.runScript("SELECT generate_series(1, 100000) AS n; SELECT generate_series(1, 100000) AS m");
        var firstRun = List.copyOf(console.resultSets());
        assertThat(firstRun).allMatch(result -> result.rows().hasMore());

        console.runScript(OPEN_SERIES_CURSORS);

        assertThat(console.results().rows().getFirst().get(0)).isEqualTo(0L);
        assertThat(firstRun).noneMatch(result -> result.rows().hasMore());
        assertThat(firstRun).allMatch(result -> result.rows().rows().isEmpty());
        assertThat(console.resultSets()).hasSize(1);
    }

    @Test
    void commitInTheScriptClosesEarlierCursorsAndKeepsTheirRows() {
        console.runScript("SELECT generate_series(1, 100000) AS n; COMMIT");
        var first = console.resultSets().getFirst().rows();

        first.fetchMore();

        assertThat(first.rows()).hasSize(500);
        assertThat(first.rows().getLast().get(0)).isEqualTo(500);
        assertThat(first.hasMore()).isFalse();
        assertThat(first.summaryProperty().get()).contains("cursor was closed by the end of the transaction");
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void runKeepsAtMostTheResultLimitAndSaysSo() {
        int statements = SqlConsoleModel.MAX_RESULTS + 2;
        var script = new StringBuilder();
        for (int i = 1; i <= statements; i++) script.append("SELECT ").append(i).append(" AS n;\n");
        console.runScript(script.toString());

        assertThat(console.resultSets()).hasSize(SqlConsoleModel.MAX_RESULTS);
        assertThat(console.resultSets().getLast().rows().rows().getFirst().get(0))
                .isEqualTo(SqlConsoleModel.MAX_RESULTS);
        assertThat(console.output()).hasSize(statements);
        assertThat(console.output().getLast().outcome()).contains("not kept");
        assertThat(console.noteProperty().get())
                .contains("first " + SqlConsoleModel.MAX_RESULTS)
                .contains("2 more");
    }

    @Test
    void shortStatementIsItsOwnTitleWithoutComments() {
        assertThat(SqlConsoleModel.title(1, "/* count */ SELECT count(*)\n  FROM resumes -- all"))
                .isEqualTo("1: SELECT count(*) FROM resumes");
    }

    @Test
    void longStatementIsTitledByItsFirstWordAndTheTableItReads() {
        assertThat(SqlConsoleModel.title(3, "SELECT id, username\n  FROM workers -- all of them\n WHERE id < 5"))
                .isEqualTo("3: SELECT … FROM workers");
        assertThat(SqlConsoleModel.title(2, "WITH h AS (SELECT * FROM (SELECT 1) x) SELECT * FROM public.resumes, h"))
                .isEqualTo("2: WITH … FROM public.resumes");
        assertThat(SqlConsoleModel.title(4, "UPDATE vacancies SET compensation = 1 RETURNING id, title"))
                .isEqualTo("4: UPDATE vacancies …");
        assertThat(SqlConsoleModel.title(5, "SELECT r.title, w.username FROM resumes r JOIN workers w USING (id)"))
                .isEqualTo("5: SELECT … FROM resumes");
    }

    @Test
    void onlyATransactionThatWroteOrFailedIsWorkToSettleBeforeLeaving() {
        console.runStatementAt("SELECT count(*) FROM workers", 0);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IN_TRANSACTION);
        assertThat(console.pendingWork().pending()).isEmpty();

        console.runStatementAt("UPDATE workers SET username = username WHERE id = 1", 0);
        assertThat(console.pendingWork().pending())
                .contains("The SQL console has a transaction with uncommitted changes.");

        console.rollback();
        assertThat(console.pendingWork().pending()).isEmpty();
        console.runStatementAt("SELECT count(*) FROM workers", 0);
        console.runStatementAt("SELECT 1 / 0", 0);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.FAILED);
        assertThat(console.pendingWork().pending())
                .contains("The SQL console's transaction failed; committing it rolls it back.");
    }
}
