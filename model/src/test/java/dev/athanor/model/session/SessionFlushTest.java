package dev.athanor.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.engine.ConstraintViolation;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a flush sends, in which order, and what happens when it fails, on the sample database. */
class SessionFlushTest {
    private static SessionDatabase db;

    @BeforeAll
    static void start() throws SQLException {
        db = new SessionDatabase(
                "session_flush",
                "CREATE TABLE nodes (id int PRIMARY KEY, parent_id int REFERENCES nodes (id), label text NOT NULL)",
                "CREATE TABLE documents (id int PRIMARY KEY, body text, version int NOT NULL DEFAULT 1)",
                "CREATE TABLE teams (id int PRIMARY KEY, name text, captain_id int)",
                "CREATE TABLE players (id int PRIMARY KEY, name text, team_id int REFERENCES teams (id))",
                "ALTER TABLE teams ADD FOREIGN KEY (captain_id) REFERENCES players (id)",
                "CREATE TABLE readings (id int, taken date, value int, PRIMARY KEY (id, taken)) PARTITION BY RANGE (taken)",
                "CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
    }

    @AfterAll
    static void stop() throws SQLException {
        db.close();
    }

    private static Row worker(Session session, String username) {
        Row worker = session.newRow("public", "workers");
        worker.set("username", username);
        return worker;
    }

    /** A new row of {@code table} with these column values, given as column, value, column, value... */
    private static Row row(TableMapping table, Object... columnsAndValues) {
        Row row = table.newRow();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.set((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    private static Row resume(Session session, Row worker, String title, Integer compensation) {
        Row resume = session.newRow("public", "resumes");
        resume.set("title", title);
        resume.set("compensation", compensation);
        resume.set("workload", "fulltime");
        resume.link(worker);
        return resume;
    }

    @Test
    void oneFlushInsertsANewWorkerAndItsNewResumesWithTheWorkersNewKey() throws SQLException {
        int workerId;
        try (var session = db.open()) {
            Row worker = worker(session, "with resumes");
            // Resumes first: the flush still inserts the worker before them.
            Row first = resume(session, worker, "Python developer", 100_000);
            Row second = resume(session, worker, "Java developer", 90_000);
            session.add(first);
            session.add(second);
            session.add(worker);
            FlushPlan plan = session.plan();
            assertThat(plan.statements())
                    .extracting(
                            s -> s.operation() + " " + s.row().mapping().name().name())
                    .containsExactly("INSERT workers", "INSERT resumes", "INSERT resumes");
            assertThat(plan.statements().get(1).binds())
                    .anySatisfy(b -> assertThat(b).isInstanceOf(PlannedStatement.PendingKey.class));
            assertThat(plan.batchCount()).as("the two resumes go as one batch").isEqualTo(2);
            session.commit();
            workerId = ((Number) worker.get("id")).intValue();
        }
        assertThat(db.column("SELECT title FROM resumes WHERE worker_id = " + workerId + " ORDER BY id"))
                .containsExactly("Python developer", "Java developer");
    }

    @Test
    void returningFillsServerDefaultsAndIdentityWithoutAnotherSelect() {
        try (var session = db.open()) {
            Row worker = session.get(session.mapping("public", "workers"), 20);
            Row resume = resume(session, worker, "Defaults", 50_000);
            session.add(resume);
            var sent = db.sentDuring(session::flush);
            assertThat(sent).hasSize(1);
            assertThat(sent.getFirst().sql()).containsIgnoringCase("returning");
            assertThat(resume.get("id")).isNotNull();
            assertThat(resume.get("created_at")).isInstanceOf(java.sql.Timestamp.class);
            assertThat(resume.isExpired("updated_at")).isFalse();
        }
    }

    @Test
    void updateSendsOnlyTheChangedColumns() throws SQLException {
        try (var session = db.open()) {
            Row resume = session.get(session.mapping("public", "resumes"), 30);
            resume.set("compensation", 123_456);
            resume.set("title", resume.get("title")); // the same value: not a change
            PlannedStatement update = session.plan().statements().getFirst();
            assertThat(update.sql())
                    .startsWith("update \"public\".\"resumes\" set \"compensation\" = ? where \"id\" = ?");
            assertThat(update.binds()).containsExactly(123_456, 30L);
            session.commit();
        }
        assertThat(db.scalar("SELECT compensation FROM resumes WHERE id = 30")).isEqualTo(123_456);
    }

    @Test
    void deletingAWorkerDeletesItsRepliesAndResumesFirst() throws SQLException {
        int workerId = ((Number)
                        db.scalar("SELECT r.worker_id FROM resumes r JOIN vacancies_replies v ON v.resume_id = r.id "
                                + "WHERE r.worker_id > 100 ORDER BY 1 LIMIT 1"))
                .intValue();
        try (var session = db.open()) {
            var resumes = session.mapping("public", "resumes");
            var replies = session.mapping("public", "vacancies_replies");
            Row worker = session.get(session.mapping("public", "workers"), workerId);
            List<Row> ownResumes =
                    session.select(resumes, field(name("worker_id")).eq(workerId));
            List<Row> ownReplies = session.select(
                    replies,
                    field(name("resume_id"))
                            .in(ownResumes.stream().map(r -> r.get("id")).toList()));
            assertThat(ownReplies).isNotEmpty();
            // The parent marked first: the flush still deletes the rows referencing it before it.
            session.delete(worker);
            ownResumes.forEach(session::delete);
            ownReplies.forEach(session::delete);
            List<String> order = session.plan().statements().stream()
                    .map(s -> s.row().mapping().name().name())
                    .distinct()
                    .toList();
            assertThat(order).containsExactly("vacancies_replies", "resumes", "workers");
            session.commit();
        }
        assertThat(db.scalar("SELECT count(*) FROM workers WHERE id = " + workerId))
                .isEqualTo(0L);
        assertThat(db.scalar("SELECT count(*) FROM resumes WHERE worker_id = " + workerId))
                .isEqualTo(0L);
    }

    @Test
    void selfReferencingRowsAreInsertedParentFirstAndDeletedChildFirst() throws SQLException {
        try (var session = db.open()) {
            var nodes = session.mapping("public", "nodes");
            Row root = row(nodes, "id", 1, "label", "root");
            Row child = row(nodes, "id", 2, "label", "child");
            child.link(root);
            Row grandchild = row(nodes, "id", 3, "parent_id", 2, "label", "grandchild"); // by value, no link
            session.add(grandchild);
            session.add(child);
            session.add(root);
            assertThat(session.plan().statements())
                    .extracting(s -> s.row().get("label"))
                    .containsExactly("root", "child", "grandchild");
            session.commit();
            assertThat(db.scalar("SELECT parent_id FROM nodes WHERE id = 2")).isEqualTo(1);

            session.delete(session.get(nodes, 1));
            session.delete(session.get(nodes, 3));
            session.delete(session.get(nodes, 2));
            assertThat(session.plan().statements())
                    .extracting(s -> s.row().get("label"))
                    .containsExactly("grandchild", "child", "root");
            session.commit();
        }
        assertThat(db.scalar("SELECT count(*) FROM nodes")).isEqualTo(0L);
    }

    @Test
    void aReplyWithACompositeKeyIsInsertedUpdatedAndDeleted() throws SQLException {
        int vacancy = ((Number) db.scalar("SELECT max(id) FROM vacancies")).intValue();
        int resumeId = ((Number) db.scalar("SELECT min(id) FROM resumes r WHERE NOT EXISTS (SELECT 1 FROM "
                        + "vacancies_replies v WHERE v.resume_id = r.id AND v.vacancy_id = " + vacancy + ")"))
                .intValue();
        try (var session = db.open()) {
            var replies = session.mapping("public", "vacancies_replies");
            Row reply = replies.newRow();
            reply.set("resume_id", resumeId);
            reply.set("vacancy_id", vacancy);
            reply.set("cover_letter", "Hello");
            session.add(reply);
            session.commit();
            Row again = session.get(replies, resumeId, vacancy);
            assertThat(again).isSameAs(reply);
            again.set("cover_letter", "Hello again");
            assertThat(session.plan().statements().getFirst().sql())
                    .contains("\"resume_id\" = ?", "\"vacancy_id\" = ?");
            session.commit();
            assertThat(db.scalar("SELECT cover_letter FROM vacancies_replies WHERE resume_id = " + resumeId
                            + " AND vacancy_id = " + vacancy))
                    .isEqualTo("Hello again");
            session.delete(again);
            session.commit();
        }
        assertThat(db.scalar("SELECT count(*) FROM vacancies_replies WHERE resume_id = " + resumeId
                        + " AND vacancy_id = " + vacancy))
                .isEqualTo(0L);
    }

    @Test
    void aFailedFlushNeedsRollbackKeepsTheTypedValuesAndARetrySucceeds() throws SQLException {
        try (var session = db.open()) {
            Row worker = worker(session, "retried");
            Row resume = resume(session, worker, "Negative", -5);
            session.add(worker);
            session.add(resume);
            assertThatThrownBy(session::flush)
                    .isInstanceOf(ConstraintViolation.class)
                    .satisfies(e ->
                            assertThat(((ConstraintViolation) e).constraint()).hasValue("check_compensation_positive"));
            assertThat(session.transactionState()).isEqualTo(TransactionState.FAILED);
            assertThat(db.openTransactions()).isZero();
            assertThat(resume.get("compensation")).isEqualTo(-5);
            assertThat(worker.state()).isEqualTo(ObjectState.PENDING);
            assertThatThrownBy(session::flush).isInstanceOf(PendingRollbackException.class);

            resume.set("compensation", 5);
            assertThat(resume.get("compensation"))
                    .as("editable before the rollback")
                    .isEqualTo(5);
            session.rollback();
            assertThat(worker.state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(resume.get("compensation")).isEqualTo(5);
            session.add(worker);
            session.add(resume);
            session.commit();
        }
        assertThat(db.scalar("SELECT r.compensation FROM resumes r JOIN workers w ON w.id = r.worker_id "
                        + "WHERE w.username = 'retried'"))
                .isEqualTo(5);
    }

    @Test
    void aFailedFlushInsideASavepointRollsBackOnlyToTheSavepointAndKeepsTheOuterWork() throws SQLException {
        try (var session = db.open()) {
            Row outer = worker(session, "outside the savepoint");
            session.add(outer);
            var savepoint = session.beginNested();
            Row inner = worker(session, "inside the savepoint");
            Row resume = resume(session, inner, "Negative in savepoint", -5);
            session.add(inner);
            session.add(resume);
            assertThatThrownBy(session::flush).isInstanceOf(ConstraintViolation.class);

            assertThat(session.transactionState()).isEqualTo(TransactionState.ACTIVE);
            assertThat(session.failure()).isEmpty();
            assertThat(session.savepointFailure()).containsInstanceOf(ConstraintViolation.class);
            assertThat(savepoint.isOpen()).isFalse();
            assertThat(session.nestingLevel()).isZero();
            assertThat(outer.state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(inner.state()).isEqualTo(ObjectState.PENDING);
            assertThat(resume.get("compensation")).isEqualTo(-5);

            resume.set("compensation", 5);
            session.commit();
            assertThat(session.savepointFailure()).isEmpty();
        }
        assertThat(db.column("SELECT username FROM workers WHERE username LIKE '% the savepoint' ORDER BY id"))
                .containsExactly("outside the savepoint", "inside the savepoint");
        assertThat(db.scalar("SELECT compensation FROM resumes WHERE title = 'Negative in savepoint'"))
                .isEqualTo(5);
    }

    @Test
    void aFailedFlushInsideASavepointUndoesWhatTheSavepointFlushedBeforeAndKeepsTheTypedValue() throws SQLException {
        db.execute("INSERT INTO workers (id, username) VALUES (90150, 'before the savepoint')");
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            Row worker = session.get(workers, 90150);
            session.beginNested();
            worker.set("username", "flushed in the savepoint");
            Row added = worker(session, "added in the savepoint");
            session.add(added);
            session.flush();
            Row resume = resume(session, worker, "Fails the savepoint", -1);
            session.add(resume);
            worker.set("username", "typed before the failure");
            assertThatThrownBy(session::flush).isInstanceOf(ConstraintViolation.class);

            assertThat(added.state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(worker.isModified("username")).isTrue();
            assertThat(worker.get("username")).isEqualTo("typed before the failure");
            session.expunge(resume);
            session.commit();
        }
        assertThat(db.scalar("SELECT username FROM workers WHERE id = 90150")).isEqualTo("typed before the failure");
        assertThat(db.scalar("SELECT count(*) FROM workers WHERE username = 'added in the savepoint'"))
                .isEqualTo(0L);
    }

    @Test
    void anUpdateOfARowDeletedElsewhereIsAStaleDataErrorNamingTheRow() throws SQLException {
        db.execute("INSERT INTO workers (id, username) VALUES (90100, 'deleted elsewhere')");
        try (var session = db.open()) {
            Row worker = session.get(session.mapping("public", "workers"), 90100);
            session.commit();
            db.execute("DELETE FROM workers WHERE id = 90100");
            worker.set("username", "too late");
            assertThatThrownBy(session::flush)
                    .isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("public.workers (id=90100)")
                    .hasMessageContaining("matched no row");
            assertThat(session.transactionState()).isEqualTo(TransactionState.FAILED);
        }
    }

    @Test
    void aDeleteOfARowDeletedElsewhereIsAStaleDataError() throws SQLException {
        db.execute("INSERT INTO workers (id, username) VALUES (90101, 'deleted twice')");
        try (var session = db.open()) {
            session.expireOnCommit(false);
            Row worker = session.get(session.mapping("public", "workers"), 90101);
            session.commit();
            db.execute("DELETE FROM workers WHERE id = 90101");
            session.delete(worker);
            assertThatThrownBy(session::flush)
                    .isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("DELETE");
        }
    }

    @Test
    void aRowChangedElsewhereSinceLoadingIsStaleWhenXminIsChecked() throws SQLException {
        db.execute("INSERT INTO workers (id, username) VALUES (90102, 'original')");
        try (var session = db.open()) {
            session.detectConcurrentChanges(new QualifiedName("public", "workers"), null);
            session.expireOnCommit(false);
            Row worker = session.get(session.mapping("public", "workers"), 90102);
            session.commit();
            db.execute("UPDATE workers SET username = 'changed elsewhere' WHERE id = 90102");
            worker.set("username", "mine");
            assertThat(session.plan().statements().getFirst().sql()).contains("xmin");
            assertThatThrownBy(session::flush)
                    .isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("changed it since it was loaded");
        }
        assertThat(db.scalar("SELECT username FROM workers WHERE id = 90102")).isEqualTo("changed elsewhere");
    }

    @Test
    void withXminCheckedAnUnchangedRowStillUpdates() throws SQLException {
        db.execute("INSERT INTO workers (id, username) VALUES (90103, 'before')");
        try (var session = db.open()) {
            session.detectConcurrentChanges(new QualifiedName("public", "workers"), null);
            Row worker = session.get(session.mapping("public", "workers"), 90103);
            worker.set("username", "after");
            session.flush();
            worker.set("username", "after again");
            session.commit();
        }
        assertThat(db.scalar("SELECT username FROM workers WHERE id = 90103")).isEqualTo("after again");
    }

    @Test
    void thePendingWorkIsWrittenAsSqlAlchemyCode() {
        try (var session = db.open()) {
            Row existing = session.get(session.mapping("public", "workers"), 40);
            Row gone = session.get(session.mapping("public", "vacancies"), 1);
            existing.set("username", "Renamed");
            Row worker = worker(session, "Jack");
            session.add(worker);
            session.add(resume(session, worker, "Python \"dev\"", 1000));
            session.delete(gone);
            assertThat(session.sqlAlchemyCode()).isEqualTo("""
                            worker_40 = session.get(WorkersOrm, 40)
                            worker_40.username = "Renamed"
                            new_worker_1 = WorkersOrm(username="Jack")
                            session.add(new_worker_1)
                            session.flush()  # gives the new rows above their keys
                            new_resume_2 = ResumesOrm(title="Python \\"dev\\"", compensation=1000, \
                            workload="fulltime", worker_id=new_worker_1.id)
                            session.add(new_resume_2)
                            vacancy_1 = session.get(VacanciesOrm, 1)
                            session.delete(vacancy_1)
                            session.flush()
                            """);
        }
    }

    @Test
    void generatedAndAlwaysIdentityColumnsRefuseValues() throws SQLException {
        db.execute("CREATE TABLE IF NOT EXISTS tickets (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "price int, doubled int GENERATED ALWAYS AS (price * 2) STORED, at timestamp DEFAULT now())");
        db.catalog = dev.athanor.model.catalog.CatalogLoader.load(db.check);
        try (var session = db.open()) {
            var tickets = session.mapping("public", "tickets");
            Row ticket = tickets.newRow();
            assertThatThrownBy(() -> ticket.set("doubled", 4)).isInstanceOf(ReadOnlyException.class);
            assertThatThrownBy(() -> ticket.set("id", 4)).isInstanceOf(ReadOnlyException.class);
            ticket.set("price", 21);
            session.add(ticket);
            session.flush();
            assertThat(ticket.get("doubled")).isEqualTo(42);
            assertThat(ticket.get("at")).isInstanceOf(java.sql.Timestamp.class);
            ticket.set("price", 5);
            session.flush();
            assertThat(ticket.get("doubled")).isEqualTo(10);
            assertThat(ticket.get("at")).isNotNull();
            assertThat(LocalDateTime.now()).isNotNull();
        }
    }

    @Test
    void columnsATriggerMayChangeAreExpiredAfterAnUpdateAndReadAgain() throws SQLException {
        db.execute("UPDATE resumes SET updated_at = '2000-01-01' WHERE id = 31");
        try (var session = db.open()) {
            Row resume = session.get(session.mapping("public", "resumes"), 31);
            resume.set("compensation", 77_777);
            session.flush();
            assertThat(resume.isExpired("updated_at")).isTrue();
            assertThat(resume.isExpired("compensation")).isFalse();
            assertThat(((java.sql.Timestamp) resume.get("updated_at"))
                            .toLocalDateTime()
                            .getYear())
                    .isGreaterThan(2000);
        }
    }

    @Test
    void aVersionColumnIsIncrementedAndGuardsAgainstChangesMadeElsewhere() throws SQLException {
        db.execute("INSERT INTO documents (id, body) VALUES (1, 'first')");
        try (var session = db.open()) {
            session.detectConcurrentChanges(new QualifiedName("public", "documents"), "version");
            session.expireOnCommit(false);
            Row document = session.get(session.mapping("public", "documents"), 1);
            document.set("body", "second");
            session.commit();
            assertThat(db.scalar("SELECT version FROM documents WHERE id = 1")).isEqualTo(2);
            assertThat(document.get("version")).isEqualTo(2);

            db.execute("UPDATE documents SET body = 'elsewhere', version = 3 WHERE id = 1");
            document.set("body", "third");
            assertThatThrownBy(session::flush)
                    .isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("public.documents (id=1)");
        }
        assertThat(db.scalar("SELECT body FROM documents WHERE id = 1")).isEqualTo("elsewhere");
    }

    @Test
    void rowsOfTwoTablesReferencingEachOtherAreOrderedRowByRow() throws SQLException {
        try (var session = db.open()) {
            var teams = session.mapping("public", "teams");
            var players = session.mapping("public", "players");
            Row team = row(teams, "id", 1, "name", "Reds");
            Row player = row(players, "id", 10, "name", "Ann");
            player.link(team);
            Row captained = row(teams, "id", 2, "name", "Blues");
            captained.link(player);
            session.add(captained);
            session.add(player);
            session.add(team);
            assertThat(session.plan().statements())
                    .extracting(s -> s.row().get("name"))
                    .containsExactly("Reds", "Ann", "Blues");
            session.commit();
        }
        assertThat(db.scalar("SELECT captain_id FROM teams WHERE id = 2")).isEqualTo(10);
    }

    @Test
    void rowsReferencingEachOtherInACycleAreRefusedWithTheRowsNamed() {
        try (var session = db.open()) {
            Row team = session.mapping("public", "teams").newRow();
            team.set("id", 5);
            Row player = session.mapping("public", "players").newRow();
            player.set("id", 50);
            player.link(team);
            team.link(player);
            session.add(team);
            session.add(player);
            assertThatThrownBy(session::plan)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cycle")
                    .hasMessageContaining("public.teams (id=5)")
                    .hasMessageContaining("public.players (id=50)");
        }
    }

    @Test
    void aPartitionIsEditedThroughItsParent() throws SQLException {
        try (var session = db.open()) {
            var partition = session.mapping("public", "readings_2025");
            assertThat(partition.target()).isEqualTo(new QualifiedName("public", "readings"));
            Row reading = partition.newRow();
            reading.set("id", 1);
            reading.set("taken", java.time.LocalDate.of(2025, 3, 1));
            reading.set("value", 7);
            session.add(reading);
            assertThat(session.plan().statements().getFirst().sql()).contains("\"public\".\"readings\"");
            session.commit();
        }
        assertThat(db.scalar("SELECT value FROM readings_2025 WHERE id = 1")).isEqualTo(7);
    }

    @Test
    void thePlanSendsNothingAndChangesNothing() {
        try (var session = db.open()) {
            Row worker = worker(session, "planned only");
            session.add(worker);
            var sent =
                    db.sentDuring(() -> assertThat(session.plan().statements()).hasSize(1));
            assertThat(sent).isEmpty();
            assertThat(worker.state()).isEqualTo(ObjectState.PENDING);
            assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        }
    }
}
