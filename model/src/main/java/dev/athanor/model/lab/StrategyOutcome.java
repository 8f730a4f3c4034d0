package dev.athanor.model.lab;

import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.session.LoadReport.LoadStatement;
import dev.athanor.model.session.NPlusOneWarning;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one strategy cost in the scenario.
 *
 * @param strategy the strategy
 * @param notApplicable why the strategy does not apply to the scenario (nothing ran then); empty when it ran
 * @param error why the load failed ({@code raise}: the access error naming the relationship); empty on success
 * @param parents the distinct parents loaded (0 when it failed before)
 * @param statementCount statements sent, parents' query included
 * @param rowsReceived result rows received over every statement
 * @param duplicateParentRows rows of the parents' query that repeated a parent already received
 * @param time the median wall time of the runs
 * @param runTimes each run's wall time, in running order
 * @param statements the statements of the last run, in sending order
 * @param warnings the N+1 warnings the last run raised
 */
public record StrategyOutcome(
        LoaderStrategy strategy,
        Optional<String> notApplicable,
        Optional<String> error,
        int parents,
        int statementCount,
        long rowsReceived,
        long duplicateParentRows,
        Duration time,
        List<Duration> runTimes,
        List<LoadStatement> statements,
        List<NPlusOneWarning> warnings) {

    public StrategyOutcome {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(notApplicable, "notApplicable");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(time, "time");
        runTimes = List.copyOf(runTimes);
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /** A strategy that does not apply, with the reason. */
    public static StrategyOutcome notApplicable(LoaderStrategy strategy, String reason) {
        return new StrategyOutcome(
                strategy,
                Optional.of(reason),
                Optional.empty(),
                0,
                0,
                0,
                0,
                Duration.ZERO,
                List.of(),
                List.of(),
                List.of());
    }

    /** Whether the strategy ran. */
    public boolean applicable() {
        return notApplicable.isEmpty();
    }

    /** Whether the strategy ran and loaded everything. */
    public boolean succeeded() {
        return applicable() && error.isEmpty();
    }

    /**
     * How many times each parent came back in the parents' query on average: 1.0 when no row repeated a parent,
     * 4.2 when a join repeated each worker once per resume of about four.
     */
    public double parentRepetition() {
        return parents == 0 ? 1.0 : (parents + duplicateParentRows) / (double) parents;
    }

    /** The outcome in one line: {@code selectin: 3 statements, 5,200 rows, 0 duplicated parent rows, 12 ms}. */
    public String summary() {
        if (!applicable()) {
            return strategy.label() + ": not applicable (" + notApplicable.get() + ")";
        }
        if (error.isPresent()) {
            return strategy.label() + ": fails after " + statementCount + " statement"
                    + (statementCount == 1 ? "" : "s") + " (" + error.get() + ")";
        }
        return String.format(
                java.util.Locale.ROOT,
                "%s: %,d statement%s, %,d rows, %,d duplicated parent rows, %s",
                strategy.label(),
                statementCount,
                statementCount == 1 ? "" : "s",
                rowsReceived,
                duplicateParentRows,
                LabResult.millis(time));
    }
}
