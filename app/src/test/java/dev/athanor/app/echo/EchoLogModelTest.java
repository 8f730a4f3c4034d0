package dev.athanor.app.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.app.task.Background;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoLogModelTest {

    private static EchoRow statement(String origin, String sql, String... binds) {
        return new EchoRow(Instant.now(), Duration.ofMillis(3), 1, 4242, origin, sql, List.of(binds), false);
    }

    @Test
    void offeredStatementsAppearInArrivalOrder() {
        var log = new EchoLogModel(Background.synchronous());
        log.offer(statement("tree", "select 1"));
        log.offer(statement("tree", "select 2"));

        assertThat(log.rows()).extracting(EchoRow::sql).containsExactly("select 1", "select 2");
    }

    @Test
    void logKeepsOnlyTheNewestRowsBeyondItsCapacity() {
        var log = new EchoLogModel(Background.synchronous(), 3);
        for (int i = 1; i <= 5; i++) {
            log.offer(statement("tree", "select " + i));
        }

        assertThat(log.rows()).extracting(EchoRow::sql).containsExactly("select 3", "select 4", "select 5");
    }

    @Test
    void filterTextMatchesSqlOriginAndBindsIgnoringCase() {
        var log = new EchoLogModel(Background.synchronous());
        log.offer(statement("schema tree", "SELECT * FROM pg_class"));
        log.offer(statement("console", "select * from resumes where id = ?", "42"));
        log.offer(statement("details", "select 1"));

        log.filterProperty().set("RESUMES");
        assertThat(log.visibleRows()).extracting(EchoRow::origin).containsExactly("console");

        log.filterProperty().set("42");
        assertThat(log.visibleRows()).extracting(EchoRow::origin).containsExactly("console");

        log.filterProperty().set("");
        assertThat(log.visibleRows()).hasSize(3);
    }

    @Test
    void originFilterIgnoresSqlText() {
        var log = new EchoLogModel(Background.synchronous());
        log.offer(statement("schema tree", "select 'console'"));
        log.offer(statement("console", "select 2"));

        log.filterProperty().set("origin:console");

        assertThat(log.visibleRows()).extracting(EchoRow::sql).containsExactly("select 2");
    }

    @Test
    void copyTextHasOneLinePerStatementWithBinds() {
        var log = new EchoLogModel(Background.synchronous());
        log.offer(statement("console", "select *\n  from resumes where id = ?", "42"));
        log.offer(statement("tree", "select 1"));

        String text = log.copyAllText();

        assertThat(text.lines()).hasSize(2);
        assertThat(text.lines().findFirst().orElseThrow())
                .contains("console", "select * from resumes where id = ?", "binds: 42", "pid 4242");
    }

    @Test
    void clearEmptiesTheLog() {
        var log = new EchoLogModel(Background.synchronous());
        log.offer(statement("tree", "select 1"));

        log.clear();

        assertThat(log.rows()).isEmpty();
    }
}
