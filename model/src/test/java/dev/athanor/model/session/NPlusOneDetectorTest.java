package dev.athanor.model.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.RelationshipKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When repeated lazy loads of one relationship count as the N+1 pattern. */
class NPlusOneDetectorTest {
    private static final Relationship RESUMES = new Relationship(
            "resumes",
            RelationshipKind.ONE_TO_MANY,
            new QualifiedName("public", "workers"),
            List.of("id"),
            new QualifiedName("public", "resumes"),
            List.of("worker_id"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.of("worker"),
            Optional.of("resumes_worker_id_fkey"),
            LoaderStrategy.LAZY);

    /** A clock moved by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T07:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveLoadsWithinTheWindowWarnOnce() {
        var clock = new Hand();
        var detector = new NPlusOneDetector(clock);
        int warnings = 0;
        for (int i = 0; i < 12; i++) {
            clock.now = clock.now.plusMillis(100);
            warnings += detector.lazyLoaded(RESUMES).isPresent() ? 1 : 0;
        }
        assertThat(warnings).isEqualTo(1);
    }

    @Test
    void loadsFurtherApartThanTheWindowDoNotWarn() {
        var clock = new Hand();
        var detector = new NPlusOneDetector(clock);
        for (int i = 0; i < 12; i++) {
            clock.now = clock.now.plus(Session.N_PLUS_ONE_WINDOW.dividedBy(3)).plus(Duration.ofMillis(1));
            assertThat(detector.lazyLoaded(RESUMES)).isEmpty();
        }
    }

    @Test
    void aNewBurstAfterAQuietWindowWarnsAgain() {
        var clock = new Hand();
        var detector = new NPlusOneDetector(clock);
        for (int i = 0; i < 5; i++) {
            detector.lazyLoaded(RESUMES);
        }
        clock.now = clock.now.plus(Session.N_PLUS_ONE_WINDOW).plusSeconds(1);
        int warnings = 0;
        for (int i = 0; i < 5; i++) {
            warnings += detector.lazyLoaded(RESUMES).isPresent() ? 1 : 0;
        }
        assertThat(warnings).isEqualTo(1);
    }
}
