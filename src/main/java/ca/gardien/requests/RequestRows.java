package ca.gardien.requests;

import ca.gardien.requests.RightsRequest.Review;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.SubjectKey;
import ca.gardien.shared.SubjectKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        // one statement: the rows and the request's key; the key is read once for them all
        var open = new ArrayList<SubjectKey>(1);
        return jdbc.sql("SELECT i.*, r.subject_key FROM requests_identifier i JOIN requests_request r"
                        + " ON r.id = i.request_id WHERE i.request_id = ? ORDER BY i.kind")
                .param(requestId)
                .query((rs, n) -> {
                    if (open.isEmpty()) {
                        open.add(keys.key(rs.getObject("subject_key", UUID.class)));
                    }
                    return identifier(rs, open.getFirst());
                })
                .list();
    }

    private List<IdentifierRow> identifiers(UUID requestId, SubjectKey open) {
        return jdbc.sql("SELECT * FROM requests_identifier WHERE request_id = ? ORDER BY kind")
                .param(requestId)
                .query((rs, n) -> identifier(rs, open))
                .list();
    }

    RightsRequest request(ResultSet rs) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var open = keys.key(rs.getObject("subject_key", UUID.class));
        var representative = rs.getString("representative");
        var staffProofs = proofs.of(id);
        var states = identifiers(id, open).stream()
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
                open.open(rs.getString("details")),
                Addressee.of(open.open(rs.getString("addressee_name")), open.open(rs.getString("postal_address"))),
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

    private static IdentifierRow identifier(ResultSet rs, SubjectKey open) throws SQLException {
        return new IdentifierRow(
                rs.getObject("request_id", UUID.class),
                IdentifierKind.valueOf(rs.getString("kind")),
                open.open(rs.getString("identifier")),
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
