package dev.athanor.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.problem.QueryFailure;
import dev.athanor.app.task.Background;
import dev.athanor.model.engine.ValueKind;
import dev.athanor.sample.testkit.TestPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grid's view model streaming from a real server, run synchronously without a Stage. */
class ResultsModelTest {
    private static DataSource dataSource;
    private ResultsModel model;

    @BeforeAll
    static void database() {
        var pg = TestPostgres.shared();
        dataSource = pg.dataSource(pg.createSampleDatabase("results_model"));
    }

    @AfterEach
    void close() {
        if (model != null) model.close();
    }

    @Test
    void hugeResultShowsItsFirstPageWithoutCountingTheRest() {
        model = new ResultsModel(Background.synchronous(), dataSource::getConnection);
        model.showQuery("SELECT generate_series(1, 5000000) AS g", List.of());

        assertThat(model.rows()).hasSize(ResultsModel.PAGE_SIZE);
        assertThat(model.completeProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).isEqualTo("500+ rows so far");
    }

    @Test
    void scrollingOnHoldsOnlyABoundedWindowOfRows() {
        model = new ResultsModel(Background.synchronous(), dataSource::getConnection, 2_000);
        model.showQuery("SELECT generate_series(1, 5000000) AS g", List.of());
        for (int i = 0; i < 20; i++) model.fetchMore();

        assertThat(model.fetchedCountProperty().get()).isEqualTo(21L * ResultsModel.PAGE_SIZE);
        assertThat(model.rows()).hasSize(2_000);
        assertThat(model.firstRowNumberProperty().get()).isEqualTo(21L * ResultsModel.PAGE_SIZE - 2_000 + 1);
        assertThat(model.rows().getFirst().get(0))
                .isEqualTo((int) model.firstRowNumberProperty().get());
        assertThat(model.hasMore()).isTrue();
    }

    @Test
    void totalIsShownOnceTheCursorEnds() {
        model = new ResultsModel(Background.synchronous(), dataSource::getConnection);
        model.showQuery("SELECT id FROM workers WHERE id <= ? ORDER BY id", List.of(3));

        assertThat(model.rows()).hasSize(3);
        assertThat(model.completeProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("3 rows");
    }

    @Test
    void columnsCarryTheirTypeNames() {
        model = new ResultsModel(Background.synchronous(), dataSource::getConnection);
        model.showQuery("SELECT 1::int4 AS n, 'x'::text AS t, '\\x00ff'::bytea AS b, true AS f", List.of());

        assertThat(model.columnsProperty().get())
                .containsExactly(
                        new ResultColumn("n", "int4", ValueKind.NUMBER),
                        new ResultColumn("t", "text", ValueKind.TEXT),
                        new ResultColumn("b", "bytea", ValueKind.BYTES),
                        new ResultColumn("f", "bool", ValueKind.BOOLEAN));
        assertThat((byte[]) model.rows().getFirst().get(2)).containsExactly(0x00, 0xff);
    }

    @Test
    void nullAndEmptyStringStayDistinct() {
        model = new ResultsModel(Background.synchronous(), dataSource::getConnection);
        model.showQuery("SELECT NULL::text AS a, ''::text AS b", List.of());

        assertThat(model.rows().getFirst().get(0)).isNull();
        assertThat(model.rows().getFirst().get(1)).isEqualTo("");
    }

    @Test
    void failedQueryExplainsItselfInTheSummary() {
        model = new ResultsModel(Background.synchronous(), dataSource::getConnection);
        model.showQuery("SELECT * FROM no_such_table", List.of());

        assertThat(model.failureProperty().get().kind()).isEqualTo(QueryFailure.Kind.SYNTAX);
        assertThat(model.summaryProperty().get()).contains("no_such_table");
    }
}
