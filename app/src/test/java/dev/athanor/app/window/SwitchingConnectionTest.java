package dev.athanor.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.builder.BoxPosition;
import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.connect.EngineConnector;
import dev.athanor.app.console.TransactionState;
import dev.athanor.app.echo.EchoRow;
import dev.athanor.app.task.Background;
import dev.athanor.app.testing.SampleTarget;
import dev.athanor.model.engine.ManualCommitConnection;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.RememberedPasswords;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switching connection with work in the console: the window asks, sends what was chosen, and keeps what was written. */
class SwitchingConnectionTest {
    private static final String UPDATE = "UPDATE workers SET username = 'switched' WHERE id = 1";
    private static SampleTarget sample;
    private static String otherDatabase;

    @TempDir
    Path config;

    private MainModel model;
    private ConnectionChoice.Saved other;
    private String usernameBefore;

    @BeforeAll
    static void databases() {
        sample = SampleTarget.create("switching");
        otherDatabase = sample.server().createSampleDatabase("switching_other");
    }

    @BeforeEach
    void window() throws SQLException {
        var settings = sample.settings(config);
        var store = new ProfileStore(config);
        store.create(new SampleTarget(sample.server(), otherDatabase)
                .profileFor("other", sample.server().superuser()));
        other = new ConnectionChoice.Saved("other");
        var connector =
                new EngineConnector(settings.sample(), store, new RememberedPasswords(), Map.of(), settings.pool());
        model = new MainModel(Background.synchronous(), connector);
        model.connect(new ConnectionChoice.SampleDatabase());
        usernameBefore = username();
    }

    @AfterEach
    void close() throws SQLException {
        model.shutdown().ifPresent(database -> database.close());
        try (var c = sample.server().connect(sample.database());
                var s = c.prepareStatement("UPDATE workers SET username = ? WHERE id = 1")) {
            s.setString(1, usernameBefore);
            s.executeUpdate();
        }
    }

    private WindowState.Connected connected() {
        return (WindowState.Connected) model.stateProperty().get();
    }

    /** The first worker's name as the server has it, read on an independent connection. */
    private static String username() throws SQLException {
        try (var c = sample.server().connect(sample.database());
                var rs = c.createStatement().executeQuery("SELECT username FROM workers WHERE id = 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void switchingWithAnUncommittedUpdateAsksAndStaysConnectedMeanwhile() {
        var console = connected().console();
        console.runStatementAt(UPDATE, 0);

        model.connect(other);

        var question = model.leaveQuestionProperty().get();
        assertThat(question).isNotNull();
        assertThat(question.to()).isEqualTo(other);
        assertThat(question.pending()).containsExactly("The SQL console has a transaction with uncommitted changes.");
        assertThat(connected().choice()).isEqualTo(new ConnectionChoice.SampleDatabase());
        assertThat(connected().console()).isSameAs(console);
    }

    @Test
    void switchingWithAnUnflushedSessionEditAsksAndCommitSendsItBeforeLeaving() throws SQLException {
        var workers = new dev.athanor.app.session.TableEditModel(connected().session(), "public", "workers");
        workers.load();
        var first = workers.rows().stream()
                .filter(row -> row.texts().getFirst().equals("1"))
                .findFirst()
                .orElseThrow();
        workers.set(first, "username", "renamed through the session");

        model.connect(other);

        var question = model.leaveQuestionProperty().get();
        assertThat(question).isNotNull();
        assertThat(question.pending()).containsExactly("The session has changes not flushed or not committed.");
        assertThat(username()).isEqualTo(usernameBefore);

        model.commitAndLeave();

        assertThat(connected().choice()).isEqualTo(other);
        assertThat(username()).isEqualTo("renamed through the session");
        assertThat(model.echo().rows())
                .filteredOn(row -> row.origin().equals(dev.athanor.model.session.Session.ORIGIN))
                .extracting(EchoRow::sql)
                .anySatisfy(sql -> assertThat(sql).startsWithIgnoringCase("update"))
                .anySatisfy(sql -> assertThat(sql).isEqualToIgnoringCase("COMMIT"));
    }

    @Test
    void closingWithAnUncommittedUpdateAsksAndRollBackClosesAfterTheRollback() throws SQLException {
        connected().console().runStatementAt(UPDATE, 0);
        var closed = new java.util.concurrent.atomic.AtomicBoolean();

        assertThat(model.requestClose(() -> closed.set(true))).isFalse();

        var question = model.leaveQuestionProperty().get();
        assertThat(question).isNotNull();
        assertThat(question.closing()).isTrue();
        assertThat(closed).isFalse();

        model.rollBackAndLeave();

        assertThat(closed).isTrue();
        assertThat(username()).isEqualTo(usernameBefore);
        assertThat(model.echo().rows())
                .extracting(EchoRow::sql)
                .containsSequence(UPDATE, ManualCommitConnection.HOLDS_CHANGES, "ROLLBACK");
    }

    @Test
    void closingAndStayingKeepsTheWorkAndNeverCloses() {
        var console = connected().console();
        console.runStatementAt(UPDATE, 0);
        var closed = new java.util.concurrent.atomic.AtomicBoolean();

        assertThat(model.requestClose(() -> closed.set(true))).isFalse();
        model.stay();

        assertThat(closed).isFalse();
        assertThat(model.leaveQuestionProperty().get()).isNull();
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IN_TRANSACTION);
    }

    @Test
    void closingWithNothingPendingClosesAtOnce() {
        assertThat(model.requestClose(() -> {})).isTrue();
        assertThat(model.leaveQuestionProperty().get()).isNull();
    }

    @Test
    void switchingWithNothingPendingAsksNothing() {
        model.connect(other);

        assertThat(model.leaveQuestionProperty().get()).isNull();
        assertThat(connected().choice()).isEqualTo(other);
    }

    @Test
    void switchingAfterOnlyReadingAsksNothingAndRollsBack() {
        var console = connected().console();
        console.runStatementAt("SELECT username FROM workers WHERE id = 1", 0);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IN_TRANSACTION);

        model.connect(other);

        assertThat(model.leaveQuestionProperty().get()).isNull();
        assertThat(connected().choice()).isEqualTo(other);
        assertThat(model.echo().rows())
                .filteredOn(row -> row.origin().equals(MainModel.CONSOLE_ORIGIN))
                .extracting(EchoRow::sql)
                .containsSequence(
                        "SELECT username FROM workers WHERE id = 1", ManualCommitConnection.HOLDS_CHANGES, "ROLLBACK");
    }

