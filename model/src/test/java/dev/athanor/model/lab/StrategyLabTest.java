package dev.athanor.model.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.SslMode;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The strategy lab on the sample database: what it runs, what it reports and what it recommends. */
class StrategyLabTest {
    private static final QualifiedName WORKERS = new QualifiedName("public", "workers");

    private static Engine engine;
    private static Connection check;
    private static Catalog catalog;
    private static StrategyLab lab;

    @BeforeAll
    static void start() throws SQLException {
        var pg = TestPostgres.shared();
        String name = pg.createSampleDatabase("lab");
        check = pg.connect(name);
        catalog = CatalogLoader.load(check);
        engine = Engine.create(
                ConnectionProfile.of("lab", pg.host(), pg.port(), name, pg.superuser())
                        .withSslMode(SslMode.DISABLE),
                PasswordSource.none(),
                PoolSettings.defaults());
        lab = new StrategyLab(engine, catalog, Relationships.infer(catalog));
    }

    @AfterAll
    static void stop() throws SQLException {
        engine.close();
        check.close();
    }

    private static LabScenario resumesOf(long workers, LoaderStrategy... strategies) {
        return LabScenario.of(LabParents.table(WORKERS).limit(workers), lab.path(WORKERS, "resumes"))
                .withStrategies(List.of(strategies))
                .withRuns(1);
    }

    private static long scalar(String sql) throws SQLException {
        try (var statement = check.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void aDottedPathResolvesEachStepFromThePreviousTarget() {
        var path = lab.path(WORKERS, "resumes.worker");

        assertThat(path)
                .extracting(r -> r.qualifiedName())
                .containsExactly("public.workers.resumes", "public.resumes.worker");
    }

    @Test
    void anUnknownRelationshipIsRefusedNamingTheTablesRelationships() {
        assertThatThrownBy(() -> lab.path(WORKERS, "resume"))
                .isInstanceOfSatisfying(UnknownRelationshipException.class, e -> {
                    assertThat(e.available()).contains("resumes");
                    assertThat(e.getMessage())
                            .contains("public.workers has no relationship called 'resume'", "resumes");
                });
    }

    @Test
    void containsEagerWithoutAJoinIsNotApplicableAndSendsNothing() {
        var result = lab.run(resumesOf(10, LoaderStrategy.CONTAINS_EAGER));

        var outcome = result.outcome(LoaderStrategy.CONTAINS_EAGER).orElseThrow();
        assertThat(outcome.applicable()).isFalse();
        assertThat(outcome.notApplicable().orElseThrow()).contains("join");
        assertThat(outcome.statementCount()).isZero();
        assertThat(result.recommendation()).isEmpty();
    }

    @Test
    void containsEagerWithTheParentsOwnJoinSendsOneStatement() {
        var scenario = resumesOf(40, LoaderStrategy.CONTAINS_EAGER)
                .withEagerJoin(dev.athanor.model.session.LoadOption.EagerJoin.filtered("workload = 'parttime'"));

        var eager = lab.run(scenario).outcome(LoaderStrategy.CONTAINS_EAGER).orElseThrow();

        assertThat(eager.succeeded()).isTrue();
        assertThat(eager.statementCount()).isEqualTo(1);
    }

    @Test
    void lazySendsOneStatementPerParentAfterTheParentQuery() {
        var result = lab.run(resumesOf(25, LoaderStrategy.LAZY));

        var lazy = result.outcome(LoaderStrategy.LAZY).orElseThrow();
        assertThat(lazy.parents()).isEqualTo(25);
        assertThat(lazy.statementCount()).isEqualTo(26);
    }

    @Test
    void selectinIsRecommendedOverLazyAndJoinedForACollectionWithTheCountsInTheReason() throws SQLException {
        long parents = 1_100;
        var result = lab.run(resumesOf(parents, LoaderStrategy.LAZY, LoaderStrategy.JOINED, LoaderStrategy.SELECTIN));

        var recommendation = result.recommendation().orElseThrow();
        assertThat(recommendation.strategy()).isEqualTo(LoaderStrategy.SELECTIN);
        assertThat(recommendation.reason())
                .contains("selectin: 4 statements instead of 1,101 with lazy", "joined repeats each workers row");
        long withResumes = scalar("SELECT count(*) FROM (SELECT id FROM workers ORDER BY id LIMIT 1100) w"
                + " JOIN resumes r ON r.worker_id = w.id");
        assertThat(result.outcome(LoaderStrategy.SELECTIN).orElseThrow().rowsReceived())
                .isEqualTo(parents + withResumes);
    }

    @Test
    void joinedCountsTheParentRowsItRepeated() throws SQLException {
        var result = lab.run(resumesOf(200, LoaderStrategy.JOINED));

        long joinedRows = scalar("SELECT count(*) FROM (SELECT id FROM workers ORDER BY id LIMIT 200) w"
                + " LEFT JOIN resumes r ON r.worker_id = w.id");
        var joined = result.outcome(LoaderStrategy.JOINED).orElseThrow();
        assertThat(joined.duplicateParentRows()).isEqualTo(joinedRows - 200);
        assertThat(joined.parentRepetition()).isEqualTo(joinedRows / 200.0);
    }

    @Test
    void raiseFailsNamingTheRelationshipAndIsNeverRecommended() {
        var result = lab.run(resumesOf(5, LoaderStrategy.RAISE));

        var raise = result.outcome(LoaderStrategy.RAISE).orElseThrow();
        assertThat(raise.succeeded()).isFalse();
        assertThat(raise.error().orElseThrow()).contains("public.workers.resumes");
        assertThat(result.recommendation()).isEmpty();
    }

    @Test
    void parentsOfASavedQueryAreTheRowsItReturns() throws SQLException {
        String sql = "SELECT w.id FROM workers w WHERE w.id % 100 = 7;";
        var scenario = LabScenario.of(LabParents.query(WORKERS, "sevens", sql), lab.path(WORKERS, "resumes"))
                .withStrategies(List.of(LoaderStrategy.SELECTIN))
                .withRuns(1);

        var selectin = lab.run(scenario).outcome(LoaderStrategy.SELECTIN).orElseThrow();

        assertThat(selectin.parents()).isEqualTo(scalar("SELECT count(*) FROM workers WHERE id % 100 = 7"));
    }

    @Test
    void eachRunIsRolledBackAndLeavesNoTransactionOpen() throws SQLException {
        lab.run(resumesOf(5, LoaderStrategy.SELECTIN, LoaderStrategy.RAISE));

        assertThat(scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"))
                .isZero();
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        var median = StrategyLab.median(
                List.of(Duration.ofMillis(9), Duration.ofMillis(1), Duration.ofMillis(3), Duration.ofMillis(5)));

        assertThat(median).isEqualTo(Duration.ofMillis(4));
    }

    @Test
    void exceedingListsOnlyStrategiesThatSentMoreThanTheLimit() {
        var result =
                lab.run(resumesOf(30, LoaderStrategy.LAZY, LoaderStrategy.SELECTIN, LoaderStrategy.CONTAINS_EAGER));

        assertThat(result.exceeding(10)).extracting(StrategyOutcome::strategy).containsExactly(LoaderStrategy.LAZY);
    }
}
