package ca.gardien.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register's tables; no other module reads them. */
@Repository
class IncidentStore {

    private static final String COLUMNS = """
            id, title, kind, status, pi_description, pi_unknown_reason, circumstances, occurred_from, occurred_to,
            occurred_approximate, aware_at, aware_offset, persons_count, persons_approximate, systems, categories,
            sensitivity, sensitivity_reason, consequences, consequences_reason, likelihood, likelihood_reason,
            ill_intentioned_uses, consulted_on, consultation_note, suggested_serious, serious, override_reason,
            assessed_at, cai_notice_on, persons_notice_on, public_notice, public_notice_reason, no_notice_reason,
            retain_until, created_at, created_by, closed_at, version""";

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Incident i) {
        jdbc.sql("INSERT INTO incident (" + COLUMNS + ") VALUES (" + "?,".repeat(38) + "?)")
                .params(values(i))
                .update();
    }

    /** Writes the entry if nobody changed it since {@code i.version()}; the stored version becomes one more. */
    void update(Incident i) {
        var sets = Arrays.stream(COLUMNS.split(","))
                .map(String::strip)
                .filter(c -> !c.equals("id") && !c.equals("version"))
                .map(c -> c + " = ?")
                .toList();
        var values = values(i);
        var params = new java.util.ArrayList<>(values.subList(1, values.size() - 1));
        params.add(i.id());
        params.add(i.version());
        int rows = jdbc.sql("UPDATE incident SET " + String.join(", ", sets)
                        + ", version = version + 1 WHERE id = ? AND version = ?")
                .params(params)
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("incident changed meanwhile");
        }
    }

    Optional<Incident> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional()
                .map(this::withMeasures);
    }

    /** Every entry, most recent awareness first, with its measures. */
    List<Incident> all() {
        var incidents = jdbc.sql("SELECT " + COLUMNS + " FROM incident ORDER BY aware_at DESC, id")
                .query((rs, n) -> row(rs))
                .list();
        var measures = new HashMap<UUID, List<Measure>>();
        jdbc.sql("SELECT incident_id, id, kind, description, owner, due_on, done_on FROM incident_measure"
                        + " ORDER BY incident_id, position")
                .query(rs -> {
                    measures.computeIfAbsent(rs.getObject("incident_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(measure(rs));
                });
        return incidents.stream()
                .map(i -> withMeasures(i, measures.getOrDefault(i.id(), List.of())))
                .toList();
    }

    void addMeasure(UUID incidentId, Measure m) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM incident_measure WHERE incident_id = ?")
                .param(incidentId)
                .query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO incident_measure (id, incident_id, kind, description, owner, due_on, done_on, position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        m.id(),
                        incidentId,
                        m.kind().name(),
                        m.description(),
                        m.owner(),
                        m.dueOn(),
                        m.doneOn(),
                        position)
                .update();
    }

    boolean markDone(UUID incidentId, UUID measureId, LocalDate doneOn) {
        return jdbc.sql("UPDATE incident_measure SET done_on = ? WHERE id = ? AND incident_id = ?")
                        .params(doneOn, measureId, incidentId)
                        .update()
                == 1;
    }

    Optional<String> personAdvice(UUID id) {
        return jdbc.sql("SELECT person_advice FROM incident WHERE id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(o -> o);
    }

    void setPersonAdvice(UUID id, int version, String advice) {
        int rows = jdbc.sql("UPDATE incident SET person_advice = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(advice, id, version)
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("incident changed meanwhile");
        }
    }

    /** Claims reminder {@code number} of an entry; false when it was already sent (by this node or another). */
    boolean claimReminder(UUID id, int number, Instant at) {
        return jdbc.sql("INSERT INTO incident_reminder (incident_id, number, sent_at) SELECT ?, ?, ? WHERE NOT EXISTS"
                                + " (SELECT 1 FROM incident_reminder WHERE incident_id = ? AND number = ?)")
                        .params(id, number, at.atOffset(ZoneOffset.UTC), id, number)
                        .update()
                == 1;
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM incident_reminder WHERE incident_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM incident_measure WHERE incident_id = ?").param(id).update();
        jdbc.sql("DELETE FROM incident WHERE id = ?").param(id).update();
    }

    private Incident withMeasures(Incident i) {
        var measures = jdbc.sql(
                        "SELECT incident_id, id, kind, description, owner, due_on, done_on FROM incident_measure"
                                + " WHERE incident_id = ? ORDER BY position")
                .param(i.id())
                .query((rs, n) -> measure(rs))
                .list();
        return withMeasures(i, measures);
    }

    private static Incident withMeasures(Incident i, List<Measure> measures) {
        return new Incident(
                i.id(),
                i.title(),
                i.kind(),
                i.status(),
                i.piDescription(),
                i.piUnknownReason(),
                i.circumstances(),
                i.occurredFrom(),
                i.occurredTo(),
                i.occurredApproximate(),
                i.awareAt(),
                i.personsCount(),
                i.personsApproximate(),
                i.systems(),
                i.categories(),
                i.assessment(),
                i.caiNoticeOn(),
                i.personsNoticeOn(),
                i.publicNotice(),
                i.publicNoticeReason(),
                i.noNoticeReason(),
                measures,
                i.retainUntil(),
                i.createdAt(),
                i.createdBy(),
                i.closedAt(),
                i.version());
    }

    private static Measure measure(ResultSet rs) throws SQLException {
        return new Measure(
                rs.getObject("id", UUID.class),
                MeasureKind.valueOf(rs.getString("kind")),
                rs.getString("description"),
                rs.getString("owner"),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("done_on", LocalDate.class));
    }

    private static List<Object> values(Incident i) {
        var a = i.assessment();
        return Arrays.asList(
                i.id(),
                i.title(),
                i.kind() == null ? null : i.kind().name(),
                i.status().name(),
                i.piDescription(),
                i.piUnknownReason(),
                i.circumstances(),
                i.occurredFrom(),
                i.occurredTo(),
                i.occurredApproximate(),
                i.awareAt().withOffsetSameInstant(ZoneOffset.UTC),
                i.awareAt().getOffset().getId(),
                i.personsCount(),
                i.personsApproximate(),
                String.join(",", i.systems()),
                String.join(",", i.categories()),
                a == null ? null : a.sensitivity().name(),
                a == null ? null : a.sensitivityReason(),
                a == null ? null : a.consequences().name(),
                a == null ? null : a.consequencesReason(),
                a == null ? null : a.likelihood().name(),
                a == null ? null : a.likelihoodReason(),
                a == null ? null : a.illIntentionedUses(),
                a == null ? null : a.consultedOn(),
                a == null ? null : a.consultationNote(),
                a == null ? null : a.suggestedSerious(),
                a == null ? null : a.serious(),
                a == null ? null : a.overrideReason(),
                a == null ? null : a.assessedAt().atOffset(ZoneOffset.UTC),
                i.caiNoticeOn(),
                i.personsNoticeOn(),
                i.publicNotice(),
                i.publicNoticeReason(),
                i.noNoticeReason(),
                i.retainUntil(),
                i.createdAt().atOffset(ZoneOffset.UTC),
                i.createdBy(),
                i.closedAt() == null ? null : i.closedAt().atOffset(ZoneOffset.UTC),
                i.version());
    }

    private static Incident row(ResultSet rs) throws SQLException {
        RiskAssessment assessment = null;
        if (rs.getString("sensitivity") != null) {
            assessment = new RiskAssessment(
                    Level.valueOf(rs.getString("sensitivity")),
                    rs.getString("sensitivity_reason"),
                    Level.valueOf(rs.getString("consequences")),
                    rs.getString("consequences_reason"),
                    Level.valueOf(rs.getString("likelihood")),
                    rs.getString("likelihood_reason"),
                    rs.getString("ill_intentioned_uses"),
                    rs.getObject("consulted_on", LocalDate.class),
                    rs.getString("consultation_note"),
                    rs.getBoolean("suggested_serious"),
                    rs.getBoolean("serious"),
                    rs.getString("override_reason"),
                    instant(rs, "assessed_at"));
        }
        var kind = rs.getString("kind");
        long persons = rs.getLong("persons_count");
        Long personsCount = rs.wasNull() ? null : persons;
        var aware = rs.getObject("aware_at", OffsetDateTime.class)
                .withOffsetSameInstant(ZoneOffset.of(rs.getString("aware_offset")));
        return new Incident(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                kind == null ? null : IncidentKind.valueOf(kind),
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("pi_description"),
                rs.getString("pi_unknown_reason"),
                rs.getString("circumstances"),
                rs.getObject("occurred_from", LocalDate.class),
                rs.getObject("occurred_to", LocalDate.class),
                rs.getBoolean("occurred_approximate"),
                aware,
                personsCount,
                rs.getBoolean("persons_approximate"),
                ids(rs.getString("systems")),
                ids(rs.getString("categories")),
                assessment,
                rs.getObject("cai_notice_on", LocalDate.class),
                rs.getObject("persons_notice_on", LocalDate.class),
                rs.getBoolean("public_notice"),
                rs.getString("public_notice_reason"),
                rs.getString("no_notice_reason"),
                List.of(),
                rs.getObject("retain_until", LocalDate.class),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "closed_at"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