    @Test
    void rollBackSendsRollbackBeforeLeavingAndTheRowIsUnchanged() throws SQLException {
        connected().console().runStatementAt(UPDATE, 0);
        model.connect(other);

        model.rollBackAndLeave();

        assertThat(connected().choice()).isEqualTo(other);
        assertThat(model.leaveQuestionProperty().get()).isNull();
        assertThat(model.echo().rows())
                .filteredOn(row -> row.origin().equals(MainModel.CONSOLE_ORIGIN))
                .extracting(EchoRow::sql)
                .containsSequence(UPDATE, ManualCommitConnection.HOLDS_CHANGES, "ROLLBACK");
        assertThat(username()).isEqualTo(usernameBefore);
    }

    @Test
    void commitSendsCommitBeforeLeavingAndTheRowIsChanged() throws SQLException {
        connected().console().runStatementAt(UPDATE, 0);
        model.connect(other);

        model.commitAndLeave();

        assertThat(connected().choice()).isEqualTo(other);
        assertThat(model.echo().rows())
                .filteredOn(row -> row.origin().equals(MainModel.CONSOLE_ORIGIN))
                .extracting(EchoRow::sql)
                .containsSequence(UPDATE, ManualCommitConnection.HOLDS_CHANGES, "COMMIT");
        assertThat(username()).isEqualTo("switched");
    }

    @Test
    void cancelKeepsTheConnectionAndItsOpenTransaction() throws SQLException {
        var console = connected().console();
        console.runStatementAt(UPDATE, 0);
        model.connect(other);

        model.stay();

        assertThat(model.leaveQuestionProperty().get()).isNull();
        assertThat(connected().choice()).isEqualTo(new ConnectionChoice.SampleDatabase());
        assertThat(connected().console()).isSameAs(console);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IN_TRANSACTION);
        assertThat(username()).isEqualTo(usernameBefore);
        console.commit();
        assertThat(username()).isEqualTo("switched");
    }

    @Test
    void leavingClosesThePoolOnlyOnceAPaneHandedItsConnectionBack() throws Exception {
        var stillClosingItsCursor = connected().database().connection(MainWindow.TABLE_DATA_ORIGIN);
        var lastStatement = new java.util.concurrent.CompletableFuture<Integer>();
        var pane = Thread.ofPlatform().start(() -> {
            try (stillClosingItsCursor) {
                Thread.sleep(300);
                try (var rs = stillClosingItsCursor.createStatement().executeQuery("SELECT 1")) {
                    rs.next();
                    lastStatement.complete(rs.getInt(1));
                }
            } catch (Exception e) {
                lastStatement.completeExceptionally(e);
            }
        });

        model.connect(other);
        pane.join();

        assertThat(lastStatement).isCompletedWithValue(1);
        assertThat(connected().choice()).isEqualTo(other);
    }

    @Test
    void consoleTextHistoryAndBuilderQueryComeBackWhenSwitchingBack() {
        var console = connected().console();
        console.scriptProperty().set("SELECT 41 + 1 AS answer;\n-- kept for later");
        console.runStatementAt("SELECT 41 + 1 AS answer", 0);
        console.rollback();
        var history = console.history().stream().toList();
        var builder = connected().builder();
        String alias = builder.addTable("public", "workers", 40, 60);
        builder.parameterValues().put("min_id", "3");
        var query = builder.statement();

        model.connect(other);
        assertThat(connected().console().scriptProperty().get()).isEmpty();
        assertThat(connected().console().history()).isEmpty();
        assertThat(connected().builder().statement()).isNotEqualTo(query);
        connected().console().scriptProperty().set("SELECT 'other'");
        model.connect(new ConnectionChoice.SampleDatabase());

        assertThat(connected().console()).isNotSameAs(console);
        assertThat(connected().console().scriptProperty().get())
                .isEqualTo("SELECT 41 + 1 AS answer;\n-- kept for later");
        assertThat(connected().console().history()).isEqualTo(history);
        assertThat(connected().builder().statement()).isEqualTo(query);
        assertThat(connected().builder().layout()).containsEntry(alias, new BoxPosition(40, 60));
        assertThat(connected().builder().parameterValues()).containsEntry("min_id", "3");
        model.connect(other);
        assertThat(connected().console().scriptProperty().get()).isEqualTo("SELECT 'other'");
    }
}
