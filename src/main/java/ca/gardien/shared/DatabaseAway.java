package ca.gardien.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that Gardien's database is away (restarting, unreachable, out of connections) rather than a
 * fault in the call: the caller gets {@code 503} with {@code Retry-After} instead of {@code 500}, and nothing was
 * committed (the transaction could not begin, or failed before its commit).
 */
public final class DatabaseAway {

    /** What the caller is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseAway() {}

    public static boolean is(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback // the rollback failed on the lost connection too
                    && rollback.getApplicationException() != null
                    && is(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQL states of a lost or refused connection: class 08, and PostgreSQL's shutdown and start-up states (57P0x). */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
