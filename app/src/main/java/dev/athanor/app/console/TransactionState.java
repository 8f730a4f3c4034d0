package dev.athanor.app.console;

/** Where the console's own connection stands, as the status bar shows it. */
public enum TransactionState {
    /** No transaction open: the next statement starts one. */
    IDLE,
    /** Statements ran since the last commit or rollback; their effects are visible only to this console. */
    IN_TRANSACTION,
    /** A statement failed inside the transaction; PostgreSQL refuses further work until a rollback. */
    FAILED
}
