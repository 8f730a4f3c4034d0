package dev.athanor.model.engine;

/** How a transaction begun through the {@link Engine} behaves. */
public enum TransactionMode {
    /** Default isolation (READ COMMITTED); may write. */
    READ_WRITE,
    /** {@code SET TRANSACTION READ ONLY}: browsing, result grids, command-line runs. A write fails (25006). */
    READ_ONLY,
    /** Read only and REPEATABLE READ: several statements see one snapshot (the catalog load). */
    READ_ONLY_SNAPSHOT;

    boolean readOnly() {
        return this != READ_WRITE;
    }
}
