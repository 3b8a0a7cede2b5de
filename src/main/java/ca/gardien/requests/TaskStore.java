package ca.gardien.requests;

import ca.gardien.shared.Phrase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks and the reminders already sent for them; a task's note and what it found sealed under the request's key. */
@Repository
class TaskStore {

    private static final String WITH_KEY =
            "SELECT t.*, r.subject_key FROM requests_task t JOIN requests_request r ON r.id = t.request_id";

    private final JdbcClient jdbc;
    private final RequestKeys keys;

    TaskStore(JdbcClient jdbc, RequestKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    void insert(RequestTask t) {
        jdbc.sql("INSERT INTO requests_task (id, request_id, system_id, status, assignee, due_on, opened_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        t.id(),
                        t.requestId(),
                        t.systemId(),
                        t.status(),
                        t.assignee(),
                        t.dueOn(),
                        RequestStore.utc(t.openedAt()))
                .update();
    }

    List<RequestTask> of(UUID requestId) {
        return jdbc.sql(WITH_KEY + " WHERE t.request_id = ? ORDER BY t.system_id")
                .param(requestId)
                .query((rs, n) -> task(rs))
                .list();
    }

    Optional<RequestTask> find(UUID taskId) {
        return jdbc.sql(WITH_KEY + " WHERE t.id = ?")
                .param(taskId)
                .query((rs, n) -> task(rs))
                .optional();
    }

    /**
     * Marks the task done, credited to the account that did it ({@code by}, if any): a task assigned to someone else
     * and done by another is that other's (the console showed the assignee as having done it); without an account (a
     * connector, Gardien) it stays with its assignee.
     */
    boolean complete(UUID taskId, String outcome, String note, Phrase remark, String recordsJson, Instant at, UUID by) {
        var key = keys.ofTask(taskId);
        return jdbc.sql(
                                "UPDATE requests_task SET status = 'DONE', outcome = ?, note = ?, note_phrase = ?, records = ?,"
                                        + " completed_at = ?, assignee = COALESCE(?, assignee) WHERE id = ? AND status = 'OPEN'")
                        .params(
                                outcome,
                                key.seal(note),
                                remark == null ? null : remark.stored(),
                                key.seal(recordsJson),
                                RequestStore.utc(at),
                                by,
                                taskId)
                        .update()
                == 1;
    }

    boolean note(UUID taskId, Phrase remark) {
        return jdbc.sql("UPDATE requests_task SET note_phrase = ? WHERE id = ? AND status = 'OPEN'")
                        .params(remark.stored(), taskId)
                        .update()
                == 1;
    }

    boolean note(UUID taskId, String note) {
        return jdbc.sql("UPDATE requests_task SET note = ? WHERE id = ? AND status = 'OPEN'")
                        .params(keys.ofTask(taskId).seal(note), taskId)
                        .update()
                == 1;
    }

    /** Gives the open task to {@code assignee}; false when it is done (its doer stays on record). */
    boolean assign(UUID taskId, UUID assignee) {
        return jdbc.sql("UPDATE requests_task SET assignee = ? WHERE id = ? AND status = 'OPEN'")
                        .params(assignee, taskId)
                        .update()
                == 1;
    }

    /** The JSON of what was found, per system, for the package. */
    List<String[]> records(UUID requestId) {
        var key = keys.ofRequest(requestId);
        return jdbc.sql("SELECT system_id, records FROM requests_task WHERE request_id = ? AND records IS NOT NULL"
                        + " ORDER BY system_id")
                .param(requestId)
                .query((rs, n) -> new String[] {rs.getString(1), key.open(rs.getString(2))})
                .list();
    }

    /** Open tasks with an assignee whose due date is on or before {@code day}. */
    List<RequestTask> openAssignedDueBy(LocalDate day) {
        return jdbc.sql(WITH_KEY + " WHERE t.status = 'OPEN' AND t.assignee IS NOT NULL AND t.due_on <= ?")
                .param(day)
                .query((rs, n) -> task(rs))
                .list();
    }

    boolean reminded(UUID taskId, int daysLeft) {
        return jdbc.sql("SELECT COUNT(*) FROM requests_reminder WHERE task_id = ? AND days_left = ?")
                        .params(taskId, daysLeft)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void remind(UUID taskId, int daysLeft, Instant at) {
        jdbc.sql("INSERT INTO requests_reminder (task_id, days_left, sent_at) VALUES (?, ?, ?)")
                .params(taskId, daysLeft, RequestStore.utc(at))
                .update();
    }

    private RequestTask task(ResultSet rs) throws SQLException {
        return new RequestTask(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getString("system_id"),
                rs.getString("status"),
                rs.getObject("assignee", UUID.class),
                rs.getObject("due_on", LocalDate.class),
                RequestStore.instant(rs, "opened_at"),
                RequestStore.instant(rs, "completed_at"),
                rs.getString("outcome"),
                keys.named(rs.getObject("subject_key", UUID.class)).open(rs.getString("note")),
                Phrase.fromStored(rs.getString("note_phrase")));
    }
}
