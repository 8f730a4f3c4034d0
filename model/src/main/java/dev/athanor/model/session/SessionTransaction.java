package dev.athanor.model.session;

import dev.athanor.model.engine.Engine;
import java.sql.Connection;

/**
 * The database transaction a session holds while one is open: the only place the session touches how a
 * transaction is begun, ended and marked with savepoints.
 */
interface SessionTransaction extends AutoCloseable {

    /** JDBC inside the transaction; never committed or closed by the session directly. */
    Connection connection();

    /** Sets a savepoint; returns its handle. */
    Mark savepoint();

    void commit();

    void rollback();

    /** Rolls back if still open; never throws for one already ended. */
    @Override
    void close();

    /** A savepoint inside the transaction. */
    interface Mark {
        void release();

        void rollback();
    }

    /** Begins a read-write transaction on {@code engine}, its statements echoed under {@code origin}. */
    static SessionTransaction begin(Engine engine, String origin) {
        return EngineTransaction.begin(engine, origin);
    }
}
