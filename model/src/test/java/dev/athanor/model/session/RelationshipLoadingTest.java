package dev.athanor.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.engine.EchoEvent;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import dev.athanor.model.relationship.Relationships;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loading relationships through the session with each strategy, on the sample schema filled with {@value #WORKERS}
 * workers: the statements each strategy sends, the objects it loads, and changing a many-to-many.
 */
class RelationshipLoadingTest {
    static final int WORKERS = 1_200;
    private static final QualifiedName WORKERS_TABLE = new QualifiedName("public", "workers");
    private static final QualifiedName RESUMES_TABLE = new QualifiedName("public", "resumes");

    private static SessionDatabase db;
    private static Relationships relationships;
    private static Relationship resumes;
    private static Relationship worker;
    private static Relationship vacancies;
    private static Relationship parttime;

    @BeforeAll
    static void start() throws SQLException {
        db = new SessionDatabase(
                "relationship_loading",
                "TRUNCATE workers, vacancies RESTART IDENTITY CASCADE",
                "INSERT INTO workers (id, username) SELECT g, 'worker ' || g FROM generate_series(1, " + WORKERS
                        + ") g",
                // Every tenth worker has no resume; the others a part-time one and a full-time one.
                "INSERT INTO resumes (title, compensation, workload, worker_id)"
                        + " SELECT 'resume ' || g || ' ' || w, 1000 + g, w::workload_enum, g"
                        + " FROM generate_series(1, " + WORKERS + ") g, unnest(ARRAY['parttime', 'fulltime']) w"
                        + " WHERE g % 10 <> 0 ORDER BY g, w DESC",
                "INSERT INTO vacancies (id, title) SELECT g, 'vacancy ' || g FROM generate_series(1, 20) g",
                "INSERT INTO vacancies_replies (resume_id, vacancy_id, cover_letter)"
                        + " SELECT id, id % 20 + 1, 'letter ' || id FROM resumes WHERE id % 3 = 0"
                        + " UNION ALL SELECT id, (id + 7) % 20 + 1, NULL FROM resumes WHERE id % 6 = 0",
                "CREATE TABLE regions (code text, number int, name text, PRIMARY KEY (code, number))",
                "CREATE TABLE offices (id int PRIMARY KEY, code text, number int, label text,"
                        + " FOREIGN KEY (code, number) REFERENCES regions (code, number))",
                "INSERT INTO regions SELECT c, n, c || n FROM unnest(ARRAY['north', 'south']) c,"
                        + " generate_series(1, 300) n",
                "INSERT INTO offices SELECT g, CASE WHEN g % 2 = 0 THEN 'north' ELSE 'south' END, g % 300 + 1,"
                        + " 'office ' || g FROM generate_series(1, 1500) g",
                "SELECT setval(pg_get_serial_sequence('workers', 'id'), 100000)",
                "SELECT setval(pg_get_serial_sequence('vacancies', 'id'), 100000)");
        relationships = Relationships.infer(db.catalog);
        resumes = relationships.get(WORKERS_TABLE, "resumes");
        worker = relationships.get(RESUMES_TABLE, "worker");
        vacancies = relationships.get(RESUMES_TABLE, "vacancies");
        parttime = resumes.withName("resumes_parttime")
                .withCondition(Optional.of("workload = 'parttime'"))
                .withOrderBy(List.of(new SortKey("id", true)));
    }

    @AfterAll
    static void stop() throws SQLException {
        db.close();
    }

    private static LoadQuery allWorkers() {
        return LoadQuery.of(WORKERS_TABLE).orderBy(new SortKey("id", false));
    }

    /** Worker id to the ids of its loaded resumes, read from the objects without SQL. */
    private static Map<Long, Set<Long>> resumeIds(Session session, List<Row> workers, Relationship relationship) {
        var ids = new TreeMap<Long, Set<Long>>();
        for (Row w : workers) {
            var resumeIds = new TreeSet<Long>();
            for (Row r : session.loadedRelated(w, relationship).orElseThrow()) {
                resumeIds.add(((Number) r.get("id")).longValue());
            }
            ids.put(((Number) w.get("id")).longValue(), resumeIds);
        }
        return ids;
    }

    /** The same, read through the independent connection. */
    private static Map<Long, Set<Long>> resumeIdsInDatabase(String condition) throws SQLException {
        var ids = new TreeMap<Long, Set<Long>>();
        for (Object id : db.column("SELECT id FROM workers")) {
            ids.put(((Number) id).longValue(), new TreeSet<>());
        }
        for (Object pair : db.column("SELECT worker_id || ':' || id FROM resumes WHERE " + condition)) {
            String[] parts = pair.toString().split(":");
            ids.get(Long.parseLong(parts[0])).add(Long.parseLong(parts[1]));
        }
        return ids;
    }

    private static LoadResult loadWith(Session session, LoaderStrategy strategy, Relationship relationship) {
        return session.load(allWorkers().with(strategy, relationship));
    }

    @Test
    void lazySendsOneSelectPerParentAfterTheParentQuery() {
        try (var session = db.open()) {
            LoadResult result = loadWith(session, LoaderStrategy.LAZY, resumes);
            assertThat(result.rows()).hasSize(WORKERS);
            assertThat(result.report().statementCount()).isEqualTo(1 + WORKERS);
            assertThat(result.report().statements().get(1).sql()).contains("where ? = \"resumes\".\"worker_id\"");
        }
    }

    @Test
    void joinedSendsOneLeftOuterJoinAndCountsTheRepeatedParents() throws SQLException {
        try (var session = db.open()) {
            LoadResult result = loadWith(session, LoaderStrategy.JOINED, resumes);
            assertThat(result.report().statementCount()).isEqualTo(1);
            assertThat(result.report().statements().getFirst().sql())
                    .contains("left outer join \"public\".\"resumes\" as \"resumes_1\"");
            long resumeRows = ((Number) db.scalar("SELECT count(*) FROM resumes")).longValue();
            long withResumes = ((Number) db.scalar("SELECT count(DISTINCT worker_id) FROM resumes")).longValue();
            assertThat(result.rows()).hasSize(WORKERS);
            assertThat(result.report().duplicateParentRows()).isEqualTo(resumeRows - withResumes);
        }
    }

    @Test
    void joinedWithALimitWrapsTheParentQueryInASubquery() {
        try (var session = db.open()) {
            LoadResult result = session.load(allWorkers().limit(30).offset(5).with(LoaderStrategy.JOINED, resumes));
            assertThat(result.rows()).hasSize(30);
            assertThat(result.rows().getFirst().get("id")).isEqualTo(6);
            assertThat(result.report().statements().getFirst().sql())
                    .contains("from (select \"workers\".\"id\"")
                    .contains("offset ? rows fetch next ? rows only) as \"anon_1\" left outer join");
        }
    }

    @Test
    void selectinSendsOneStatementPer500Parents() {
        try (var session = db.open()) {
            LoadResult result = loadWith(session, LoaderStrategy.SELECTIN, resumes);
            List<LoadReport.LoadStatement> statements = result.report().statements();
            assertThat(statements).hasSize(1 + (WORKERS + 499) / 500);
            assertThat(statements.subList(1, statements.size()))
                    .allSatisfy(s -> assertThat(s.binds()).hasSizeLessThanOrEqualTo(500))
                    .allSatisfy(s -> assertThat(s.sql()).contains("where \"resumes\".\"worker_id\" in ("));
        }
    }

    @Test
    void subquerySendsTheParentQueryAgainAsASubquery() {
        try (var session = db.open()) {
            LoadResult result = session.load(allWorkers().where("id <= 700").with(LoaderStrategy.SUBQUERY, resumes));
            assertThat(result.report().statements()).hasSize(2);
            assertThat(result.report().statements().get(1).sql())
                    .contains("from (select \"workers\".\"id\" from \"public\".\"workers\" where id <= 700")
                    .contains("as \"anon_1\" join \"public\".\"resumes\"")
                    .contains("order by \"anon_1\".\"id\"");
        }
    }

    @Test
    void raiseSendsNothingForTheRelationshipAndNamesIt() {
        try (var session = db.open()) {
            var sent = db.sentDuring(() -> assertThatThrownBy(() -> loadWith(session, LoaderStrategy.RAISE, resumes))
                    .isInstanceOfSatisfying(RaiseLoadException.class, e -> {
                        assertThat(e.getMessage())
                                .contains("public.workers.resumes")
                                .contains("selectin");
                        assertThat(e.report().statementCount()).isEqualTo(1);
                    }));
            assertThat(sent)
                    .extracting(EchoEvent::sql)
                    .filteredOn(sql -> !sql.equals("BEGIN"))
                    .hasSize(1);
        }
    }

    @Test
    void accessingARelationshipWhoseStrategyIsRaiseFailsWithoutSql() {
        try (var session = db.open()) {
            Row first = session.get(session.mapping("public", "workers"), 1);
            var guarded = resumes.withLoading(LoaderStrategy.RAISE);
            var sent = db.sentDuring(() -> assertThatThrownBy(() -> session.related(first, guarded))
                    .isInstanceOf(RaiseLoadException.class)
                    .hasMessageContaining("public.workers.resumes"));
            assertThat(sent).isEmpty();
        }
    }

    @Test
    void containsEagerFillsTheCollectionFromTheFilteredJoinInOneStatement() throws SQLException {
        try (var session = db.open()) {
            LoadResult result = session.load(allWorkers()
                    .with(LoadOption.containsEager(resumes, LoadOption.EagerJoin.filtered("workload = 'parttime'"))));
            assertThat(result.report().statementCount()).isEqualTo(1);
            var expected = resumeIdsInDatabase("workload = 'parttime'");
            expected.values().removeIf(Set::isEmpty);
            assertThat(resumeIds(session, result.rows(), resumes)).isEqualTo(expected);
        }
    }

    @Test
    void containsEagerWithFirstByKeepsEachWorkersNewestResume() throws SQLException {
        try (var session = db.open()) {
            LoadResult result = session.load(allWorkers()
                    .with(LoadOption.containsEager(resumes, LoadOption.EagerJoin.firstBy(new SortKey("id", true)))));
            assertThat(result.report().statementCount()).isEqualTo(1);
            assertThat(result.report().statements().getFirst().sql()).contains("fetch next 1 rows only");
            var expected = resumeIdsInDatabase("id IN (SELECT max(id) FROM resumes GROUP BY worker_id)");
            expected.values().removeIf(Set::isEmpty);
            assertThat(resumeIds(session, result.rows(), resumes)).isEqualTo(expected);
        }
    }

    @Test
    void everyStrategyLoadsTheSameResumes() throws SQLException {
        var expected = resumeIdsInDatabase("true");
        for (var strategy :
                List.of(LoaderStrategy.LAZY, LoaderStrategy.JOINED, LoaderStrategy.SELECTIN, LoaderStrategy.SUBQUERY)) {
            try (var session = db.open()) {
                LoadResult result = loadWith(session, strategy, resumes);
                assertThat(resumeIds(session, result.rows(), resumes))
                        .as(strategy.label())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void theUsersFilteredAndOrderedRelationshipGivesTheSameRowsInItsOrderUnderEveryStrategy() throws SQLException {
        var expected = new TreeMap<Long, List<Long>>();
        resumeIdsInDatabase("workload = 'parttime'")
                .forEach((w, ids) -> expected.put(w, new ArrayList<>(ids).reversed()));
        for (var strategy :
                List.of(LoaderStrategy.LAZY, LoaderStrategy.JOINED, LoaderStrategy.SELECTIN, LoaderStrategy.SUBQUERY)) {
            try (var session = db.open()) {
                LoadResult result = loadWith(session, strategy, parttime);
                var loaded = new TreeMap<Long, List<Long>>();
                for (Row w : result.rows()) {
                    loaded.put(
                            ((Number) w.get("id")).longValue(),
                            session.loadedRelated(w, parttime).orElseThrow().stream()
                                    .map(r -> ((Number) r.get("id")).longValue())
                                    .toList());
                }
                assertThat(loaded).as(strategy.label()).isEqualTo(expected);
            }
        }
    }

    @Test
    void theReportCountsWhatTheServerReallyReceived() {
        try (var session = db.open()) {
            AtomicReference<LoadResult> result = new AtomicReference<>();
            List<EchoEvent> sent = db.sentDuring(() -> result.set(loadWith(session, LoaderStrategy.SELECTIN, resumes)));
            assertThat(sent)
                    .extracting(EchoEvent::sql)
                    .filteredOn(sql -> !sql.equals("BEGIN"))
                    .containsExactlyElementsOf(result.get().report().statements().stream()
                            .map(LoadReport.LoadStatement::sql)
                            .toList());
        }
    }

    @Test
    void aRowReachedTwiceIsOneObject() {
        try (var session = db.open()) {
            LoadResult result = session.load(
                    allWorkers().with(LoaderStrategy.SELECTIN, resumes).with(LoaderStrategy.JOINED, resumes, worker));
            Row first = result.rows().getFirst();
            Row resume = session.loadedRelated(first, resumes).orElseThrow().getFirst();
            assertThat(session.loadedRelated(resume, worker).orElseThrow()).containsExactly(first);
            long resumeCount = result.rows().stream()
                    .mapToLong(
                            w -> session.loadedRelated(w, resumes).orElseThrow().size())
                    .sum();
            assertThat(session.identityMap()).hasSize((int) (result.rows().size() + resumeCount));
        }
    }

    @Test
    void aManyToOneWhoseTargetIsLoadedCostsNothing() {
        try (var session = db.open()) {
            session.load(allWorkers());
            LoadResult result = session.load(LoadQuery.of(RESUMES_TABLE).with(LoaderStrategy.LAZY, worker));
            assertThat(result.report().statementCount()).isEqualTo(1);
            Row resume = result.rows().getFirst();
            var sent = db.sentDuring(
                    () -> assertThat(session.related(resume, worker)).hasSize(1));
            assertThat(sent).isEmpty();
        }
    }

    @Test
    void aLoadKeepsTheUnflushedChangesOfRowsAlreadyInTheSession() {
        try (var session = db.open()) {
            session.autoflush(false);
            Row resume = session.get(session.mapping("public", "resumes"), 1);
            resume.set("title", "changed here");
            LoadResult result = session.load(allWorkers().where("id = 1").with(LoaderStrategy.SELECTIN, resumes));
            List<Row> loaded =
                    session.loadedRelated(result.rows().getFirst(), resumes).orElseThrow();
            assertThat(loaded).anySatisfy(r -> assertThat(r).isSameAs(resume));
            assertThat(resume.get("title")).isEqualTo("changed here");
        }
    }

    @Test
    void nestedSelectinChunksEachLevel() throws SQLException {
        try (var session = db.open()) {
            LoadResult result = session.load(allWorkers()
                    .with(LoaderStrategy.SELECTIN, resumes)
                    .with(LoaderStrategy.SELECTIN, resumes, vacancies));
            long resumeCount = ((Number) db.scalar("SELECT count(*) FROM resumes")).longValue();
            assertThat(result.report().statements())
                    .extracting(LoadReport.LoadStatement::purpose)
                    .containsExactlyElementsOf(expectedPurposes(resumeCount));
            assertThat(result.report().statements().getLast().sql()).contains("join \"public\".\"vacancies_replies\"");
            Row resume = session.get(session.mapping("public", "resumes"), 6);
            assertThat(session.loadedRelated(resume, vacancies).orElseThrow())
                    .extracting(r -> r.get("id"))
                    .containsExactlyInAnyOrder(7, 14);
        }
    }

    private static List<String> expectedPurposes(long resumeCount) {
        var purposes = new ArrayList<String>();
        purposes.add("public.workers");
        for (int i = 0; i < (WORKERS + 499) / 500; i++) {
            purposes.add("public.workers.resumes");
        }
        for (int i = 0; i < (resumeCount + 499) / 500; i++) {
            purposes.add("public.resumes.vacancies");
        }
        return purposes;
    }

    @Test
    void nestedSubqueryFollowsThePathFromTheParentQuery() {
        try (var session = db.open()) {
            LoadResult result = session.load(allWorkers()
                    .where("id <= 12")
                    .with(LoaderStrategy.SUBQUERY, resumes)
                    .with(LoaderStrategy.SUBQUERY, resumes, vacancies));
            assertThat(result.report().statementCount()).isEqualTo(3);
            Row resume = session.get(session.mapping("public", "resumes"), 6);
            assertThat(session.loadedRelated(resume, vacancies).orElseThrow())
                    .extracting(r -> r.get("id"))
                    .containsExactlyInAnyOrder(7, 14);
        }
    }

    @Test
    void compositeKeysLoadThroughTupleIn() throws SQLException {
        var regions = new QualifiedName("public", "regions");
        Relationship offices = relationships.get(regions, "offices");
        try (var session = db.open()) {
            LoadResult result = session.load(LoadQuery.of(regions).with(LoaderStrategy.SELECTIN, offices));
            assertThat(result.report().statementCount()).isEqualTo(1 + 600 / 500 + 1);
            assertThat(result.report().statements().get(1).sql())
                    .contains("(\"offices\".\"code\", \"offices\".\"number\") in ((?, ?)");
            long loaded = result.rows().stream()
                    .mapToLong(
                            r -> session.loadedRelated(r, offices).orElseThrow().size())
                    .sum();
            assertThat(loaded).isEqualTo(((Number) db.scalar("SELECT count(*) FROM offices")).longValue());
        }
    }

    @Test
    void expandingRowsAlreadyLoadedWithSelectinSendsNoParentQuery() {
        try (var session = db.open()) {
            List<Row> workers = session.load(allWorkers()).rows();
            LoadReport report = session.loadRelated(workers, List.of(LoadOption.of(LoaderStrategy.SELECTIN, resumes)));
            assertThat(report.statements())
                    .extracting(LoadReport.LoadStatement::purpose)
                    .containsOnly("public.workers.resumes")
                    .hasSize((workers.size() + 499) / 500);
            assertThat(session.isLoaded(workers.getFirst(), resumes)).isTrue();
        }
    }

    @Test
    void expandingRowsAlreadyLoadedWithJoinedSelectsThemAgainByKeyInOneStatement() {
        try (var session = db.open()) {
            List<Row> workers = session.load(allWorkers().limit(20)).rows();
            LoadReport report = session.loadRelated(workers, List.of(LoadOption.of(LoaderStrategy.JOINED, resumes)));
            assertThat(report.statementCount()).isEqualTo(1);
            assertThat(session.loadedRelated(workers.getFirst(), resumes).orElseThrow())
                    .hasSize(2);
        }
    }

    @Test
    void relatedLoadsOnceThenReadsWithoutSql() {
        try (var session = db.open()) {
            Row first = session.get(session.mapping("public", "workers"), 1);
            var firstTime = db.sentDuring(
                    () -> assertThat(session.related(first, resumes)).hasSize(2));
            assertThat(firstTime).hasSize(1);
            var again = db.sentDuring(
                    () -> assertThat(session.related(first, resumes)).hasSize(2));
            assertThat(again).isEmpty();
        }
    }

    @Test
    void fiveLazyLoadsOfOneRelationshipWarnOfNPlusOne() {
        try (var session = db.open()) {
            var events = new ArrayList<SessionEvent>();
            session.addListener(e -> {
                if (e.kind() == SessionEvent.Kind.N_PLUS_ONE) {
                    events.add(e);
                }
            });
            List<Row> workers = session.load(allWorkers().limit(5)).rows();
            for (Row w : workers) {
                session.related(w, resumes);
            }
            assertThat(events).singleElement().satisfies(e -> assertThat(e.detail())
                    .contains("public.workers.resumes")
                    .contains("selectin"));
            assertThat(session.nPlusOneWarnings()).singleElement().satisfies(w -> assertThat(w.suggested())
                    .isEqualTo(LoaderStrategy.SELECTIN));
        }
    }

    @Test
    void fourLazyLoadsDoNotWarn() {
        try (var session = db.open()) {
            for (Row w : session.load(allWorkers().limit(4)).rows()) {
                session.related(w, resumes);
            }
            assertThat(session.nPlusOneWarnings()).isEmpty();
        }
    }

    @Test
    void theLazyLoadReportCarriesTheWarningWithTheNumberOfSelects() {
        try (var session = db.open()) {
            LoadResult result = session.load(allWorkers().limit(40).with(LoaderStrategy.LAZY, resumes));
            assertThat(result.report().warnings()).singleElement().satisfies(w -> {
                assertThat(w.lazyLoads()).isEqualTo(40);
                assertThat(w.message()).contains("selectin");
            });
        }
    }

    @Test
    void appendingAVacancyInsertsTheAssociationRowAtFlush() throws SQLException {
        try (var session = db.open()) {
            Row resume = session.get(session.mapping("public", "resumes"), 1);
            Row vacancy = session.get(session.mapping("public", "vacancies"), 5);
            session.append(resume, vacancies, vacancy);
            assertThat(session.plan().statements()).singleElement().satisfies(s -> assertThat(s.sql())
                    .startsWith("insert into \"public\".\"vacancies_replies\""));
            session.commit();
        }
        assertThat(db.scalar("SELECT count(*) FROM vacancies_replies WHERE resume_id = 1 AND vacancy_id = 5"))
                .isEqualTo(1L);
        db.execute("DELETE FROM vacancies_replies WHERE resume_id = 1 AND vacancy_id = 5");
    }

    @Test
    void removingAVacancyDeletesTheAssociationRowAtFlush() throws SQLException {
        db.execute("INSERT INTO vacancies_replies (resume_id, vacancy_id) VALUES (2, 9)");
        try (var session = db.open()) {
            Row resume = session.get(session.mapping("public", "resumes"), 2);
            Row vacancy = session.get(session.mapping("public", "vacancies"), 9);
            assertThat(session.related(resume, vacancies)).contains(vacancy);
            session.remove(resume, vacancies, vacancy);
            assertThat(session.loadedRelated(resume, vacancies).orElseThrow()).doesNotContain(vacancy);
            assertThat(session.plan().statements()).singleElement().satisfies(s -> assertThat(s.operation())
                    .isEqualTo(Operation.DELETE));
            session.commit();
        }
        assertThat(db.scalar("SELECT count(*) FROM vacancies_replies WHERE resume_id = 2 AND vacancy_id = 9"))
                .isEqualTo(0L);
    }

    @Test
    void appendingANewResumeToANewWorkerGivesItTheWorkersNewKeyAtFlush() throws SQLException {
        long id;
        try (var session = db.open()) {
            Row newWorker = session.newRow("public", "workers");
            newWorker.set("username", "appended");
            session.add(newWorker);
            Row resume = session.newRow("public", "resumes");
            resume.set("title", "appended resume");
            resume.set("workload", "fulltime");
            session.append(newWorker, resumes, resume);
            assertThat(session.plan().statements().get(1).binds())
                    .anySatisfy(b -> assertThat(b).isInstanceOf(PlannedStatement.PendingKey.class));
            session.commit();
            id = ((Number) newWorker.get("id")).longValue();
        }
        assertThat(db.column("SELECT title FROM resumes WHERE worker_id = " + id))
                .containsExactly("appended resume");
        db.execute("DELETE FROM workers WHERE id = " + id);
    }

    @Test
    void aConditionThatIsNotSqlIsRefusedWithTheRelationshipsName() {
        var broken = resumes.withName("broken").withCondition(Optional.of("workload = = 'x'"));
        try (var session = db.open()) {
            assertThatThrownBy(() -> loadWith(session, LoaderStrategy.SELECTIN, broken))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("public.workers.broken");
        }
    }
}
