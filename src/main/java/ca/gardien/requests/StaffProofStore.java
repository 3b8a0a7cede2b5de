package ca.gardien.requests;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff proofs of identity (table {@code requests_staff_proof}); subject {@code PERSON} or an identifier kind. */
@Repository
class StaffProofStore {

    static final String PERSON = "PERSON";

    private final JdbcClient jdbc;
    private final RequestKeys keys;

    StaffProofStore(JdbcClient jdbc, RequestKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /**
     * Records the proof unless the subject has one already (false then). Callers hold the row of what is proven (the
     * identifier, or the request for {@code PERSON}) locked, so that two calls never race past the check.
     */
    boolean insert(UUID requestId, String subject, StaffProof proof) {
        return jdbc.sql(
                                "INSERT INTO requests_staff_proof (request_id, subject, basis, reason, recorded_at, recorded_by)"
                                        + " SELECT ?, ?, ?, ?, ?, ? FROM requests_request WHERE id = ? AND NOT EXISTS"
                                        + " (SELECT 1 FROM requests_staff_proof WHERE request_id = ? AND subject = ?)")
                        .params(
                                requestId,
                                subject,
                                proof.basis().name(),
                                keys.ofRequest(requestId).seal(proof.reason()),
                                RequestStore.utc(proof.recordedAt()),
                                proof.recordedBy(),
                                requestId,
                                requestId,
                                subject)
                        .update()
                == 1;
    }

    /** The proofs of a request by subject. */
    Map<String, StaffProof> of(UUID requestId) {
        var key = keys.ofRequest(requestId);
        return jdbc
                .sql("SELECT * FROM requests_staff_proof WHERE request_id = ?")
                .param(requestId)
                .query((rs, n) -> Map.entry(
                        rs.getString("subject"),
                        new StaffProof(
                                StaffProof.Basis.valueOf(rs.getString("basis")),
                                key.open(rs.getString("reason")),
                                RequestStore.instant(rs, "recorded_at"),
                                rs.getString("recorded_by"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
