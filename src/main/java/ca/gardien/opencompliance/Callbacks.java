package ca.gardien.opencompliance;

import static ca.gardien.opencompliance.Submissions.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The status callbacks owed (table {@code opencompliance_callback}). A node sends a callback only after claiming it
 * with a conditional update, so that each is sent by one node at a time however many nodes run the job.
 */
@Repository
class Callbacks {

    record Callback(UUID id, UUID subjectRequestId, String url, String requestStatus, String body, int attempts) {}

    private final JdbcClient jdbc;

    Callbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a callback unless the same one (request, URL, status) is already owed: the listener may run twice. The
     * submission is its rights request's ({@code requestId}): another controller may use the same subject_request_id.
     */
    boolean add(UUID id, UUID subjectRequestId, UUID requestId, String url, String status, String body, Instant now) {
        return jdbc.sql("INSERT INTO opencompliance_callback (id, subject_request_id, request_id, url, request_status,"
                                + " body, attempts, next_attempt_at) SELECT ?, ?, ?, ?, ?, ?, 0, ?"
                                + " FROM (VALUES (1)) AS one"
                                + " WHERE NOT EXISTS (SELECT 1 FROM opencompliance_callback WHERE id = ?)")
                        .params(id, subjectRequestId, requestId, url, status, body, utc(now), id)
                        .update()
                == 1;
    }

    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM opencompliance_callback WHERE delivered_at IS NULL AND abandoned_at IS NULL"
                        + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                        + " ORDER BY next_attempt_at")
                .params(utc(now), utc(now))
                .withMaxRows(limit)
                .query(UUID.class)
                .list();
    }

    /** Claims a due callback until {@code until}; empty when another node claimed it first or it is done. */
    Optional<Callback> claim(UUID id, Instant now, Instant until) {
        int claimed = jdbc.sql("UPDATE opencompliance_callback SET claimed_until = ? WHERE id = ?"
                        + " AND delivered_at IS NULL AND abandoned_at IS NULL"
                        + " AND (claimed_until IS NULL OR claimed_until < ?)")
                .params(utc(until), id, utc(now))
                .update();
        if (claimed != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM opencompliance_callback WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Callback(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subject_request_id", UUID.class),
                        rs.getString("url"),
                        rs.getString("request_status"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .optional();
    }

    void delivered(UUID id, int attempts, Instant at) {
        jdbc.sql("UPDATE opencompliance_callback SET delivered_at = ?, attempts = ?, claimed_until = NULL,"
                        + " last_error = NULL WHERE id = ?")
                .params(utc(at), attempts, id)
                .update();
    }

    void failed(UUID id, int attempts, Instant nextAttempt, String error) {
        jdbc.sql("UPDATE opencompliance_callback SET attempts = ?, next_attempt_at = ?, claimed_until = NULL,"
                        + " last_error = ? WHERE id = ?")
                .params(attempts, utc(nextAttempt), error, id)
                .update();
    }

    void abandoned(UUID id, int attempts, Instant at, String error) {
        jdbc.sql("UPDATE opencompliance_callback SET attempts = ?, abandoned_at = ?, claimed_until = NULL,"
                        + " last_error = ? WHERE id = ?")
                .params(attempts, utc(at), error, id)
                .update();
    }
}
