package dev.athanor.app.graph;

import dev.athanor.app.problem.Problem;
import dev.athanor.app.task.Background;
import dev.athanor.model.lab.LabParents;
import dev.athanor.model.lab.LabResult;
import dev.athanor.model.lab.LabScenario;
import dev.athanor.model.lab.StrategyLab;
import dev.athanor.model.lab.StrategyOutcome;
import dev.athanor.model.session.LoadOption.EagerJoin;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The strategy lab window's state: one browse scenario (parents from a table or a query, the relationship path to
 * load, hence its depth) run under every strategy, each in a fresh session rolled back afterwards, and the
 * outcomes side by side with the recommendation and its reason. The runs go through {@link Background}: they send
 * hundreds of statements.
 */
public final class StrategyLabModel {
    private final Background background;
    private final Supplier<StrategyLab> lab;
    private final StringProperty table = new SimpleStringProperty(this, "table", "workers");
    private final StringProperty where = new SimpleStringProperty(this, "where", "");
    private final StringProperty parentsQuery = new SimpleStringProperty(this, "parentsQuery", "");
    private final IntegerProperty limit = new SimpleIntegerProperty(this, "limit", 200);
    private final StringProperty path = new SimpleStringProperty(this, "path", "resumes");
    private final StringProperty eagerFilter = new SimpleStringProperty(this, "eagerFilter", "");
    private final IntegerProperty runs = new SimpleIntegerProperty(this, "runs", LabScenario.DEFAULT_RUNS);
    private final ObservableList<StrategyOutcome> outcomes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper recommendation = new ReadOnlyStringWrapper(this, "recommendation", "");
    private final ReadOnlyStringWrapper scenario = new ReadOnlyStringWrapper(this, "scenario", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private Background.Job job;

    /** @param lab the lab on the connection's engine and catalog, made when a run starts */
    public StrategyLabModel(Background background, Supplier<StrategyLab> lab) {
        this.background = background;
        this.lab = lab;
    }

    /** Runs the scenario under every strategy; outcomes show as each is measured. */
    public void run() {
        if (job != null) job.cancel();
        outcomes.clear();
        recommendation.set("");
        problem.set(null);
        StrategyLab on;
        LabScenario chosen;
        try {
            on = lab.get();
            chosen = scenario(on);
        } catch (RuntimeException e) {
            problem.set(Problem.describe("The scenario cannot run", e));
            return;
        }
        scenario.set(describe(chosen));
        running.set(true);
        job = background.submit(
                "Strategy lab: " + describe(chosen),
                () -> on.run(chosen, outcome -> background.onUiThread(() -> outcomes.add(outcome))),
                this::show,
                failure -> {
                    running.set(false);
                    problem.set(Problem.describe("The strategy lab failed", failure));
                });
    }

    private LabScenario scenario(StrategyLab on) {
        var parentTable = ObjectGraphView.qualified(table.get().strip());
        var parents = parentsQuery.get().isBlank()
                ? LabParents.table(parentTable).where(where.get())
                : LabParents.query(parentTable, "parents query", parentsQuery.get());
        if (limit.get() > 0) parents = parents.limit(limit.get());
        var scenario = LabScenario.of(parents, on.path(parentTable, path.get().strip()))
                .withRuns(Math.max(1, runs.get()));
        return eagerFilter.get().isBlank() ? scenario : scenario.withEagerJoin(EagerJoin.filtered(eagerFilter.get()));
    }

    static String describe(LabScenario scenario) {
        return scenario.parents().describe() + " → "
                + scenario.paths().stream()
                        .map(LabScenario::dotted)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("")
                + " (depth " + scenario.depth() + ", median of " + scenario.runs() + " run"
                + (scenario.runs() == 1 ? "" : "s") + ")";
    }

    private void show(LabResult result) {
        running.set(false);
        outcomes.setAll(result.outcomes());
        recommendation.set(result.recommendation()
                .map(r -> "Recommended: " + r.strategy().label() + ". " + r.reason())
                .orElse("No strategy loaded everything; see the errors in the table."));
    }

    public StringProperty tableProperty() {
        return table;
    }

    /** A condition on the parents, SQL over the table's columns; empty for all rows. */
    public StringProperty whereProperty() {
        return where;
    }

    /** A query whose rows (with the table's key) are the parents; empty to take the table's rows. */
    public StringProperty parentsQueryProperty() {
        return parentsQuery;
    }

    /** At most this many parents; 0 for all. */
    public IntegerProperty limitProperty() {
        return limit;
    }

    /** The relationship path from the parents, dotted: {@code resumes.vacancies}. */
    public StringProperty pathProperty() {
        return path;
    }

    /** contains_eager's own join: a condition on the joined rows ({@code workload = 'parttime'}). */
    public StringProperty eagerFilterProperty() {
        return eagerFilter;
    }

    /** Runs per strategy; the time shown is their median. */
    public IntegerProperty runsProperty() {
        return runs;
    }

    /** One outcome per strategy, in the scenario's order. */
    public ObservableList<StrategyOutcome> outcomes() {
        return outcomes;
    }

    /** The recommended strategy and why; empty until a run ends. */
    public ReadOnlyStringProperty recommendationProperty() {
        return recommendation.getReadOnlyProperty();
    }

    /** The scenario of the last run, in words. */
    public ReadOnlyStringProperty scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
