package dev.athanor.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Object states, identity, autoflush, expiry and transactions of a session, on the sample database. */
class SessionStatesTest {
    private static SessionDatabase db;

    @BeforeAll
    static void start() throws SQLException {
        db = new SessionDatabase(
                "session_states",
                "CREATE TABLE notes (body text)",
                "CREATE VIEW worker_names AS SELECT username FROM workers");
    }

    @AfterAll
    static void stop() throws SQLException {
        db.close();
    }

    private static Row newWorker(Session session, String username) {
        Row worker = session.newRow("public", "workers");
        worker.set("username", username);
        return worker;
    }

    @Test
    void aNewRowIsTransientThenPendingWhenAdded() {
        try (var session = db.open()) {
            Row worker = newWorker(session, "transient");
            assertThat(worker.state()).isEqualTo(ObjectState.TRANSIENT);
            session.add(worker);
            assertThat(worker.state()).isEqualTo(ObjectState.PENDING);
            assertThat(session.newRows()).containsExactly(worker);
        }
    }

    @Test
    void flushMakesPendingPersistentWithoutCommitting() throws SQLException {
        try (var session = db.open()) {
            Row worker = newWorker(session, "flushed-not-committed");
            session.add(worker);
            session.flush();
            assertThat(worker.state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(worker.get("id")).isNotNull();
            assertThat(session.newRows()).isEmpty();
            assertThat(db.scalar("SELECT count(*) FROM workers WHERE username = 'flushed-not-committed'"))
                    .isEqualTo(0L);
        }
    }

    @Test
    void deletedRowBecomesDetachedAtCommit() throws SQLException {
        db.execute("INSERT INTO workers (id, username) VALUES (90001, 'to delete')");
        try (var session = db.open()) {
            Row worker = session.get(session.mapping("public", "workers"), 90001);
            session.delete(worker);
            assertThat(session.deletedRows()).containsExactly(worker);
            assertThat(worker.state()).isEqualTo(ObjectState.PERSISTENT);
            session.flush();
            assertThat(worker.state()).isEqualTo(ObjectState.DELETED);
            session.commit();
            assertThat(worker.state()).isEqualTo(ObjectState.DETACHED);
        }
        assertThat(db.scalar("SELECT count(*) FROM workers WHERE id = 90001")).isEqualTo(0L);
    }

    @Test
    void rollbackMakesDeletedRowsPersistentAgain() throws SQLException {
        db.execute("INSERT INTO workers (id, username) VALUES (90002, 'kept')");
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            Row worker = session.get(workers, 90002);
            session.delete(worker);
            session.flush();
            session.rollback();
            assertThat(worker.state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.get(workers, 90002)).isSameAs(worker);
            assertThat(worker.get("username")).isEqualTo("kept");
        }
        assertThat(db.scalar("SELECT count(*) FROM workers WHERE id = 90002")).isEqualTo(1L);
    }

