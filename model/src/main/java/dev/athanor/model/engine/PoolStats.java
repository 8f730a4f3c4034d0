package dev.athanor.model.engine;

/**
 * The pool at one moment.
 *
 * @param active connections checked out and in use
 * @param idle open connections waiting in the pool (always 0 without a pool)
 * @param waiting threads waiting for a connection (without a pool: threads opening one)
 * @param total open physical connections
 * @param max most connections the pool will open, or -1 without a pool (no limit)
 */
public record PoolStats(int active, int idle, int waiting, int total, int max) {

    /** True in "no pool" mode, where {@link #max()} has no meaning. */
    public boolean unbounded() {
        return max < 0;
    }
}
