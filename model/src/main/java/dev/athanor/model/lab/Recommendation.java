package dev.athanor.model.lab;

import dev.athanor.model.relationship.LoaderStrategy;
import java.util.Objects;

/**
 * The strategy the lab recommends for the scenario, and why, in a person's words: {@code selectin: 3 statements
 * instead of 1,001 with lazy; joined repeats each parent row 4.2 times}.
 *
 * @param strategy the recommended strategy
 * @param reason why, from the measured figures
 */
public record Recommendation(LoaderStrategy strategy, String reason) {
    public Recommendation {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reason, "reason");
    }
}
