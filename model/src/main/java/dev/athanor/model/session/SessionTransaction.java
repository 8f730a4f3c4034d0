package dev.athanor.model.session;

import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.Savepoint;
import dev.athanor.model.engine.Transaction;
import dev.athanor.model.engine.TransactionMode;
import java.sql.Connection;

/**
 * The database transaction a session holds while one is open: a read-write {@link Transaction} begun through
 * {@link Engine#begin(String, TransactionMode)}, the Engine's one way to hold a transaction. Ending it returns the
 * connection clean.
 */
final class SessionTransaction implements AutoCloseable {
    private final Transaction transaction;

    private SessionTransaction(Transaction transaction) {
        this.transaction = transaction;
    }

    /** Begins a read-write transaction on {@code engine}, its statements echoed under {@code origin}. */
    static SessionTransaction begin(Engine engine, String origin) {
        return new SessionTransaction(engine.begin(origin, TransactionMode.READ_WRITE));
    }

    /** JDBC inside the transaction; never committed or closed by the session directly. */
    Connection connection() {
        return transaction.connection();
    }

    /** Sets a SAVEPOINT. */
    Savepoint savepoint() {
        return transaction.savepoint();
    }

    void commit() {
        transaction.commit();
    }

    /** Rolls back if still open; never throws for one already ended. */
    @Override
    public void close() {
        transaction.close();
    }
}
