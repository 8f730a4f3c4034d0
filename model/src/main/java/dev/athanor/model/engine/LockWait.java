package dev.athanor.model.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A server process waiting for a lock, and the sessions holding it (from {@code pg_blocking_pids}, {@code pg_locks}
 * and {@code pg_stat_activity}).
 *
 * @param waitingPid the process that waits
 * @param relation the table (or other relation) whose lock it waits for, as {@code regclass} prints it; empty when
 *     it waits for something else, such as another transaction to end (a row it wants to change)
 * @param wantedMode the lock mode it asked for, e.g. {@code AccessExclusiveLock}
 * @param holders the sessions it waits for, by pid
 */
public record LockWait(int waitingPid, Optional<String> relation, String wantedMode, List<Holder> holders) {

    public LockWait {
        holders = List.copyOf(holders);
    }

    /**
     * A session that holds up the waiting one.
     *
     * @param pid its server process
     * @param applicationName what it calls itself ({@code application_name}; "Athanor" for the product's own)
     * @param origin the part of this product that last used the connection ("table data", "console"...), from this
     *     Engine's echo log; empty when the connection is not one of this Engine's
     * @param state {@code active}, {@code idle in transaction}...
     * @param inState how long it has been in that state
     * @param query its last statement (its current one when active)
     * @param heldModes the modes it holds on {@code relation}, e.g. {@code AccessShareLock}; empty when unknown
     */
    public record Holder(
            int pid,
            String applicationName,
            Optional<String> origin,
            String state,
            Duration inState,
            String query,
            List<String> heldModes) {

        public Holder {
            heldModes = List.copyOf(heldModes);
        }

        /** Whether the holder is one of this Engine's own connections. */
        public boolean isOwn() {
            return origin.isPresent();
        }
    }
}
