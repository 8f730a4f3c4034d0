package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.results.ResultsModel;
import dev.athanor.app.task.Background;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.EchoEvent;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.query.project.ParameterType;
import dev.athanor.sample.testkit.TestPostgres;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console and the table-data grid on the product's Engine: pooled, echo-instrumented connections. */
class ConsoleOnEngineTest {
    private Engine engine;

    @BeforeEach
    void engine() {
        var pg = TestPostgres.shared();
        var db = pg.createSampleDatabase("console_engine");
        engine = Engine.create(
                ConnectionProfile.of("console", pg.host(), pg.port(), db, pg.superuser()),
                PasswordSource.none(),
                PoolSettings.defaults().withMaximumPoolSize(3).withMinimumIdle(0));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void consoleStatementsAppearInTheEchoWithTheirBoundValues() {
        var console = SqlConsoleModel.on(Background.synchronous(), engine);
        console.setParameterPrompt(
                (names, known) -> Optional.of(Map.of("max_id", new ParameterValue(ParameterType.INTEGER, "5"))));
        console.runStatementAt("SELECT id FROM workers WHERE id < :max_id", 0);

        var echoed = engine.echo().recent("console").stream()
                .filter(e -> e.sql().contains("workers"))
                .toList();
        assertThat(echoed).hasSize(1);
        assertThat(echoed.getFirst().sql()).doesNotContain("5").contains("?");
        assertThat(echoed.getFirst().binds()).containsExactly("5");
        console.close();
    }

    @Test
    void transactionStateIsReadThroughThePooledConnection() {
        var console = SqlConsoleModel.on(Background.synchronous(), engine);
        console.runStatementAt("UPDATE workers SET username = username WHERE id = 1", 0);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IN_TRANSACTION);

        console.runStatementAt("SELECT nope", 0);
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.FAILED);

        console.rollback();
        assertThat(console.transactionStateProperty().get()).isEqualTo(TransactionState.IDLE);
        console.close();
        assertThat(engine.poolStats().active()).isZero();
    }

    @Test
    void tableDataHandsItsConnectionBackWhenTheRowsEnd() {
        var grid = ResultsModel.forTableData(Background.synchronous(), engine);
        grid.showTable("public", "vacancies");

        assertThat(grid.completeProperty().get()).isTrue();
        assertThat(grid.fetchedCountProperty().get()).isEqualTo(300);
        assertThat(engine.poolStats().active()).isZero();
        assertThat(engine.echo().recent("table data"))
                .extracting(EchoEvent::sql)
                .anyMatch(sql -> sql.contains("from \"public\".\"vacancies\""));
    }

    @Test
    void tableDataStillStreamingHoldsOneConnectionUntilClosed() {
        var grid = ResultsModel.forTableData(Background.synchronous(), engine);
        grid.showTable("public", "vacancies_replies");

        assertThat(grid.hasMore()).isTrue();
        assertThat(engine.poolStats().active()).isEqualTo(1);
        grid.close();
        assertThat(engine.poolStats().active()).isZero();
    }

    @Test
    void closedConsoleHandsItsConnectionBackWithoutTheSessionsSettings() throws Exception {
        var console = SqlConsoleModel.on(Background.synchronous(), engine);
        console.runStatementAt("SELECT pg_backend_pid()", 0);
        int consolePid = (Integer) console.results().rows().getFirst().get(0);
        console.runStatementAt("SET search_path TO pg_catalog", 0);
        console.commit();
        console.close();

        try (var c = engine.connection("test");
                var rs = c.createStatement().executeQuery("SELECT pg_backend_pid(), current_setting('search_path')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(consolePid); // the very connection the console used
            assertThat(rs.getString(2)).isEqualTo("\"$user\", public");
        }
    }
}
