package dev.athanor.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.graph.GraphNode.ObjectNode;
import dev.athanor.app.graph.GraphNode.RelationshipNode;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.session.Session;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relationship browser's view model on the sample database, its loads run in the calling thread. */
class ObjectGraphModelTest {
    private static final QualifiedName WORKERS = new QualifiedName("public", "workers");
    private static final QualifiedName RESUMES = new QualifiedName("public", "resumes");

    private Engine engine;
    private Session session;
    private ObjectGraphModel graph;

    @BeforeEach
    void open() throws SQLException {
        var pg = TestPostgres.shared();
        String db = pg.createSampleDatabase("object_graph");
        engine = Engine.create(
                ConnectionProfile.of("graph", pg.host(), pg.port(), db, pg.superuser()),
                PasswordSource.none(),
                PoolSettings.defaults().withMaximumPoolSize(2).withMinimumIdle(0));
        try (var c = pg.connect(db)) {
            session = Session.open(engine, CatalogLoader.load(c));
        }
        graph = new ObjectGraphModel(new SessionLane() {
            @Override
            public <T> void run(String description, Function<Session, T> work, Consumer<? super T> then) {
                then.accept(work.apply(session));
            }
        });
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private ObjectNode openWorker(long id) {
        graph.openRow(WORKERS, List.of("id"), List.of(id));
        assertThat(graph.problemProperty().get()).isNull();
        assertThat(graph.roots()).hasSize(1);
        return graph.roots().getFirst();
    }

    private static RelationshipNode line(ObjectNode object, String name) {
        return object.children().stream()
                .filter(line -> line.relationship().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(object.label() + " has no " + name + ": " + object.children()));
    }

    private RelationshipNode expand(ObjectNode object, String name, LoaderStrategy strategy) {
        var line = line(object, name);
        graph.choose(line.relationship(), strategy);
        graph.expand(line);
        return line;
    }

    @Test
    void anOpenedRowIsTheOnlyRootAndOffersItsRelationships() {
        var worker = openWorker(1);

        assertThat(worker.label()).startsWith("workers #1");
        assertThat(worker.children()).extracting(GraphNode::label).contains("resumes");
    }

    @Test
    void aLazyExpansionSendsOneSelectForThatObject() {
        var worker = openWorker(1);

        var resumes = expand(worker, "resumes", LoaderStrategy.LAZY);

        assertThat(graph.statementCountProperty().get()).isEqualTo(1);
        assertThat(graph.sqlProperty().get()).containsIgnoringCase("from").contains("resumes");
        assertThat(resumes.children()).isNotEmpty().allSatisfy(r -> assertThat(r.label())
                .startsWith("resumes #"));
    }

    @Test
    void aSelectinExpansionOfARootRunsTheRootQueryAgainWithItsInLoad() {
        var worker = openWorker(1);

        expand(worker, "resumes", LoaderStrategy.SELECTIN);

        assertThat(graph.statementCountProperty().get()).isEqualTo(2);
        assertThat(graph.sqlProperty().get()).containsIgnoringCase(" IN ");
    }

    @Test
    void anEagerLoadFillsTheSiblingsSoTheirExpansionSendsNothing() {
        graph.openTable(WORKERS);
        assertThat(graph.roots()).hasSize(ObjectGraphModel.ROOT_LIMIT);
        expand(graph.roots().getFirst(), "resumes", LoaderStrategy.SELECTIN);

        var second = expand(graph.roots().get(1), "resumes", LoaderStrategy.SELECTIN);

        assertThat(graph.statementCountProperty().get()).isZero();
        assertThat(second.children()).isNotEmpty();
    }

    @Test
    void lazyExpansionsOfSeveralObjectsRaiseTheNPlusOneWarning() {
        graph.openTable(WORKERS);

        for (int i = 0; i < Session.N_PLUS_ONE_THRESHOLD; i++) {
            assertThat(graph.warningProperty().get())
                    .as("after %d lazy loads", i)
                    .isEmpty();
            expand(graph.roots().get(i), "resumes", LoaderStrategy.LAZY);
        }

        assertThat(graph.warningProperty().get())
                .contains("N+1")
                .contains("resumes")
                .contains("selectin");
    }

    @Test
    void raiseRefusesToLoadAndSaysSoInPlainWords() {
        var worker = openWorker(1);

        var resumes = expand(worker, "resumes", LoaderStrategy.RAISE);

        assertThat(graph.problemProperty().get()).isNotNull();
        assertThat(graph.problemProperty().get().message()).contains("resumes").contains("raise");
        assertThat(graph.problemProperty().get().message()).doesNotContain("Exception");
        assertThat(resumes.loaded().get()).isFalse();
        assertThat(graph.statementCountProperty().get()).isZero();
    }

    @Test
    void anObjectReachedByTwoPathsIsOneRowAndNamesTheOtherPath() {
        var worker = openWorker(1);
        var resume = expand(worker, "resumes", LoaderStrategy.LAZY).children().getFirst();

        var back = expand(resume, "worker", LoaderStrategy.LAZY).children().getFirst();

        assertThat(back.row()).isSameAs(worker.row());
        assertThat(back.alsoAt().get()).isEqualTo("root");
        assertThat(worker.alsoAt().get()).isEqualTo("resumes › worker");
    }

    @Test
    void loadingAgainWithAnotherStrategyKeepsTheLinesOpenedBelow() {
        var worker = openWorker(1);
        var resumes = expand(worker, "resumes", LoaderStrategy.LAZY);
        var resume = resumes.children().getFirst();
        var back = expand(resume, "worker", LoaderStrategy.LAZY);

        graph.choose(resumes.relationship(), LoaderStrategy.SELECTIN);
        graph.reload(resumes);

        assertThat(graph.statementCountProperty().get()).isEqualTo(2);
        assertThat(resumes.children().getFirst()).isSameAs(resume);
        assertThat(resume.children()).contains(back);
    }

    @Test
    void aNewResumeAddedToAWorkerIsPendingWithTheWorkerAsItsParent() {
        var worker = openWorker(1);
        var resumes = expand(worker, "resumes", LoaderStrategy.LAZY);
        int before = resumes.children().size();

        graph.appendNew(resumes);

        assertThat(graph.problemProperty().get()).isNull();
        assertThat(session.newRows()).singleElement().satisfies(row -> {
            assertThat(row.mapping().name()).isEqualTo(RESUMES);
            assertThat(row.parents().values()).containsExactly(worker.row());
        });
        assertThat(resumes.children()).hasSize(before + 1);
    }

    @Test
    void aVacancyLinkedToAResumeIsAnAssociationRowInTheFlushPlan() {
        var worker = openWorker(1);
        var resume = expand(worker, "resumes", LoaderStrategy.LAZY).children().getFirst();
        var vacancies = expand(resume, "vacancies", LoaderStrategy.LAZY);
        long unlinked = firstVacancyNotIn(vacancies);

        graph.link(vacancies, List.of(unlinked));

        assertThat(graph.problemProperty().get()).isNull();
        assertThat(session.plan().toString()).containsIgnoringCase("insert").contains("vacancies_replies");
    }

    private static long firstVacancyNotIn(RelationshipNode vacancies) {
        var linked = vacancies.children().stream()
                .map(v -> ((Number) v.row().key().orElseThrow().values().getFirst()).longValue())
                .toList();
        long id = 1;
        while (linked.contains(id)) id++;
        return id;
    }
}
