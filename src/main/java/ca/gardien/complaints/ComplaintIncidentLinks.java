package ca.gardien.complaints;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The links from complaints to the incidents they concern (table {@code complaints_incident_link}, ids only). */
@Repository
class ComplaintIncidentLinks {

    private final JdbcClient jdbc;

    ComplaintIncidentLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID complaintId, UUID incidentId, Instant at) {
        jdbc.sql("INSERT INTO complaints_incident_link (complaint_id, incident_id, linked_at) VALUES (?, ?, ?)")
                .params(complaintId, incidentId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** The incidents a complaint concerns. */
    List<UUID> of(UUID complaintId) {
        return jdbc.sql("SELECT incident_id FROM complaints_incident_link WHERE complaint_id = ? ORDER BY linked_at")
                .param(complaintId)
                .query(UUID.class)
                .list();
    }

    /** The complaints about an incident. */
    List<UUID> about(UUID incidentId) {
        return jdbc.sql("SELECT complaint_id FROM complaints_incident_link WHERE incident_id = ? ORDER BY linked_at")
                .param(incidentId)
                .query(UUID.class)
                .list();
    }
}
