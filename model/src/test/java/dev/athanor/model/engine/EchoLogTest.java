package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoLogTest {
    private static EchoLog.EventDraft draft(String sql) {
        return new EchoLog.EventDraft(Instant.now(), "test", 1, sql, List.of(), 1, Duration.ZERO, 0, false, null);
    }

    @Test
    void ringKeepsOnlyTheNewestEvents() {
        var log = new EchoLog(3);
        for (var i = 1; i <= 5; i++) {
            log.publish(draft("SELECT " + i));
        }

        assertThat(log.recent()).extracting(EchoEvent::sql).containsExactly("SELECT 3", "SELECT 4", "SELECT 5");
        assertThat(log.recent()).extracting(EchoEvent::sequence).containsExactly(3L, 4L, 5L);
    }

    @Test
    void clearEmptiesTheRingButKeepsNumbering() {
        var log = new EchoLog();
        log.publish(draft("SELECT 1"));
        log.clear();
        var next = log.publish(draft("SELECT 2"));

        assertThat(log.recent()).containsExactly(next);
        assertThat(next.sequence()).isEqualTo(2);
    }
}
