package dev.athanor.model.engine;

/** The state of a transaction as the server last reported it. */
public enum TransactionStatus {
    /** No transaction block is open on the server (nothing sent yet, or it ended). */
    IDLE,
    /** A transaction block is open and healthy. */
    ACTIVE,
    /** A statement failed inside the block: the server refuses everything but a rollback (SQLSTATE 25P02). */
    FAILED
}
