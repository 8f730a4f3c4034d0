package dev.athanor.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.session.TransactionState;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editable grid's and the Session panel's view models on a real database, without a window. */
class TableEditModelTest {
    private TestPostgres pg;
    private String db;
    private Engine engine;
    private SessionModel session;

    @BeforeEach
    void open() throws SQLException {
        pg = TestPostgres.shared();
        db = pg.createSampleDatabase("table_edit");
        engine = Engine.create(
                ConnectionProfile.of("edit", pg.host(), pg.port(), db, pg.superuser()),
                PasswordSource.none(),
                PoolSettings.defaults().withMaximumPoolSize(3).withMinimumIdle(0));
        session = new SessionModel(Background.synchronous(), engine);
        try (var c = pg.connect(db)) {
            session.useCatalog(CatalogLoader.load(c));
        }
    }

    @AfterEach
    void close() throws InterruptedException {
        session.close();
        session.awaitClosed(Duration.ofSeconds(10));
        engine.close();
    }

    private TableEditModel resumes() {
        var model = new TableEditModel(session, "public", "resumes");
        model.load();
        assertThat(model.rows()).isNotEmpty();
        return model;
    }

    private static int index(TableEditModel model, String column) {
        for (int i = 0; i < model.columns().size(); i++) {
            if (model.columns().get(i).name().equals(column)) return i;
        }
        throw new IllegalArgumentException(column);
    }

    @Test
    void anEditIsDirtyAndInThePlanUntilFlushed() {
        var model = resumes();
        int compensation = index(model, "compensation");

        model.set(model.rows().getFirst(), "compensation", "4242");

        var row = model.rows().getFirst();
        assertThat(row.state()).isEqualTo("dirty");
        assertThat(row.modified().get(compensation)).isTrue();
        assertThat(row.texts().get(compensation)).isEqualTo("4242");
        var shown = session.snapshotProperty().get();
        assertThat(shown.plan())
                .containsIgnoringCase("update")
                .contains("compensation")
                .contains("4242");
        assertThat(shown.rows())
                .anySatisfy(entry ->
                        assertThat(entry.changes()).contains("compensation: ").contains("-> 4242"));
        assertThat(session.pendingWork().pending()).isPresent();
    }

    @Test
    void aValueTheTypeRefusesChangesNothingAndSaysWhy() {
        var model = resumes();

        model.set(model.rows().getFirst(), "compensation", "a lot");

        assertThat(model.messageProperty().get()).contains("compensation").contains("not a number");
        assertThat(model.rows().getFirst().state()).isNotEqualTo("dirty");
        assertThat(session.snapshotProperty().get().hasChanges()).isFalse();
    }

    @Test
    void nullIsSetExplicitlyAndDiffersFromEmptyText() {
        var model = resumes();
        int title = index(model, "title");

        model.set(model.rows().get(0), "title", "");
        model.setNull(model.rows().get(1), "compensation");

        assertThat(model.rows().get(0).nulls().get(title)).isFalse();
        assertThat(model.rows().get(1).nulls().get(index(model, "compensation")))
                .isTrue();
        assertThat(session.snapshotProperty().get().plan()).contains("['', ").contains("[null, ");
    }

    @Test
    void aCheckViolationIsPlacedAtItsCellAndTheSessionNeedsARollback() {
        var model = resumes();
        int compensation = index(model, "compensation");

        model.set(model.rows().getFirst(), "compensation", "-1");
        session.flush();

        var row = model.rows().getFirst();
        assertThat(row.errors()).containsKey("compensation");
        assertThat(row.errors().get("compensation")).contains("compensation > 0");
        assertThat(row.texts().get(compensation)).isEqualTo("-1");
        assertThat(session.snapshotProperty().get().transaction()).isEqualTo(TransactionState.FAILED);
        assertThat(session.statusText(Instant.now())).contains("needs rollback");

        session.rollback();
        assertThat(model.rows().getFirst().errors()).isEmpty();
        assertThat(session.statusText(Instant.now())).isEqualTo("Session: idle");
    }

