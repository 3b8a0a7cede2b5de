package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseAwayTest {

    @Test
    void aLostConnectionIsTheDatabaseAwayWhereverItIsInTheChain() {
        assertThat(DatabaseAway.is(new DataAccessResourceFailureException("I/O error")))
                .isTrue();
        assertThat(DatabaseAway.is(new IllegalStateException(new SQLException("lost", "08006"))))
                .isTrue();
        assertThat(DatabaseAway.is(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedAfterTheConnectionWasLostIsTheDatabaseAway() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("I/O error"));
        assertThat(DatabaseAway.is(rollback)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseAway.is(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseAway.is(new SQLException("syntax", "42601"))).isFalse();
        assertThat(DatabaseAway.is(new TransactionSystemException("commit failed")))
                .isFalse();
        assertThat(DatabaseAway.is(new IllegalArgumentException())).isFalse();
    }
}
