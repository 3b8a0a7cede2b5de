package ca.gardien.consent;

import ca.gardien.shared.RowsById;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The purpose and day of consent records by id, in one query: the ledger page names a page's records at once, never by
 * the person's identifier.
 */
@Service
@org.springframework.modulith.NamedInterface("views")
public class ConsentRecordNames {

    /**
     * What names a record for a person: its purpose's id, its state ({@code GRANTED}, {@code REFUSED},
     * {@code WITHDRAWN}…: a refusal is no consent), when it was recorded, and whose history holds it.
     */
    public record RecordName(String purpose, String state, Instant recordedAt, UUID subject) {}

    private final JdbcClient jdbc;

    ConsentRecordNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, RecordName> of(Collection<UUID> ids) {
        return RowsById.of(
                jdbc,
                "SELECT id, purpose_id, state, recorded_at, subject_id FROM consent_record",
                ids.stream().map(UUID::toString).toList(),
                (rs, n) -> new RecordName(
                        rs.getString("purpose_id"),
                        rs.getString("state"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        UUID.fromString(rs.getString("subject_id"))));
    }
}
