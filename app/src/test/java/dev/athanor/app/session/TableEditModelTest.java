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
    void aForeignKeyColumnOffersTheReferencedRowsMatchingTheTypedTextByKeyAndName() throws SQLException {
        var model = resumes();
        int id;
        String username;
        try (var c = pg.connect(db);
                var rs = c.createStatement()
                        .executeQuery("SELECT id, username FROM workers WHERE length(username) > 3 AND id <> "
                                + "(SELECT worker_id FROM resumes ORDER BY id LIMIT 1) ORDER BY id LIMIT 1")) {
            rs.next();
            id = rs.getInt(1);
            username = rs.getString(2);
        }
        var choices = model.choices("worker_id").orElseThrow();
        var found = new java.util.ArrayList<ForeignKeyChoices.Choice>();

        choices.search(
                username.substring(1, username.length() - 1).toUpperCase(java.util.Locale.ROOT), found::addAll, e -> {
                    throw new AssertionError(e);
                });

        assertThat(choices.target().readable()).hasValue("username");
        assertThat(found).hasSizeLessThanOrEqualTo(ForeignKeyChoices.LIMIT);
        assertThat(found).extracting(ForeignKeyChoices.Choice::label).contains(id + " · " + username);
        assertThat(found)
                .as("in key order")
                .extracting(choice -> Integer.parseInt(choice.key().getFirst()))
                .isSorted();
        assertThat(model.choices("title")).isEmpty();

        var choice = found.stream()
                .filter(c -> c.key().equals(java.util.List.of(String.valueOf(id))))
                .findFirst()
                .orElseThrow();
        model.choose(model.rows().getFirst(), choices.target(), choice);

        var row = model.rows().getFirst();
        assertThat(row.state()).isEqualTo("dirty");
        assertThat(row.texts().get(index(model, "worker_id"))).isEqualTo(String.valueOf(id));
    }

    @Test
    void aForeignKeyOfSeveralColumnsIsChosenAsAWholeRow() throws SQLException {
        try (var c = pg.connect(db)) {
            c.createStatement()
                    .execute("CREATE TABLE reply_notes (id int PRIMARY KEY, resume_id int, vacancy_id int, "
                            + "note text, FOREIGN KEY (resume_id, vacancy_id) REFERENCES vacancies_replies)");
            c.createStatement()
                    .execute("INSERT INTO reply_notes SELECT 1, resume_id, vacancy_id, 'first' "
                            + "FROM vacancies_replies ORDER BY resume_id, vacancy_id LIMIT 1");
            session.useCatalog(CatalogLoader.load(c));
        }
        var model = new TableEditModel(session, "public", "reply_notes");
        model.load();
        var choices = model.choices("vacancy_id").orElseThrow();
        var found = new java.util.ArrayList<ForeignKeyChoices.Choice>();

        choices.search("", found::addAll, e -> {
            throw new AssertionError(e);
        });
        var other = found.get(1);
        model.choose(model.rows().getFirst(), choices.target(), other);

        var row = model.rows().getFirst();
        assertThat(row.texts().get(index(model, "resume_id")))
                .isEqualTo(other.key().get(0));
        assertThat(row.texts().get(index(model, "vacancy_id")))
                .isEqualTo(other.key().get(1));
        assertThat(row.modified().get(index(model, "resume_id"))
                        || row.modified().get(index(model, "vacancy_id")))
                .isTrue();
    }

    @Test
    void loadMoreStopsOnceTheLastRowIsLoadedAndSaysHowMany() throws SQLException {
        var model = new TableEditModel(session, "public", "workers");
        model.load();
        long workers;
        try (var c = pg.connect(db);
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM workers")) {
            rs.next();
            workers = rs.getLong(1);
        }

        assertThat(model.rows()).hasSize((int) Math.min(workers, TableEditModel.PAGE));
        assertThat(model.hasMoreProperty().get()).isEqualTo(workers > TableEditModel.PAGE);
        if (workers <= TableEditModel.PAGE) {
            assertThat(model.loadedProperty().get())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "All %,d rows loaded", workers));
        }
    }

    @Test
    void aTableWithoutAKeyIsReadOnlyAndLoadedAPageAtATime() throws SQLException {
        int total = TableEditModel.PAGE + 100;
        try (var c = pg.connect(db)) {
            c.createStatement()
                    .execute("CREATE TABLE log_lines AS SELECT n, 'line ' || n AS text " + "FROM generate_series(1, "
                            + total + ") AS n");
            session.useCatalog(CatalogLoader.load(c));
        }
        var model = new TableEditModel(session, "public", "log_lines");
        model.load();

        assertThat(model.readOnlyProperty().get()).contains("no primary key");
        assertThat(model.rows()).hasSize(TableEditModel.PAGE);
        assertThat(model.rows()).extracting(row -> row.texts().getFirst()).doesNotHaveDuplicates();
        assertThat(model.rows().getFirst().state()).isEqualTo("read-only");
        assertThat(model.hasMoreProperty().get()).isTrue();
        assertThat(model.loadedProperty().get()).isEqualTo("First 500 rows loaded");

        model.loadMore();

        assertThat(model.rows()).hasSize(total);
        assertThat(model.hasMoreProperty().get()).isFalse();
        assertThat(model.loadedProperty().get()).isEqualTo("All 600 rows loaded");
        assertThat(session.snapshotProperty().get().rows())
                .as("rows without identity stay out of the identity map")
                .isEmpty();
    }

    @Test
    void aRowDeletedElsewhereIsMarkedStaleAndNamedInTheGrid() throws SQLException {
        var model = new TableEditModel(session, "public", "vacancies");
        model.load();
        var first = model.rows().getFirst();
        String id = first.texts().get(index(model, "id"));
        model.set(first, "title", "Changed here");
        try (var c = pg.connect(db)) {
            c.createStatement().execute("DELETE FROM vacancies WHERE id = " + id);
        }

        session.flush();

        var row = model.rows().getFirst();
        assertThat(row.errors()).containsOnlyKeys(TableEditModel.ROW);
        assertThat(row.errors().get(TableEditModel.ROW))
                .contains("public.vacancies (id=" + id + ")")
                .contains("matched no row");
        assertThat(model.rows().get(1).errors()).isEmpty();
        assertThat(TableEditView.stateText(row)).contains("dirty").contains("matched no row");
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