    @Test
    void rollbackMakesPendingAndFlushedNewRowsTransientKeepingTheirValues() throws SQLException {
        try (var session = db.open()) {
            Row flushed = newWorker(session, "rolled back 1");
            session.add(flushed);
            session.flush();
            Row pending = newWorker(session, "rolled back 2");
            session.add(pending);
            session.rollback();
            assertThat(flushed.state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(pending.state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(flushed.get("username")).isEqualTo("rolled back 1");
            assertThat(flushed.get("id")).as("the server's key is forgotten").isNull();
            assertThat(session.newRows()).isEmpty();
        }
        assertThat(db.scalar("SELECT count(*) FROM workers WHERE username LIKE 'rolled back%'"))
                .isEqualTo(0L);
    }

    @Test
    void expungedRowIsDetachedAndCanBeAddedBack() {
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            Row worker = session.get(workers, 3);
            session.expunge(worker);
            assertThat(worker.state()).isEqualTo(ObjectState.DETACHED);
            session.add(worker);
            assertThat(worker.state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.get(workers, 3)).isSameAs(worker);
        }
    }

    @Test
    void anExpungedPendingRowIsTransientAgainAndNeverInserted() throws SQLException {
        try (var session = db.open()) {
            Row worker = newWorker(session, "expunged before flush");
            session.add(worker);
            session.expunge(worker);
            assertThat(worker.state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(session.newRows()).isEmpty();
            session.commit();
        }
        assertThat(db.scalar("SELECT count(*) FROM workers WHERE username = 'expunged before flush'"))
                .isEqualTo(0L);
    }

    @Test
    void closingDetachesAndExpiredAttributesCannotBeReadThen() {
        Row worker;
        try (var session = db.open()) {
            worker = session.get(session.mapping("public", "workers"), 4);
            session.expire(worker, "username");
        }
        assertThat(worker.state()).isEqualTo(ObjectState.DETACHED);
        assertThat(worker.get("id")).isNotNull();
        assertThatThrownBy(() -> worker.get("username"))
                .isInstanceOf(DetachedRowException.class)
                .hasMessageContaining("username");
    }

    @Test
    void twoQueriesReturningTheSameRowGiveTheSameObjectWithItsChangesKept() {
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            session.autoflush(false);
            Row first = session.select(workers, field(name("id")).eq(5)).getFirst();
            first.set("username", "typed, not flushed");
            Row second =
                    session.select(workers, field(name("id")).between(4, 6)).get(1);
            assertThat(second).isSameAs(first);
            assertThat(second.get("username")).isEqualTo("typed, not flushed");
        }
    }

    @Test
    void populateExistingOverwritesUnflushedChanges() throws SQLException {
        Object stored = db.scalar("SELECT username FROM workers WHERE id = 6");
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            session.autoflush(false);
            Row worker = session.get(workers, 6);
            worker.set("username", "discarded");
            session.select(workers, field(name("id")).eq(6), true);
            assertThat(worker.get("username")).isEqualTo(stored);
            assertThat(worker.isModified()).isFalse();
        }
    }

