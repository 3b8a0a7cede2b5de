package ca.gardien.complaints;

import ca.gardien.shared.Digests;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complaint files, their steps and documents (tables {@code complaints_*}). */
@Repository
class ComplaintStore {

    private final JdbcClient jdbc;

    ComplaintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Complaint c) {
        jdbc.sql(
                        "INSERT INTO complaints_complaint (id, reference, status, channel, language, name, email, phone, subject, reasons,"
                                + " received_on, received_at, due_on, assigned_to, request_id, concerns_refusal, version)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        c.id(),
                        c.reference(),
                        c.status().name(),
                        c.channel().name(),
                        c.language(),
                        c.name(),
                        c.email(),
                        c.phone(),
                        c.subject(),
                        c.reasons(),
                        c.receivedOn(),
                        utc(c.receivedAt()),
                        c.dueOn(),
                        c.assignedTo(),
                        c.requestId(),
                        c.concernsRefusal())
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
            throw new OptimisticLockingFailureException("complaint changed meanwhile");
        }
    }

    Optional<Complaint> find(UUID id) {
        return jdbc.sql("SELECT * FROM complaints_complaint WHERE id = ?")
                .param(id)
                .query((rs, n) -> complaint(rs))
                .optional();
    }

    /** Files by due date, soonest first; {@code assignedTo} restricts to one account's files. */
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
        if (search != null && !search.isBlank()) {
            sql.append(
                    " AND (reference = ? OR LOWER(subject) LIKE ? OR LOWER(name) LIKE ? OR LOWER(reference) LIKE ?)");
            var reference = ca.gardien.shared.References.parse(search);
            params.add(reference == null ? "" : reference);
            var like = "%"
                    + search.strip()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace("%", "")
                            .replace("_", "") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        sql.append(" ORDER BY CASE WHEN status IN ('OPEN', 'AWAITING_INFORMATION') THEN 0 ELSE 1 END,"
                + " COALESCE(delay_due_on, due_on), received_at, id");
        return jdbc.sql(sql.toString())
                .params(params)
                .withMaxRows(limit)
                .query((rs, n) -> complaint(rs))
                .list();
    }

    List<Complaint> aboutRequest(UUID requestId) {
        return jdbc.sql("SELECT * FROM complaints_complaint WHERE request_id = ? ORDER BY received_at")
                .param(requestId)
                .query((rs, n) -> complaint(rs))
                .list();
    }

    /** A timeline line; who took it is kept as the ledger writes it, {@code KIND:id}. */
    void step(UUID complaintId, String step, String detail, ca.gardien.shared.Actor actor, Instant at) {
        jdbc.sql("INSERT INTO complaints_step (id, complaint_id, step, detail, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), complaintId, step, detail, actor.kind() + ":" + actor.id(), utc(at))
                .update();
    }

    List<ComplaintStep> steps(UUID complaintId) {
        return jdbc.sql("SELECT step, detail, actor, at FROM complaints_step WHERE complaint_id = ? ORDER BY at, id")
                .param(complaintId)
                .query((rs, n) -> new ComplaintStep(
                        rs.getString("step"),
                        rs.getString("detail"),
                        ComplaintStep.actorOf(rs.getString("actor")),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    ComplaintDocument insertDocument(UUID complaintId, String kind, String mediaType, byte[] content, Instant at) {
        var document = new ComplaintDocument(
                UUID.randomUUID(), complaintId, kind, mediaType, content.length, Digests.sha256Hex(content), at);
        jdbc.sql("INSERT INTO complaints_document (id, complaint_id, kind, media_type, size, sha256, content,"
                        + " uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        document.id(),
                        complaintId,
                        kind,
                        mediaType,
                        document.size(),
                        document.sha256(),
                        content,
                        utc(at))
                .update();
        return document;
    }

    List<ComplaintDocument> documents(UUID complaintId) {
        return jdbc.sql("SELECT id, complaint_id, kind, media_type, size, sha256, uploaded_at FROM complaints_document"
                        + " WHERE complaint_id = ? ORDER BY uploaded_at, id")
                .param(complaintId)
                .query((rs, n) -> document(rs))
                .list();
    }

    Optional<byte[]> content(UUID complaintId, UUID documentId) {
        return jdbc.sql("SELECT content FROM complaints_document WHERE complaint_id = ? AND id = ?")
                .params(complaintId, documentId)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }

    Optional<ComplaintDocument> document(UUID complaintId, UUID documentId) {
        return jdbc.sql("SELECT id, complaint_id, kind, media_type, size, sha256, uploaded_at FROM complaints_document"
                        + " WHERE complaint_id = ? AND id = ?")
                .params(complaintId, documentId)
                .query((rs, n) -> document(rs))
                .optional();
    }

    /** Counts for the dashboard: open, open and due on or before {@code soon}, open and due before {@code today}. */
    long[] counts(LocalDate today, LocalDate soon, UUID assignedTo) {
        var mine = assignedTo == null ? "" : " AND assigned_to = ?";
        Object[] params = assignedTo == null ? new Object[0] : new Object[] {assignedTo};
        var open = "status IN ('OPEN', 'AWAITING_INFORMATION')" + mine;
        long total = count("SELECT COUNT(*) FROM complaints_complaint WHERE " + open, params);
        var due = "COALESCE(delay_due_on, due_on)";
        long dueSoon = count(
                "SELECT COUNT(*) FROM complaints_complaint WHERE status = 'OPEN'" + mine + " AND " + due + " >= ? AND "
                        + due + " <= ?",
                append(params, today, soon));
        long overdue = count(
                "SELECT COUNT(*) FROM complaints_complaint WHERE status = 'OPEN'" + mine + " AND " + due + " < ?",
                append(params, today));
        return new long[] {total, dueSoon, overdue};
    }

    private long count(String sql, Object[] params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static Object[] append(Object[] head, Object... tail) {
        var all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static ComplaintDocument document(ResultSet rs) throws SQLException {
        return new ComplaintDocument(
                rs.getObject("id", UUID.class),
                rs.getObject("complaint_id", UUID.class),
                rs.getString("kind"),
                rs.getString("media_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }

    private static Complaint complaint(ResultSet rs) throws SQLException {
        return new Complaint(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                ComplaintStatus.valueOf(rs.getString("status")),
                Complaint.Channel.valueOf(rs.getString("channel")),
                rs.getString("language"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("subject"),
                rs.getString("reasons"),
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

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
