package ca.gardien.requests;

import ca.gardien.requests.RightsRequest.Review;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.SubjectKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A stored request read whole: its row, its identifiers with their verification state and the staff's proofs, and the
 * review of a representative's mandate.
 */
@Component
class RequestRows {

    private final JdbcClient jdbc;
    private final StaffProofStore proofs;
    private final SubjectKeys keys;

    RequestRows(JdbcClient jdbc, StaffProofStore proofs, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.proofs = proofs;
        this.keys = keys;
    }

    /** The request's identifiers, their values opened with its subject key (null once the key is destroyed). */
    List<IdentifierRow> identifiers(UUID requestId) {
        var key = jdbc.sql("SELECT subject_key FROM requests_request WHERE id = ?")
                .param(requestId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional()
                .flatMap(k -> k)
                .orElse(null);
        return identifiers(requestId, key);
    }

    private List<IdentifierRow> identifiers(UUID requestId, UUID key) {
        return jdbc.sql("SELECT * FROM requests_identifier WHERE request_id = ? ORDER BY kind")
                .param(requestId)
                .query((rs, n) -> identifier(rs, key))
                .list();
    }

    RightsRequest request(ResultSet rs) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var key = rs.getObject("subject_key", UUID.class);
        var representative = rs.getString("representative");
        var staffProofs = proofs.of(id);
        var states = identifiers(id, key).stream()
                .map(i -> new RightsRequest.IdentifierState(
                        i.kind(),
                        i.value(),
                        i.verified(),
                        i.verifiedBy(),
                        i.lockedUntil() != null,
                        staffProofs.get(i.kind().name())))
                .toList();
        return new RightsRequest(
                id,
                rs.getString("reference"),
                RequestType.valueOf(rs.getString("type")),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getString("jurisdiction"),
                RightsRequest.Channel.valueOf(rs.getString("channel")),
                rs.getString("language"),
                rs.getString("subject_category"),
                keys.open(key, rs.getString("details")),
                representative == null ? null : RightsRequest.Representative.valueOf(representative),
                Review.valueOf(rs.getString("staff_review")),
                representative == null ? Review.NOT_REQUIRED : representativeProof(id),
                RequestStore.instant(rs, "received_at"),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("extended_due_on", LocalDate.class),
                rs.getObject("duplicate_of", UUID.class),
                states,
                staffProofs.get(StaffProofStore.PERSON),
                RequestStore.instant(rs, "purged_at"),
                rs.getInt("version"));
    }

    private Review representativeProof(UUID id) {
        var statuses = jdbc.sql("SELECT status FROM requests_document WHERE request_id = ? AND kind = 'MANDATE'")
                .param(id)
                .query(String.class)
                .list();
        if (statuses.contains("APPROVED")) {
            return Review.APPROVED;
        }
        return !statuses.isEmpty() && statuses.stream().allMatch("REJECTED"::equals) ? Review.REJECTED : Review.PENDING;
    }

    private IdentifierRow identifier(ResultSet rs, UUID key) throws SQLException {
        return new IdentifierRow(
                rs.getObject("request_id", UUID.class),
                IdentifierKind.valueOf(rs.getString("kind")),
                keys.open(key, rs.getString("identifier")),
                rs.getString("digest"),
                RequestStore.instant(rs, "verified_at"),
                rs.getString("verified_by"),
                rs.getString("code_digest"),
                RequestStore.instant(rs, "code_expires_at"),
                rs.getInt("failed_attempts"),
                RequestStore.instant(rs, "locked_until"),
                RequestStore.instant(rs, "codes_since"),
                rs.getInt("codes_sent"));
    }
}
