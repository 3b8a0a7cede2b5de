package ca.gardien.opencompliance;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The OpenCompliance requests received (table {@code opencompliance_request}). A {@code subject_request_id} is the
 * controller's own: unique for one controller, and another controller may use the same one for its own request.
 */
@Repository
class Submissions {

    /** What Gardien keeps of a submission: no identity, only the link to the rights request. */
    record Submission(
            UUID subjectRequestId,
            UUID requestId,
            String controllerId,
            String regulation,
            String apiVersion,
            Instant submittedTime,
            Instant receivedTime,
            Instant expectedCompletionTime,
            List<URI> callbackUrls) {}

    private final JdbcClient jdbc;

    Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID subjectRequestId, String controllerId) {
        return find(subjectRequestId, controllerId).isPresent();
    }

    void insert(Submission s) {
        jdbc.sql("INSERT INTO opencompliance_request (subject_request_id, request_id, controller_id, regulation,"
                        + " api_version, submitted_time, received_time, expected_completion_time, callback_urls)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.subjectRequestId(),
                        s.requestId(),
                        s.controllerId(),
                        s.regulation(),
                        s.apiVersion(),
                        utc(s.submittedTime()),
                        utc(s.receivedTime()),
                        utc(s.expectedCompletionTime()),
                        String.join(
                                "\n",
                                s.callbackUrls().stream().map(URI::toString).toList()))
                .update();
    }

    /** This controller's submission of the id; never another controller's. */
    Optional<Submission> find(UUID subjectRequestId, String controllerId) {
        return jdbc.sql("SELECT * FROM opencompliance_request WHERE controller_id = ? AND subject_request_id = ?")
                .params(controllerId, subjectRequestId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<Submission> forRequest(UUID requestId) {
        return jdbc.sql("SELECT * FROM opencompliance_request WHERE request_id = ?")
                .param(requestId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    private static Submission row(ResultSet rs) throws SQLException {
        var urls = rs.getString("callback_urls");
        return new Submission(
                rs.getObject("subject_request_id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getString("controller_id"),
                rs.getString("regulation"),
                rs.getString("api_version"),
                instant(rs, "submitted_time"),
                instant(rs, "received_time"),
                instant(rs, "expected_completion_time"),
                urls == null || urls.isEmpty()
                        ? List.of()
                        : Arrays.stream(urls.split("\n")).map(URI::create).toList());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