    @Test
    void aCheckViolationInsideASavepointRollsBackOnlyTheSavepointAndStaysAtItsCell() {
        var model = resumes();
        int compensation = index(model, "compensation");
        model.set(model.rows().get(0), "title", "Before the savepoint");
        session.savepoint();

        model.set(model.rows().get(1), "compensation", "-1");
        session.flush();

        var shown = session.snapshotProperty().get();
        assertThat(shown.transaction()).isEqualTo(TransactionState.ACTIVE);
        assertThat(shown.failure()).isNull();
        assertThat(shown.savepoints()).isZero();
        assertThat(shown.savepointFailure()).contains("compensation");
        assertThat(session.statusText(Instant.now())).startsWith("Session: in transaction");
        var row = model.rows().get(1);
        assertThat(row.errors()).containsKey("compensation");
        assertThat(row.texts().get(compensation)).isEqualTo("-1");
        assertThat(row.state()).isEqualTo("dirty");
        assertThat(model.rows().get(0).texts().get(index(model, "title"))).isEqualTo("Before the savepoint");

        model.set(model.rows().get(1), "compensation", "7");
        session.flush();
        assertThat(session.snapshotProperty().get().savepointFailure()).isNull();
        assertThat(model.rows().get(1).errors()).isEmpty();
    }

    @Test
    void addedRowsArePendingAndDeletedRowsMarked() {
        var model = new TableEditModel(session, "public", "workers");
        model.load();
        int before = model.rows().size();

        model.add();
        model.set(model.rows().getLast(), "username", "Added in the grid");
        model.delete(model.rows().getFirst());

        assertThat(model.rows()).hasSize(before + 1);
        assertThat(model.rows().getLast().state()).isEqualTo("pending");
        assertThat(model.rows().getFirst().state()).isEqualTo("marked for deletion");
        assertThat(session.snapshotProperty().get().plan())
                .containsIgnoringCase("insert into")
                .containsIgnoringCase("delete from");
        assertThat(session.snapshotProperty().get().code())
                .contains("session.add(")
                .contains("session.delete(");
    }

    @Test
    void aLargeTableIsLoadedAPageAtATimeInKeyOrder() {
        var model = resumes();

        assertThat(model.rows()).hasSize(TableEditModel.PAGE);
        assertThat(model.hasMore()).isTrue();
        assertThat(session.snapshotProperty().get().rows()).hasSize(TableEditModel.PAGE + 1);
        assertThat(model.rows().getFirst().texts().getFirst()).isEqualTo("1");

        model.loadMore();

        assertThat(model.rows()).hasSize(2 * TableEditModel.PAGE);
        assertThat(model.rows().get(TableEditModel.PAGE).texts().getFirst())
                .isEqualTo(String.valueOf(TableEditModel.PAGE + 1));
    }

    @Test
    void theStatusBarWarnsOfATransactionLeftOpenForMinutes() {
        var model = resumes();
        model.set(model.rows().getFirst(), "title", "Kept open");
        session.flush();
        var started = session.snapshotProperty().get().started();

        assertThat(session.statusText(started.plusSeconds(5))).isEqualTo("Session: in transaction for 5 s");
        assertThat(session.statusText(started.plus(SessionModel.IDLE_WARNING).plusSeconds(1)))
                .contains("in transaction for 2 min 1 s")
                .contains("still open");
    }

    @Test
    void aViewSaysWhyItIsReadOnly() throws SQLException {
        try (var c = pg.connect(db)) {
            c.createStatement().execute("CREATE VIEW worker_names AS SELECT username FROM workers");
            session.useCatalog(CatalogLoader.load(c));
        }
        var model = new TableEditModel(session, "public", "worker_names");
        model.load();

        assertThat(model.readOnlyProperty().get()).isNotEmpty();
    }
}
