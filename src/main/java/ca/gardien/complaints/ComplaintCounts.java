package ca.gardien.complaints;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's counts of open complaint files (no personal information read). */
@Repository
class ComplaintCounts {

    private final JdbcClient jdbc;

    ComplaintCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open, open and due on or before {@code soon}, open and due before {@code today}; one account's files or all. */
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

    /**
     * Of these files, the answered ones, closed or not, whose answer was not recorded transmitted another way (step
     * {@code answer-transmitted}), and assigned to {@code assignedTo} unless null.
     */
    java.util.Set<UUID> answeredAmong(java.util.Collection<UUID> ids, UUID assignedTo) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        var sql = "SELECT c.id FROM complaints_complaint c WHERE c.status IN ('ANSWERED', 'CLOSED') AND c.id IN (:ids)"
                + " AND NOT EXISTS (SELECT 1 FROM complaints_step s WHERE s.complaint_id = c.id"
                + " AND s.step = '" + AnswerTransmitted.STEP + "')"
                + (assignedTo == null ? "" : " AND c.assigned_to = :mine");
        var query = jdbc.sql(sql).param("ids", java.util.List.copyOf(ids));
        if (assignedTo != null) query = query.param("mine", assignedTo);
        return java.util.Set.copyOf(query.query(UUID.class).list());
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
}
