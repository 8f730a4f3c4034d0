package dev.athanor.model.engine;

import java.sql.SQLException;

/** A savepoint inside a {@link Transaction}, made with {@link Transaction#savepoint()}. */
public final class Savepoint {
    private final Transaction transaction;
    private final String name;
    private final java.sql.Savepoint jdbc;

    Savepoint(Transaction transaction, String name, java.sql.Savepoint jdbc) {
        this.transaction = transaction;
        this.name = name;
        this.jdbc = jdbc;
    }

    /** The name sent to the server, e.g. {@code sp_1}. */
    public String name() {
        return name;
    }

    /** RELEASE SAVEPOINT: keeps what was done since, and forgets the savepoint. */
    public void release() {
        run(true);
    }

    /** ROLLBACK TO SAVEPOINT: undoes what was done since; the savepoint stays, as in SQL. */
    public void rollback() {
        run(false);
    }

    private void run(boolean release) {
        var lock = transaction.lock();
        lock.lock();
        try {
            var connection = transaction.connection();
            if (release) {
                connection.releaseSavepoint(jdbc);
            } else {
                connection.rollback(jdbc);
            }
        } catch (SQLException e) {
            throw transaction.classify(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Savepoint[" + name + "]";
    }
}
