package ca.gardien.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The persons an incident concerns (sealed addresses until the notices are done), the transmissions of their notice
 * recorded by the officer, and the supplements to the CAI.
 */
@Repository
class IncidentPersonStore {

    /** A person found; {@code sealedEmail} is null once destroyed. */
    record Row(UUID id, String sealedEmail, String language, String connector, UUID messageId) {
        @Override
        public String toString() {
            return "Row[" + id + ", " + language + "]";
        }
    }

    /** Supplementary information sent to the Commission after the first notice. */
    record Supplement(UUID id, LocalDate sentOn, String information, Instant recordedAt, String recordedBy) {}

    private final JdbcClient jdbc;

    IncidentPersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID incidentId, String sealedEmail, String language, String connector, Instant at) {
        jdbc.sql("INSERT INTO incident_person (id, incident_id, email_sealed, language, connector, found_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), incidentId, sealedEmail, language, connector, at.atOffset(ZoneOffset.UTC))
                .update();
    }

    List<Row> all(UUID incidentId) {
        return jdbc.sql("SELECT id, email_sealed, language, connector, message_id FROM incident_person"
                        + " WHERE incident_id = ? ORDER BY found_at, id")
                .param(incidentId)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("email_sealed"),
                        rs.getString("language"),
                        rs.getString("connector"),
                        rs.getObject("message_id", UUID.class)))
                .list();
    }

    /** Persons still to notify: an address held and no message queued. */
    List<Row> pending(UUID incidentId) {
        return all(incidentId).stream()
                .filter(r -> r.sealedEmail() != null && r.messageId() == null)
                .toList();
    }

    /**
     * Records the queued message; the address stays (for the mailing file) until the message actually leaves ({@link
     * #sent}), or the officer records the notices transmitted or done.
     */
    void notified(UUID personId, UUID messageId, Instant at) {
        jdbc.sql("UPDATE incident_person SET message_id = ?, notified_at = ? WHERE id = ?")
                .params(messageId, at.atOffset(ZoneOffset.UTC), personId)
                .update();
    }

    /** Erases the address of the person this message notified, once it left through the mail server. */
    int sent(UUID incidentId, UUID messageId) {
        return jdbc.sql("UPDATE incident_person SET email_sealed = NULL"
                        + " WHERE incident_id = ? AND message_id = ? AND email_sealed IS NOT NULL")
                .params(incidentId, messageId)
                .update();
    }

    /** Records a transmission of the persons' notices; the one recorded. */
    PersonsTransmissions.Transmitted addTransmitted(
            UUID incidentId, LocalDate sentOn, String means, Instant at, String by) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO incident_persons_transmitted (id, incident_id, sent_on, means, recorded_at, recorded_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, incidentId, sentOn, means, at.atOffset(ZoneOffset.UTC), by)
                .update();
        return new PersonsTransmissions.Transmitted(id, sentOn, means, at);
    }

    List<PersonsTransmissions.Transmitted> transmitted(UUID incidentId) {
        return jdbc.sql("SELECT id, sent_on, means, recorded_at FROM incident_persons_transmitted"
                        + " WHERE incident_id = ? ORDER BY sent_on, recorded_at")
                .param(incidentId)
                .query((rs, n) -> new PersonsTransmissions.Transmitted(
                        rs.getObject("id", UUID.class),
                        rs.getObject("sent_on", LocalDate.class),
                        rs.getString("means"),
                        rs.getObject("recorded_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    /** Erases every address still held for the incident; returns how many. */
    int destroy(UUID incidentId) {
        return jdbc.sql(
                        "UPDATE incident_person SET email_sealed = NULL WHERE incident_id = ? AND email_sealed IS NOT NULL")
                .param(incidentId)
                .update();
    }

    void addSupplement(UUID incidentId, Supplement s) {
        jdbc.sql("INSERT INTO incident_supplement (id, incident_id, sent_on, information, recorded_at, recorded_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        incidentId,
                        s.sentOn(),
                        s.information(),
                        s.recordedAt().atOffset(ZoneOffset.UTC),
                        s.recordedBy())
                .update();
    }

    List<Supplement> supplements(UUID incidentId) {
        return jdbc.sql("SELECT id, sent_on, information, recorded_at, recorded_by FROM incident_supplement"
                        + " WHERE incident_id = ? ORDER BY sent_on, recorded_at")
                .param(incidentId)
                .query((rs, n) -> new Supplement(
                        rs.getObject("id", UUID.class),
                        rs.getObject("sent_on", LocalDate.class),
                        rs.getString("information"),
                        rs.getObject("recorded_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getString("recorded_by")))
                .list();
    }

    /**
     * Holds the entry's row until the transaction ends: the steps on its persons (sending, a search, erasing) and the
     * records counted against a limit (supplements, transmissions) then follow one another, so two sends at once cannot
     * both find the same persons waiting, nor two records at once both pass the limit.
     */
    void lockEntry(UUID incidentId) {
        jdbc.sql("SELECT id FROM incident WHERE id = ? FOR UPDATE")
                .param(incidentId)
                .query(UUID.class)
                .optional();
    }
}
