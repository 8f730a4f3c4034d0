package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.results.QueryFailure;
import dev.athanor.app.task.Background;
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
}
