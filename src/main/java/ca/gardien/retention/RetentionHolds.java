package ca.gardien.retention;

import ca.gardien.connectors.SecretBox;
import ca.gardien.ledger.Evidence;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.Actor;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds: a connector's rows (or one table's), or one person's rows wherever they are, kept from every sweep while
 * the hold is active (not released, its end not passed), with a reason and optionally the incident or complaint it
 * serves. A person is named by an identifier (email, customerNumber …), sealed with the connectors key: never shown
 * back, never in the ledger.
 */
@Component
class RetentionHolds {

    /** A hold as shown: the person's identifier is never returned, only its kind. */
    record Hold(
            UUID id,
            String connector,
            String table,
            String subjectKind,
            UUID incident,
            UUID complaint,
            String reason,
            LocalDate endsOn,
            String createdBy,
            Instant createdAt,
            Instant releasedAt) {}

    /** What the officer asks to hold. */
    record NewHold(
            String connector,
            String table,
            String subjectKind,
            String subject,
            UUID incident,
            UUID complaint,
            String reason,
            LocalDate endsOn) {}

    private static final String COLUMNS = "id, connector, table_name, subject_kind, incident_id, complaint_id, reason,"
            + " ends_on, created_by, created_at, released_at";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final RetentionHoldChecks checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OrganizationTime time;

    RetentionHolds(
            JdbcClient jdbc,
            SecretBox box,
            RetentionHoldChecks checks,
            ApplicationEventPublisher events,
            Clock clock,
            OrganizationTime time) {
        this.jdbc = jdbc;
        this.box = box;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
        this.time = time;
    }

    @Transactional
    Hold place(NewHold h, Actor actor) {
        var c = checks.check(h);
        var connector = c.connector();
        var table = c.table();
        var kind = c.subjectKind();
        var id = UUID.randomUUID();
        var now = clock.instant();
        jdbc.sql("INSERT INTO retention_hold (id, connector, table_name, subject_kind, subject_sealed, incident_id,"
                        + " complaint_id, reason, ends_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?)")
                .params(id, connector, table, kind, box.seal(c.subject()), h.incident(), h.complaint(), c.reason())
                .params(h.endsOn(), RetentionRuns.who(actor), RetentionRunStore.at(now))
                .update();
        var payload = new LinkedHashMap<String, String>();
        if (connector != null) payload.put("connector", connector);
        if (table != null) payload.put("table", table);
        if (kind != null) payload.put("subjectKind", kind);
        if (h.incident() != null) payload.put("incident", h.incident().toString());
        if (h.complaint() != null) payload.put("complaint", h.complaint().toString());
        if (h.endsOn() != null) payload.put("endsOn", h.endsOn().toString());
        events.publishEvent(Evidence.of(now, actor, "retention.hold.placed", "retention-hold", id, payload));
        return find(id);
    }

    @Transactional
    Hold release(UUID id, Actor actor) {
        var now = clock.instant();
        int n = jdbc.sql("UPDATE retention_hold SET released_at = ?, released_by = ? WHERE id = ?"
                        + " AND released_at IS NULL")
                .params(RetentionRunStore.at(now), RetentionRuns.who(actor), id)
                .update();
        if (n == 0) {
            find(id); // 404 when unknown; an already released hold is released
            return find(id);
        }
        events.publishEvent(Evidence.of(now, actor, "retention.hold.released", "retention-hold", id, Map.of()));
        return find(id);
    }

    Hold find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retention_hold WHERE id = ?")
                .param(id)
                .query(this::read)
                .optional()
                .orElseThrow(() -> new NotFoundException("retention.object.hold", id));
    }

    List<Hold> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retention_hold WHERE released_at IS NULL"
                        + " AND (ends_on IS NULL OR ends_on >= ?) ORDER BY created_at")
                .param(LocalDate.ofInstant(clock.instant(), time.zone()))
                .query(this::read)
                .list();
    }

    /** Whether a hold keeps every row of this table (a hold on its connector, or on the table itself). */
    boolean wholeTable(String connector, String table) {
        return active().stream()
                .anyMatch(h -> h.subjectKind() == null
                        && connector.equals(h.connector())
                        && (h.table() == null || h.table().equalsIgnoreCase(table)));
    }

    /** The tables of this connector held whole (holds naming a table). */
    java.util.Set<String> tables(String connector) {
        var out = new HashSet<String>();
        active().stream()
                .filter(h -> h.subjectKind() == null && connector.equals(h.connector()) && h.table() != null)
                .forEach(h -> out.add(h.table()));
        return out;
    }

    /** Changes whenever a hold is placed or released: a sweep reads the holds again before its next batch. */
    String version() {
        return jdbc.sql("SELECT COUNT(*), MAX(created_at), COUNT(released_at) FROM retention_hold")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getLong(3))
                .single();
    }

    /** The identifiers of the persons held in this connector's rows, by kind. */
    Map<String, Set<String>> subjects(String connector) {
        var out = new HashMap<String, Set<String>>();
        jdbc.sql("SELECT subject_kind, subject_sealed FROM retention_hold WHERE released_at IS NULL"
                        + " AND subject_kind IS NOT NULL AND (ends_on IS NULL OR ends_on >= ?)"
                        + " AND (connector IS NULL OR connector = ?)")
                .params(LocalDate.ofInstant(clock.instant(), time.zone()), connector)
                .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(box.open(rs.getString(2))))
                .list();
        return out;
    }

    private Hold read(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var created = rs.getObject("created_at", java.time.OffsetDateTime.class);
        var released = rs.getObject("released_at", java.time.OffsetDateTime.class);
        return new Hold(
                rs.getObject("id", UUID.class),
                rs.getString("connector"),
                rs.getString("table_name"),
                rs.getString("subject_kind"),
                rs.getObject("incident_id", UUID.class),
                rs.getObject("complaint_id", UUID.class),
                rs.getString("reason"),
                rs.getObject("ends_on", LocalDate.class),
                rs.getString("created_by"),
                created.toInstant(),
                released == null ? null : released.toInstant());
    }
}
