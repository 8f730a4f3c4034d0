package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a blocked server process waits for, read from pg_blocking_pids, pg_locks and pg_stat_activity. */
class LockWaitsTest {
    private static final TestPostgres PG = TestPostgres.shared();
    private static String database;
    private static Engine engine;

    @BeforeAll
    static void start() {
        database = PG.createSampleDatabase("lock_waits");
        engine = Engine.create(
                ConnectionProfile.of("locks", PG.host(), PG.port(), database, PG.superuser()),
                PasswordSource.none(),
                PoolSettings.defaults().withMaximumPoolSize(4));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void processWaitingForNothingHasNoLockWait() throws SQLException {
        try (var idle = engine.connection("console")) {
            assertThat(LockWaits.of(engine, pid(idle))).isEmpty();
        }
    }

    @Test
    void blockedAlterNamesTheRelationTheModesAndTheHolderWithItsOrigin() throws Exception {
        try (var holder = engine.connection("table data");
                var waiter = engine.connection("console")) {
            holder.setAutoCommit(false);
            int holderPid = pid(holder);
            holder.createStatement()
                    .executeQuery("SELECT count(*) FROM workers")
                    .close();
            int waiterPid = pid(waiter);
            var alter = CompletableFuture.runAsync(() -> {
                try (var s = waiter.createStatement()) {
                    s.execute("SET lock_timeout = '20s'");
                    s.execute("ALTER TABLE workers ADD COLUMN probe int");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            Optional<LockWait> wait = Optional.empty();
            for (int i = 0; i < 100 && wait.isEmpty(); i++) {
                Thread.sleep(100);
                wait = LockWaits.of(engine, waiterPid);
            }
            holder.rollback();
            alter.get();

            assertThat(wait).hasValueSatisfying(w -> {
                assertThat(w.waitingPid()).isEqualTo(waiterPid);
                assertThat(w.relation()).contains("workers");
                assertThat(w.wantedMode()).isEqualTo("AccessExclusiveLock");
                assertThat(w.holders()).singleElement().satisfies(h -> {
                    assertThat(h.pid()).isEqualTo(holderPid);
                    assertThat(h.origin()).contains("table data");
                    assertThat(h.applicationName()).isEqualTo("Athanor");
                    assertThat(h.state()).isEqualTo("idle in transaction");
                    assertThat(h.inState()).isGreaterThanOrEqualTo(Duration.ZERO);
                    assertThat(h.query()).isEqualTo("SELECT count(*) FROM workers");
                    assertThat(h.heldModes()).containsExactly("AccessShareLock");
                });
            });
            assertThat(engine.echo().recent(LockWaits.ORIGIN)).isNotEmpty();
        }
    }

    /** The connection's server process, asked through the driver so that it is not echoed. */
    private static int pid(Connection connection) throws SQLException {
        return connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
    }
}