    @Test
    void getOfARowInTheIdentityMapSendsNoSql() {
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            Row worker = session.get(workers, 7);
            var sent = db.sentDuring(() -> assertThat(session.get(workers, 7)).isSameAs(worker));
            assertThat(sent).isEmpty();
        }
    }

    @Test
    void compositeKeyIdentity() throws SQLException {
        var key = db.column("SELECT resume_id FROM vacancies_replies ORDER BY 1 LIMIT 1")
                .getFirst();
        var vacancy = db.scalar("SELECT min(vacancy_id) FROM vacancies_replies WHERE resume_id = " + key);
        try (var session = db.open()) {
            var replies = session.mapping("public", "vacancies_replies");
            Row reply = session.get(replies, key, vacancy);
            assertThat(reply).isNotNull();
            assertThat(reply.key().orElseThrow().values())
                    .containsExactly(((Number) key).longValue(), ((Number) vacancy).longValue());
            var sent = db.sentDuring(
                    () -> assertThat(session.get(replies, key, vacancy)).isSameAs(reply));
            assertThat(sent).isEmpty();
        }
    }

    @Test
    void autoflushSendsPendingRowsBeforeAQuery() {
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            session.add(newWorker(session, "autoflushed"));
            List<Row> found = session.select(workers, field(name("username")).eq("autoflushed"));
            assertThat(found).hasSize(1);
        }
    }

    @Test
    void withoutAutoflushAQueryDoesNotSeePendingRows() {
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            session.autoflush(false);
            Row worker = newWorker(session, "not autoflushed");
            session.add(worker);
            assertThat(session.select(workers, field(name("username")).eq("not autoflushed")))
                    .isEmpty();
            assertThat(worker.state()).isEqualTo(ObjectState.PENDING);
        }
    }

    @Test
    void aNoAutoflushBlockHoldsPendingRowsBack() {
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            Row worker = newWorker(session, "held back");
            session.add(worker);
            try (var block = session.noAutoflush()) {
                assertThat(session.select(workers, field(name("username")).eq("held back")))
                        .isEmpty();
            }
            assertThat(session.select(workers, field(name("username")).eq("held back")))
                    .containsExactly(worker);
        }
    }

    @Test
    void commitExpiresEveryObjectSoTheNextAccessReadsTheDatabase() throws SQLException {
        try (var session = db.open()) {
            var workers = session.mapping("public", "workers");
            Row worker = session.get(workers, 8);
            session.commit();
            assertThat(worker.isExpired("username")).isTrue();
            db.execute("UPDATE workers SET username = 'changed elsewhere' WHERE id = 8");
            assertThat(worker.get("username")).isEqualTo("changed elsewhere");
        }
    }

    @Test
    void withoutExpireOnCommitObjectsKeepTheirValues() {
        try (var session = db.open()) {
            session.expireOnCommit(false);
            Row worker = session.get(session.mapping("public", "workers"), 9);
            session.commit();
            assertThat(worker.isExpired("username")).isFalse();
        }
    }

    @Test
    void rollbackExpiresAndRestoresTheCommittedValue() throws SQLException {
        Object stored = db.scalar("SELECT username FROM workers WHERE id = 10");
        try (var session = db.open()) {
            Row worker = session.get(session.mapping("public", "workers"), 10);
            worker.set("username", "flushed then rolled back");
            session.flush();
            session.rollback();
            assertThat(worker.isExpired("username")).isTrue();
            assertThat(worker.get("username")).isEqualTo(stored);
        }
    }

    @Test
    void refreshSelectsNowAndDiscardsChanges() throws SQLException {
        try (var session = db.open()) {
            Row worker = session.get(session.mapping("public", "workers"), 11);
            worker.set("username", "typed");
            db.execute("UPDATE workers SET username = 'refreshed value' WHERE id = 11");
            var sent = db.sentDuring(() -> session.refresh(worker));
            assertThat(sent).hasSize(1);
            assertThat(worker.isModified()).isFalse();
            assertThat(worker.get("username")).isEqualTo("refreshed value");
        }
    }

    @Test
    void expireSendsNothingUntilTheAttributeIsRead() throws SQLException {
        try (var session = db.open()) {
            Row worker = session.get(session.mapping("public", "workers"), 12);
            worker.set("username", "typed");
            var atExpire = db.sentDuring(() -> session.expire(worker));
            assertThat(atExpire).isEmpty();
            db.execute("UPDATE workers SET username = 'expired value' WHERE id = 12");
            var atRead = db.sentDuring(() -> assertThat(worker.get("username")).isEqualTo("expired value"));
            assertThat(atRead).hasSize(1);
        }
    }

    @Test
    void aRolledBackSavepointKeepsTheOuterWork() throws SQLException {
        try (var session = db.open()) {
            Row outer = newWorker(session, "outer work");
            session.add(outer);
            var savepoint = session.beginNested();
            Row inner = newWorker(session, "inner work");
            session.add(inner);
            session.flush();
            savepoint.rollback();
            assertThat(outer.state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(inner.state()).isEqualTo(ObjectState.TRANSIENT);
            session.commit();
        }
        assertThat(db.column("SELECT username FROM workers WHERE username IN ('outer work', 'inner work')"))
                .containsExactly("outer work");
    }

    @Test
    void aCommittedSavepointKeepsItsWork() throws SQLException {
        try (var session = db.open()) {
            var savepoint = session.beginNested();
            session.add(newWorker(session, "kept by release"));
            savepoint.commit();
            session.commit();
        }
        assertThat(db.scalar("SELECT count(*) FROM workers WHERE username = 'kept by release'"))
                .isEqualTo(1L);
    }

    @Test
    void closingWithAnOpenTransactionRollsBackAndGivesTheConnectionBack() throws SQLException {
        var session = db.open();
        session.add(newWorker(session, "never committed"));
        session.flush();
        assertThat(session.transactionState()).isEqualTo(TransactionState.ACTIVE);
        assertThat(db.openTransactions()).isEqualTo(1L);
        session.close();
        assertThat(db.openTransactions()).isZero();
        assertThat(db.scalar("SELECT count(*) FROM workers WHERE username = 'never committed'"))
                .isEqualTo(0L);
    }

    @Test
    void theConnectionIsHeldOnlyWhileATransactionIsOpen() throws SQLException {
        try (var session = db.open()) {
            session.get(session.mapping("public", "workers"), 13);
            assertThat(db.openTransactions()).isEqualTo(1L);
            session.commit();
            assertThat(db.openTransactions()).isZero();
            assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        }
    }

    @Test
    void aTableWithoutAKeyIsReadAPageAtATimeInPhysicalOrderOutsideTheIdentityMap() throws SQLException {
        db.execute("INSERT INTO notes (body) SELECT 'note ' || n FROM generate_series(1, 5) AS n");
        try (var session = db.open()) {
            var notes = session.mapping("public", "notes");

            var page = session.pageWithoutKey(notes, 3);
            var longer = session.pageWithoutKey(notes, 10);

            assertThat(page).extracting(row -> row.get("body")).containsExactly("note 1", "note 2", "note 3");
            assertThat(longer).extracting(row -> row.get("body")).hasSize(5).startsWith("note 1", "note 2", "note 3");
            assertThat(page.get(0)).isNotSameAs(page.get(1));
            assertThat(session.identityMap()).isEmpty();
            assertThat(page.getFirst().state()).isEqualTo(ObjectState.TRANSIENT);
        }
    }

    @Test
    void aViewIsReadAPageAtATimeAndALongerPageBeginsWithTheShorterOne() {
        try (var session = db.open()) {
            var view = session.mapping("public", "worker_names");

            var page = session.pageWithoutKey(view, 3);
            var longer = session.pageWithoutKey(view, 6);

            assertThat(page).hasSize(3);
            assertThat(longer.subList(0, 3))
                    .extracting(row -> row.get("username"))
                    .containsExactlyElementsOf(
                            page.stream().map(row -> row.get("username")).toList());
            assertThat(page).doesNotHaveDuplicates();
        }
    }

    @Test
    void tablesWithoutPrimaryKeyAndViewsAreReadOnlyWithAReason() {
        try (var session = db.open()) {
            var notes = session.mapping("public", "notes");
            var view = session.mapping("public", "worker_names");
            assertThat(notes.readOnlyReason())
                    .hasValueSatisfying(r -> assertThat(r).contains("no primary key"));
            assertThat(view.readOnlyReason())
                    .hasValueSatisfying(r -> assertThat(r).contains("view"));
            assertThatThrownBy(() -> notes.newRow().set("body", "x"))
                    .isInstanceOf(ReadOnlyException.class)
                    .hasMessageContaining("no primary key");
        }
    }

    @Test
    void listenersSeeStateChanges() {
        var events = new ArrayList<String>();
        try (var session = db.open()) {
            session.addListener(e -> events.add(e.kind() + " " + e.detail()));
            session.add(newWorker(session, "observed"));
            session.flush();
        }
        assertThat(events)
                .contains(
                        "STATE_CHANGED transient -> pending",
                        "TRANSACTION ACTIVE",
                        "STATE_CHANGED pending -> persistent",
                        "FLUSHED 1");
    }

    @Test
    void aSecondThreadIsRefusedWhileTheFirstIsInsideTheSession() throws Exception {
        try (var session = db.open()) {
            var refused = new CompletableFuture<Throwable>();
            session.addListener(e -> {
                if (e.kind() == SessionEvent.Kind.FLUSHED) {
                    var other = new Thread(() -> {
                        try {
                            session.flush();
                            refused.complete(null);
                        } catch (Throwable t) {
                            refused.complete(t);
                        }
                    });
                    other.start();
                    try {
                        other.join();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            session.add(newWorker(session, "one thread"));
            session.flush();
            assertThat(refused.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("one thread at a time");
        }
    }
}
