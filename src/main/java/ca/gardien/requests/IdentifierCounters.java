package ca.gardien.requests;

import static ca.gardien.requests.RequestStore.utc;

import ca.gardien.shared.IdentifierKind;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The verification bookkeeping of {@code requests_identifier}, changed only by conditional updates: the limit is part
 * of the {@code WHERE} clause and the update count says whether the call got its turn. Concurrent calls on one
 * identifier wait for each other's row lock and re-check the condition (PostgreSQL and H2 alike), so 64 parallel
 * guesses evaluate at most {@code max-attempts} codes and 100 parallel sends create at most {@code max-codes-per-hour}.
 */
@Repository
class IdentifierCounters {

    private final JdbcClient jdbc;

    IdentifierCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new code if the identifier is unverified, unlocked and has been sent fewer than {@code max} codes since
     * {@code windowStart} (a window older than that starts again at {@code now}). The new code gets its own
     * {@code max-attempts} guesses: the failed count starts again, the hourly count of codes bounds the guesses.
     */
    boolean claimSend(
            UUID requestId,
            IdentifierKind kind,
            Instant now,
            Instant windowStart,
            int max,
            String code,
            Instant expires) {
        return jdbc.sql("UPDATE requests_identifier SET"
                                + " codes_sent = CASE WHEN codes_since IS NULL OR codes_since <= ? THEN 1"
                                + " ELSE codes_sent + 1 END,"
                                + " codes_since = CASE WHEN codes_since IS NULL OR codes_since <= ? THEN ?"
                                + " ELSE codes_since END,"
                                + " code_digest = ?, code_expires_at = ?, failed_attempts = 0"
                                + " WHERE request_id = ? AND kind = ? AND verified_at IS NULL"
                                + " AND (locked_until IS NULL OR locked_until <= ?)"
                                + " AND (codes_since IS NULL OR codes_since <= ? OR codes_sent < ?)")
                        .params(
                                utc(windowStart),
                                utc(windowStart),
                                utc(now),
                                code,
                                utc(expires),
                                requestId,
                                kind.name(),
                                utc(now),
                                utc(windowStart),
                                max)
                        .update()
                == 1;
    }

    /**
     * Counts one attempt against the current code before it is compared: only while the identifier is unverified,
     * unlocked, holds an unexpired code and has had fewer than {@code max} attempts on it.
     */
    boolean claimAttempt(UUID requestId, IdentifierKind kind, Instant now, int max) {
        return jdbc.sql("UPDATE requests_identifier SET failed_attempts = failed_attempts + 1"
                                + " WHERE request_id = ? AND kind = ? AND verified_at IS NULL AND code_digest IS NOT NULL"
                                + " AND code_expires_at > ? AND (locked_until IS NULL OR locked_until <= ?)"
                                + " AND failed_attempts < ?")
                        .params(requestId, kind.name(), utc(now), utc(now), max)
                        .update()
                == 1;
    }

    /** Marks the identifier verified (once: false when it already was) and clears its code, attempts and lock. */
    boolean markVerified(UUID requestId, IdentifierKind kind, Instant at, String method) {
        return jdbc.sql("UPDATE requests_identifier SET verified_at = ?, verified_by = ?, code_digest = NULL,"
                                + " code_expires_at = NULL, failed_attempts = 0, locked_until = NULL"
                                + " WHERE request_id = ? AND kind = ? AND verified_at IS NULL")
                        .params(utc(at), method, requestId, kind.name())
                        .update()
                == 1;
    }

    /** Locks the identifier until {@code until}: its code is dropped and a new one must be asked for afterwards. */
    void lock(UUID requestId, IdentifierKind kind, Instant until) {
        jdbc.sql("UPDATE requests_identifier SET locked_until = ?, code_digest = NULL, code_expires_at = NULL,"
                        + " failed_attempts = 0 WHERE request_id = ? AND kind = ?")
                .params(utc(until), requestId, kind.name())
                .update();
    }
}
