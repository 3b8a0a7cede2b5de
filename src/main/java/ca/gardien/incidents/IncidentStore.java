package ca.gardien.incidents;

import ca.gardien.shared.ChangedMeanwhile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register's tables; no other module reads them. */
@Repository
class IncidentStore {

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Incident i) {
        var values = IncidentRows.values(i);
        jdbc.sql("INSERT INTO incident (" + IncidentRows.COLUMNS + ") VALUES (" + "?,".repeat(values.size() - 1) + "?)")
                .params(values)
                .update();
    }

    /** Writes the entry if nobody changed it since {@code i.version()}; the stored version becomes one more. */
    void update(Incident i) {
        var sets = Arrays.stream(IncidentRows.COLUMNS.split(","))
                .map(String::strip)
                .filter(c -> !c.equals("id") && !c.equals("version"))
                .map(c -> c + " = ?")
                .toList();
        var values = IncidentRows.values(i);
        var params = new java.util.ArrayList<>(values.subList(1, values.size() - 1));
        params.add(i.id());
        params.add(i.version());
        int rows = jdbc.sql("UPDATE incident SET " + String.join(", ", sets)
                        + ", version = version + 1 WHERE id = ? AND version = ?")
                .params(params)
                .update();
        if (rows != 1) {
            throw new ChangedMeanwhile("incidents.conflict.changed");
        }
    }

    Optional<Incident> find(UUID id) {
        return jdbc.sql("SELECT " + IncidentRows.COLUMNS + " FROM incident WHERE id = ?")
                .param(id)
                .query((rs, n) -> IncidentRows.row(rs))
                .optional()
                .map(this::withMeasures);
    }

    /** Every entry, most recent awareness first, with its measures. */
    List<Incident> all() {
        var incidents = jdbc.sql("SELECT " + IncidentRows.COLUMNS + " FROM incident ORDER BY aware_at DESC, id")
                .query((rs, n) -> IncidentRows.row(rs))
                .list();
        var measures = new HashMap<UUID, List<Measure>>();
        jdbc.sql("SELECT incident_id, id, kind, description, owner, due_on, done_on FROM incident_measure"
                        + " ORDER BY incident_id, position")
                .query(rs -> {
                    measures.computeIfAbsent(rs.getObject("incident_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(IncidentRows.measure(rs));
                });
        return incidents.stream()
                .map(i -> i.withMeasures(measures.getOrDefault(i.id(), List.of())))
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
            throw new ChangedMeanwhile("incidents.conflict.changed");
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
        jdbc.sql("DELETE FROM incident_person WHERE incident_id = ?").param(id).update();
        jdbc.sql("DELETE FROM incident_supplement WHERE incident_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM incident_persons_transmitted WHERE incident_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM incident WHERE id = ?").param(id).update();
    }

    private Incident withMeasures(Incident i) {
        var measures = jdbc.sql(
                        "SELECT incident_id, id, kind, description, owner, due_on, done_on FROM incident_measure"
                                + " WHERE incident_id = ? ORDER BY position")
                .param(i.id())
                .query((rs, n) -> IncidentRows.measure(rs))
                .list();
        return i.withMeasures(measures);
    }
}
