package dev.athanor.model.session;

import dev.athanor.model.engine.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * {@link SessionTransaction} on a connection checked out from the Engine with auto-commit off; ending the
 * transaction returns the connection clean (auto-commit on).
 */
final class EngineTransaction implements SessionTransaction {
    private final Engine engine;
    private final Connection connection;
    private boolean open = true;

    private EngineTransaction(Engine engine, Connection connection) {
        this.engine = engine;
        this.connection = connection;
    }

    static EngineTransaction begin(Engine engine, String origin) {
        Connection connection = engine.connection(origin);
        try {
            connection.setAutoCommit(false);
            return new EngineTransaction(engine, connection);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw engine.classify(e);
        }
    }

    @Override
    public Connection connection() {
        requireOpen();
        return connection;
    }

    @Override
    public Mark savepoint() {
        requireOpen();
        try {
            Savepoint savepoint = connection.setSavepoint();
            return new Mark() {
                @Override
                public void release() {
                    try {
                        connection.releaseSavepoint(savepoint);
                    } catch (SQLException e) {
                        throw engine.classify(e);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        connection.rollback(savepoint);
                    } catch (SQLException e) {
                        throw engine.classify(e);
                    }
                }
            };
        } catch (SQLException e) {
            throw engine.classify(e);
        }
    }

    @Override
    public void commit() {
        end(true);
    }

    @Override
    public void rollback() {
        end(false);
    }

    @Override
    public void close() {
        if (open) {
            try {
                end(false);
            } catch (RuntimeException e) {
                // The connection is already given back; a failed ROLLBACK on a broken connection changes nothing.
            }
        }
    }

    private void end(boolean commit) {
        requireOpen();
        open = false;
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw engine.classify(e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // A broken connection: the pool retires it when it comes back.
            }
            try {
                connection.close();
            } catch (SQLException e) {
                // Same: nothing more to release.
            }
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("The transaction has ended.");
        }
    }
}
