package dev.athanor.model.session;

import dev.athanor.model.relationship.Relationship;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts lazy loads per relationship in a sliding window and says when they form the N+1 pattern: {@code
 * threshold} loads within {@code window}. Warns once per burst: a relationship warns again only after its lazy
 * loads stopped for a whole window.
 */
final class NPlusOneDetector {
    private final Clock clock;
    private final int threshold;
    private final Duration window;
    private final Map<Relationship, Deque<Instant>> loads = new HashMap<>();
    private final Set<Relationship> warned = new HashSet<>();

    NPlusOneDetector(Clock clock) {
        this(clock, Session.N_PLUS_ONE_THRESHOLD, Session.N_PLUS_ONE_WINDOW);
    }

    NPlusOneDetector(Clock clock, int threshold, Duration window) {
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
    }

    /** Records one lazy load of {@code relationship}; gives a warning when it completes the pattern. */
    Optional<NPlusOneWarning> lazyLoaded(Relationship relationship) {
        Instant now = clock.instant();
        Deque<Instant> times = loads.computeIfAbsent(relationship, r -> new ArrayDeque<>());
        if (!times.isEmpty() && Duration.between(times.getLast(), now).compareTo(window) > 0) {
            warned.remove(relationship);
        }
        times.addLast(now);
        while (Duration.between(times.getFirst(), now).compareTo(window) > 0) {
            times.removeFirst();
        }
        if (times.size() >= threshold && warned.add(relationship)) {
            return Optional.of(
                    new NPlusOneWarning(relationship, times.size(), NPlusOneWarning.suggestionFor(relationship)));
        }
        return Optional.empty();
    }
}
