package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseErrorsTest {
    private static final ConnectionProfile PROFILE = ConnectionProfile.of("p", "db.local", 5999, "shop", "alice");

    @Test
    void poolTimeoutWithAConnectFailureIsServerUnreachable() {
        var refused = new PSQLException(
                "Connection to db.local:5999 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        var timeout = new SQLTransientConnectionException("pool - Connection is not available", "08001", refused);

        var failure = DatabaseErrors.classify(timeout, PROFILE);

        assertThat(failure).isInstanceOf(ServerUnreachable.class);
        assertThat(failure.userMessage()).isEqualTo("Cannot reach the server at db.local:5999: connection refused.");
        assertThat(failure.getCause()).isSameAs(timeout);
    }

    @Test
    void poolTimeoutWithoutCauseIsPoolExhausted() {
        var timeout = new SQLTransientConnectionException("pool - Connection is not available, request timed out");

        assertThat(DatabaseErrors.classify(timeout)).isInstanceOf(PoolExhausted.class);
    }

    @Test
    void jooqWrappedDriverFailureIsClassifiedByTheDriverState() {
        var driver = new SQLException("could not serialize access", "40001");
        var wrapped = new DataAccessException("SQL [update ...]", driver);

        assertThat(DatabaseErrors.classify(wrapped)).isInstanceOf(SerializationFailure.class);
    }

    @Test
    void alreadyClassifiedFailureIsReturnedAsIs() {
        var known = DatabaseErrors.classify(new SQLException("x", "40P01"));

        assertThat(DatabaseErrors.classify(new RuntimeException(known))).isSameAs(known);
    }

    @Test
    void abortedTransactionSaysARollbackIsNeeded() {
        var failure = DatabaseErrors.classify(new SQLException(
                "current transaction is aborted, commands ignored until end of transaction block", "25P02"));

        assertThat(failure).isInstanceOf(TransactionAborted.class);
        assertThat(failure.userMessage()).contains("Roll it back");
        assertThat(failure.details()).contains("current transaction is aborted");
    }

    @Test
    void unknownStateIsOtherWithTheServerText() {
        var failure = DatabaseErrors.classify(new SQLException("disk full", "53100"));

        assertThat(failure).isInstanceOf(OtherDatabaseError.class);
        assertThat(failure.userMessage()).isEqualTo("Disk full.");
        assertThat(failure.sqlState()).isEqualTo("53100");
    }

    @Test
    void detailsNeverShowAPasswordFromAConnectionString() {
        var failure = DatabaseErrors.classify(new SQLException("bad url postgresql://bob:hunter2@h/d", "08001"));

        assertThat(failure.details()).doesNotContain("hunter2");
        assertThat(failure.userMessage()).doesNotContain("hunter2");
    }
}
