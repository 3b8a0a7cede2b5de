package ca.gardien.assessments;

import ca.gardien.shared.ChangedMeanwhile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assessments' tables; only this module reads them. */
@Repository
class AssessmentStore {

    private static final String COLUMNS = "id, title, template_id, template_version, item, gap_rule, version, status,"
            + " superseded, assigned_to, consulted_on, consultation_note, consulted_by, reviewed_at, review_note,"
            + " reviewed_by, decided_at, decision_reasons, decided_by, document_sha256, created_at, created_by, row_version";

    /** {@code title = ?, ...}: every column but the key and the row version. */
    private static final String ASSIGNMENTS = java.util.Arrays.stream(COLUMNS.split(","))
            .map(String::strip)
            .filter(c -> !c.equals("id") && !c.equals("row_version"))
            .map(c -> c + " = ?")
            .collect(java.util.stream.Collectors.joining(", "));

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Assessment a) {
        jdbc.sql("INSERT INTO assessments_assessment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row(a))
                .update();
        saveAnswers(a);
    }

    /**
     * Writes the assessment's own fields and answers, only over the row the step read: a step that finds the row moved
     * on by another (approve and reject at once, two risks added at once) is refused with 409 instead of both winning.
     * Risks and measures are written one by one.
     */
    void update(Assessment a) {
        var values = new java.util.ArrayList<>(java.util.Arrays.asList(row(a)));
        values.removeFirst(); // the id, which is the key
        values.removeLast(); // the row version, moved on below
        values.add(a.id());
        values.add(a.rowVersion());
        int written = jdbc.sql("UPDATE assessments_assessment SET " + ASSIGNMENTS
                        + ", row_version = row_version + 1 WHERE id = ? AND row_version = ?")
                .params(values)
                .update();
        if (written != 1) {
            throw new ChangedMeanwhile("assessments.conflict.changed");
        }
        jdbc.sql("DELETE FROM assessments_answer WHERE assessment_id = ?")
                .param(a.id())
                .update();
        saveAnswers(a);
    }

    private void saveAnswers(Assessment a) {
        a.answers()
                .forEach((question, answer) -> jdbc.sql("INSERT INTO assessments_answer (assessment_id, question_id,"
                                + " answer, prefilled, answer_en) VALUES (?, ?, ?, ?, ?)")
                        .params(a.id(), question, answer.value(), answer.prefilled(), answer.english())
                        .update());
    }

    void addRisk(UUID assessment, Assessment.Risk r, int seq) {
        jdbc.sql("INSERT INTO assessments_risk (id, assessment_id, seq, description, likelihood, severity,"
                        + " residual_likelihood, residual_severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        assessment,
                        seq,
                        r.description(),
                        r.likelihood(),
                        r.severity(),
                        r.residualLikelihood(),
                        r.residualSeverity())
                .update();
    }

    void addMeasure(UUID assessment, Assessment.Measure m, int seq) {
        jdbc.sql("INSERT INTO assessments_measure (id, assessment_id, seq, kind, description, owner, due_on, done_on)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), assessment, seq, m.kind(), m.description(), m.owner(), m.dueOn(), m.doneOn())
                .update();
    }

    void measureDone(UUID measure, LocalDate doneOn) {
        jdbc.sql("UPDATE assessments_measure SET done_on = ? WHERE id = ?")
                .params(doneOn, measure)
                .update();
    }

    /** Claims the reminder of a late measure once, whichever node ticks first. */
    boolean claimReminder(UUID measure, LocalDate today) {
        return jdbc.sql("UPDATE assessments_measure SET reminded_on = ? WHERE id = ? AND reminded_on IS NULL")
                        .params(today, measure)
                        .update()
                == 1;
    }

    /** Keeps the approved report, the document whose SHA-256 the approval's fact records. */
    void keepDocument(UUID id, String html) {
        jdbc.sql("UPDATE assessments_assessment SET document_html = ? WHERE id = ?")
                .params(html, id)
                .update();
    }

    /** The approved report as it was approved; empty before approval (and for one approved before it was kept). */
    Optional<String> document(UUID id) {
        return jdbc.sql("SELECT document_html FROM assessments_assessment WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    Optional<Assessment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessments_assessment WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Every version, newest first. */
    List<Assessment> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessments_assessment ORDER BY created_at DESC, version DESC")
                .query(this::map)
                .list();
    }

    /** The latest version of the assessment of a data-map item. */
    Optional<Assessment> latest(String item) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessments_assessment WHERE item = ? AND superseded = ?")
                .params(item, false)
                .query(this::map)
                .optional();
    }

    private Object[] row(Assessment a) {
        return new Object[] {
            a.id(),
            a.title(),
            a.templateId(),
            a.templateVersion(),
            a.item(),
            a.gapRule(),
            a.version(),
            a.status().name(),
            a.superseded(),
            a.assignedTo(),
            a.consultedOn(),
            a.consultationNote(),
            a.consultedBy(),
            at(a.reviewedAt()),
            a.reviewNote(),
            a.reviewedBy(),
            at(a.decidedAt()),
            a.decisionReasons(),
            a.decidedBy(),
            a.documentSha256(),
            at(a.createdAt()),
            a.createdBy(),
            a.rowVersion()
        };
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private Assessment map(ResultSet rs, int n) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var answers = new LinkedHashMap<String, Assessment.Answer>();
        jdbc.sql("SELECT question_id, answer, prefilled, answer_en FROM assessments_answer WHERE assessment_id = ?"
                        + " ORDER BY question_id")
                .param(id)
                .query((r, i) -> answers.put(
                        r.getString("question_id"),
                        new Assessment.Answer(
                                r.getString("answer"), r.getBoolean("prefilled"), r.getString("answer_en"))))
                .list();
        var risks = jdbc.sql("SELECT * FROM assessments_risk WHERE assessment_id = ? ORDER BY seq")
                .param(id)
                .query((r, i) -> new Assessment.Risk(
                        r.getObject("id", UUID.class),
                        r.getString("description"),
                        r.getInt("likelihood"),
                        r.getInt("severity"),
                        r.getInt("residual_likelihood"),
                        r.getInt("residual_severity")))
                .list();
        var measures = jdbc.sql("SELECT * FROM assessments_measure WHERE assessment_id = ? ORDER BY seq")
                .param(id)
                .query((r, i) -> new Assessment.Measure(
                        r.getObject("id", UUID.class),
                        r.getString("kind"),
                        r.getString("description"),
                        r.getString("owner"),
                        r.getObject("due_on", LocalDate.class),
                        r.getObject("done_on", LocalDate.class)))
                .list();
        return new Assessment(
                id,
                rs.getString("title"),
                rs.getString("template_id"),
                rs.getInt("template_version"),
                rs.getString("item"),
                rs.getString("gap_rule"),
                rs.getInt("version"),
                AssessmentStatus.valueOf(rs.getString("status")),
                rs.getBoolean("superseded"),
                rs.getObject("assigned_to", UUID.class),
                rs.getObject("consulted_on", LocalDate.class),
                rs.getString("consultation_note"),
                rs.getString("consulted_by"),
                instant(rs, "reviewed_at"),
                rs.getString("review_note"),
                rs.getString("reviewed_by"),
                instant(rs, "decided_at"),
                rs.getString("decision_reasons"),
                rs.getString("decided_by"),
                rs.getString("document_sha256"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                answers,
                risks,
                measures,
                rs.getInt("row_version"));
    }
}
