package dev.athanor.model.lab;

import dev.athanor.model.relationship.LoaderStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The scenario's outcomes, one per chosen strategy in the scenario's order, and the recommendation.
 *
 * @param scenario the scenario run
 * @param outcomes one per strategy of the scenario, same order
 * @param recommendation the recommended strategy; empty when no strategy loaded everything
 */
public record LabResult(LabScenario scenario, List<StrategyOutcome> outcomes, Optional<Recommendation> recommendation) {

    public LabResult {
        Objects.requireNonNull(scenario, "scenario");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(recommendation, "recommendation");
    }

    /** The outcome of {@code strategy}, when the scenario ran it. */
    public Optional<StrategyOutcome> outcome(LoaderStrategy strategy) {
        return outcomes.stream().filter(o -> o.strategy() == strategy).findFirst();
    }

    /** The strategies that ran and sent more than {@code maxStatements} statements (a guard against N+1). */
    public List<StrategyOutcome> exceeding(int maxStatements) {
        return outcomes.stream()
                .filter(StrategyOutcome::applicable)
                .filter(o -> o.statementCount() > maxStatements)
                .toList();
    }

    static String millis(Duration time) {
        return String.format(Locale.ROOT, "%.1f ms", time.toNanos() / 1_000_000.0);
    }
}
