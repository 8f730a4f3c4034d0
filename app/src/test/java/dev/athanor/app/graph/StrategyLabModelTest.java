package dev.athanor.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.PasswordSource;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.lab.StrategyLab;
import dev.athanor.model.lab.StrategyOutcome;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The strategy lab's view model on the sample database, its runs in the calling thread. */
class StrategyLabModelTest {
    private Engine engine;
    private StrategyLabModel lab;

    @BeforeEach
    void open() throws SQLException {
        var pg = TestPostgres.shared();
        String db = pg.createSampleDatabase("strategy_lab");
        engine = Engine.create(
                ConnectionProfile.of("lab", pg.host(), pg.port(), db, pg.superuser()),
                PasswordSource.none(),
                PoolSettings.defaults().withMaximumPoolSize(2).withMinimumIdle(0));
        Catalog catalog;
        try (var c = pg.connect(db)) {
            catalog = CatalogLoader.load(c);
        }
        lab = new StrategyLabModel(
                Background.synchronous(), () -> new StrategyLab(engine, catalog, Relationships.infer(catalog)));
        lab.limitProperty().set(20);
        lab.runsProperty().set(1);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aRunMeasuresEveryStrategyAndRecommendsOne() {
        lab.run();

        assertThat(lab.problemProperty().get()).isNull();
        assertThat(lab.outcomes()).extracting(StrategyOutcome::strategy).contains(LoaderStrategy.values());
        assertThat(lab.recommendationProperty().get())
                .startsWith("Recommended: ")
                .contains("selectin");
    }

    @Test
    void lazyNeedsOneStatementPerParentMoreThanTheParentsQuery() {
        lab.run();

        var lazy = lab.outcomes().stream()
                .filter(o -> o.strategy() == LoaderStrategy.LAZY)
                .findFirst()
                .orElseThrow();
        assertThat(lazy.statementCount()).isEqualTo(21);
    }

    @Test
    void anUnknownRelationshipIsAProblemNamingTheTablesRelationships() {
        lab.pathProperty().set("holidays");

        lab.run();

        assertThat(lab.problemProperty().get()).isNotNull();
        assertThat(lab.problemProperty().get().message()).contains("resumes");
        assertThat(lab.outcomes()).isEmpty();
    }
}
