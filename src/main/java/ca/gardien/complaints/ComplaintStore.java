package ca.gardien.complaints;

import ca.gardien.shared.ChangedMeanwhile;
import ca.gardien.shared.SubjectKey;
import ca.gardien.shared.SubjectKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Complaint files, their steps and documents (tables {@code complaints_*}). What the complainant wrote and who they are
 * (name, email, phone, postal address, subject, reasons), the steps' words and the documents are sealed under the file's own subject
 * key ({@link SubjectKeys}), destroyed with the file: a database dump taken before holds nothing readable about them.
 * Files stored before sealing have no key and are read as they were stored.
 */
@Repository
class ComplaintStore {

    private final JdbcClient jdbc;
    private final SubjectKeys keys;

    ComplaintStore(JdbcClient jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    void insert(Complaint c) {
        var key = keys.key(keys.create());
        jdbc.sql("INSERT INTO complaints_complaint (id, reference, status, channel, language, name, email, phone,"
                        + " postal_address, subject, reasons, received_on, received_at, due_on, assigned_to,"
                        + " request_id, concerns_refusal, subject_key, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        c.id(),
                        c.reference(),
                        c.status().name(),
                        c.channel().name(),
                        c.language(),
                        key.seal(c.name()),
                        key.seal(c.email()),
                        key.seal(c.phone()),
                        key.seal(c.postalAddress()),
                        key.seal(c.subject()),
                        key.seal(c.reasons()),
                        c.receivedOn(),
                        utc(c.receivedAt()),
                        c.dueOn(),
                        c.assignedTo(),
                        c.requestId(),
                        c.concernsRefusal(),
                        key.id())
                .update();
    }

    /** Saves the clock, status, links and assignment of a file read at {@code c.version()}. */
    void update(Complaint c, Instant at) {
        int rows = jdbc.sql("UPDATE complaints_complaint SET status = ?, due_on = ?, information_requested_on = ?,"
                        + " delay_due_on = ?, assigned_to = ?, request_id = ?, concerns_refusal = ?, answered_on = ?,"
                        + " ended_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(
                        c.status().name(),
                        c.dueOn(),
                        c.informationRequestedOn(),
                        c.delayDueOn(),
                        c.assignedTo(),
                        c.requestId(),
                        c.concernsRefusal(),
                        c.answeredOn(),
                        c.status() == ComplaintStatus.CLOSED ? utc(at) : null,
                        c.id(),
                        c.version())
                .update();
        if (rows != 1) {
            throw new ChangedMeanwhile("complaints.conflict.changed");
        }
    }

    Optional<Complaint> find(UUID id) {
        return jdbc.sql("SELECT * FROM complaints_complaint WHERE id = ?")
                .param(id)
                .query((rs, n) -> complaint(rs))
                .optional();
    }

    /**
     * Files by due date, soonest first; {@code assignedTo} restricts to one account's files. A search matches the
     * reference, or a part of the subject or the complainant's name: those are sealed, so the files are opened and
     * matched here (a queue of complaints is small; the reference alone is matched by the database).
     */
    List<Complaint> list(ComplaintStatus status, UUID assignedTo, String search, int limit) {
        var sql = new StringBuilder("SELECT * FROM complaints_complaint WHERE 1 = 1");
        var params = new ArrayList<Object>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (assignedTo != null) {
            sql.append(" AND assigned_to = ?");
            params.add(assignedTo);
        }
        sql.append(" ORDER BY CASE WHEN status IN ('OPEN', 'AWAITING_INFORMATION') THEN 0 ELSE 1 END,"
                + " COALESCE(delay_due_on, due_on), received_at, id");
        var query = jdbc.sql(sql.toString()).params(params);
        if (search == null || search.isBlank()) {
            return query.withMaxRows(limit).query((rs, n) -> complaint(rs)).list();
        }
        var matches = ComplaintSearch.of(search);
        return query.query((rs, n) -> complaint(rs)).stream()
                .filter(matches)
                .limit(limit)
                .toList();
    }

    List<Complaint> aboutRequest(UUID requestId) {
        return jdbc.sql("SELECT * FROM complaints_complaint WHERE request_id = ? ORDER BY received_at")
                .param(requestId)
                .query((rs, n) -> complaint(rs))
                .list();
    }

    /** A timeline line; who took it is kept as the ledger writes it, {@code KIND:id}. */
    void step(UUID complaintId, String step, String detail, ca.gardien.shared.Actor actor, Instant at) {
        step(complaintId, step, detail, actor, at, false);
    }

    /** A timeline line, {@code held} when its letter's email stays in the outbox (no mail server). */
    void step(UUID complaintId, String step, String detail, ca.gardien.shared.Actor actor, Instant at, boolean held) {
        var sealed = detail == null ? null : keyOf(complaintId).seal(detail);
        jdbc.sql("INSERT INTO complaints_step (id, complaint_id, step, detail, actor, at, held)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), complaintId, step, sealed, actor.kind() + ":" + actor.id(), utc(at), held)
                .update();
    }

    List<ComplaintStep> steps(UUID complaintId) {
        var key = keyOf(complaintId);
        return jdbc.sql(
                        "SELECT step, detail, actor, at, held FROM complaints_step WHERE complaint_id = ? ORDER BY at, id")
                .param(complaintId)
                .query((rs, n) -> new ComplaintStep(
                        rs.getString("step"),
                        key.open(rs.getString("detail")),
                        ComplaintStep.actorOf(rs.getString("actor")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("held")))
                .list();
    }

    /** The file's subject key ({@code null} id for a file stored before sealing, or one that no longer exists). */
    SubjectKey keyOf(UUID complaintId) {
        return keys.key(jdbc.sql("SELECT subject_key FROM complaints_complaint WHERE id = ?")
                .param(complaintId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional()
                .orElse(null));
    }

    private Complaint complaint(ResultSet rs) throws SQLException {
        var key = keys.key(rs.getObject("subject_key", UUID.class));
        return new Complaint(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                ComplaintStatus.valueOf(rs.getString("status")),
                Complaint.Channel.valueOf(rs.getString("channel")),
                rs.getString("language"),
                key.open(rs.getString("name")),
                key.open(rs.getString("email")),
                key.open(rs.getString("phone")),
                key.open(rs.getString("postal_address")),
                key.open(rs.getString("subject")),
                key.open(rs.getString("reasons")),
                rs.getObject("received_on", LocalDate.class),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("information_requested_on", LocalDate.class),
                rs.getObject("delay_due_on", LocalDate.class),
                rs.getObject("assigned_to", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getBoolean("concerns_refusal"),
                rs.getObject("answered_on", LocalDate.class),
                rs.getInt("version"));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
