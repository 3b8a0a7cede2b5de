package ca.gardien.consent;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.OwnDataSchedule;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destroys consent histories past their keeping period ({@code gardien.consent.retention.keep-for}): a subject's whole
 * history for a purpose whose latest record is a refusal, a withdrawal or an expiry made more than {@code keep-for}
 * ago. A history whose latest record is a grant — in force, or lapsed and not yet recorded as expired — is never
 * touched. A subject left without any record loses its identifiers' digests and its row. What stays is a count in
 * {@code consent_count} and one ledger fact per batch ({@code consent.records.destroyed}, counts only); the ledger's
 * entries of the destroyed records stay as they were (the ledger is append-only and verifies on its own).
 *
 * <p>Every node sweeps. A batch of at most {@value #BATCH} histories is one transaction: it holds the subjects' rows
 * (so no record is added to a subject being destroyed), then claims each history by deleting its latest record under
 * the same conditions; a history another node claimed first deletes nothing here and is not counted twice.
 */
@Component
class ConsentRetention implements OwnDataSchedule {

    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(ConsentRetention.class);

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final ConsentDecisions decisions;
    private final ConsentCounts counts;
    private final ConsentProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile Instant lastSweep;

    ConsentRetention(
            JdbcClient jdbc,
            Subjects subjects,
            ConsentDecisions decisions,
            ConsentCounts counts,
            ConsentProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.decisions = decisions;
        this.counts = counts;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The latest record of a history past its keeping period. */
    private record Due(long seq, UUID subject, String purpose, String state, Instant recordedAt) {
        ConsentCounts.Key key() {
            return new ConsentCounts.Key(
                    purpose, state, recordedAt.atOffset(ZoneOffset.UTC).getYear());
        }
    }

    private record Batch(int histories, int records, List<UUID> destroyedSubjects) {}

    @Scheduled(
            fixedDelayString = "${gardien.consent.retention.sweep-every:1h}",
            initialDelayString = "${gardien.consent.retention.sweep-every:1h}")
    void tick() {
        sweep();
    }

    /** Destroys every history past its keeping period now; returns how many records this node destroyed. */
    int sweep() {
        var now = clock.instant();
        var before = now.atOffset(ZoneOffset.UTC).minus(properties.retention().keepFor());
        subjects.forgetAll(); // subjects other nodes destroyed are looked up again
        decisions.forgetEnded();
        long after = 0;
        int destroyed = 0;
        List<Due> due;
        do {
            due = due(after, before);
            if (due.isEmpty()) {
                break;
            }
            after = due.getLast().seq();
            var histories = due;
            counts.prepare(histories.stream().map(Due::key).distinct().toList());
            try {
                var batch = transactions.execute(s -> destroy(histories, before, now));
                destroyed += batch.records();
                subjects.forget(batch.destroyedSubjects());
            } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
                // another node holds these histories (or wrote to one meanwhile): its sweep, or the next, settles them
                log.info(
                        "Consent keeping sweep stopped by a concurrent write: {}",
                        e.getClass().getSimpleName());
                break;
            }
        } while (due.size() == BATCH);
        lastSweep = now;
        return destroyed;
    }

    private List<Due> due(long after, OffsetDateTime before) {
        return jdbc.sql("SELECT r.seq, r.subject_id, r.purpose_id, r.state, r.recorded_at FROM consent_record r"
                        + " WHERE r.state IN ('REFUSED', 'WITHDRAWN', 'EXPIRED') AND r.recorded_at < ? AND r.seq > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM consent_record n WHERE n.subject_id = r.subject_id"
                        + " AND n.purpose_id = r.purpose_id AND n.seq > r.seq) ORDER BY r.seq FETCH FIRST "
                        + BATCH + " ROWS ONLY")
                .params(before, after)
                .query((rs, n) -> new Due(
                        rs.getLong("seq"),
                        rs.getObject("subject_id", UUID.class),
                        rs.getString("purpose_id"),
                        rs.getString("state"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private Batch destroy(List<Due> due, OffsetDateTime before, Instant now) {
        var held = due.stream().map(Due::subject).distinct().sorted().toList();
        held.forEach(subjects::hold); // in one order on every node: two sweeps never wait on each other in a circle
        int histories = 0;
        int records = 0;
        for (var history : due) {
            int claimed = jdbc.sql("DELETE FROM consent_record WHERE seq = ? AND state = ? AND recorded_at < ?"
                            + " AND NOT EXISTS (SELECT 1 FROM consent_record n WHERE n.subject_id = ?"
                            + " AND n.purpose_id = ? AND n.seq > ?)")
                    .params(history.seq(), history.state(), before, history.subject(), history.purpose(), history.seq())
                    .update();
            if (claimed != 1) {
                continue; // another node destroyed it, or a new record arrived since the look-up
            }
            jdbc.sql("DELETE FROM consent_expiry WHERE grant_id IN (SELECT id FROM consent_record"
                            + " WHERE subject_id = ? AND purpose_id = ? AND seq < ?)")
                    .params(history.subject(), history.purpose(), history.seq())
                    .update();
            int older = jdbc.sql("DELETE FROM consent_record WHERE subject_id = ? AND purpose_id = ? AND seq < ?")
                    .params(history.subject(), history.purpose(), history.seq())
                    .update();
            counts.add(history.key(), 1, 1 + older);
            histories++;
            records += 1 + older;
        }
        var gone = new ArrayList<UUID>();
        int identifiers = 0;
        for (var subject : held) {
            if (!recordsLeft(subject)) {
                identifiers += update("DELETE FROM consent_identifier WHERE subject_id = ?", subject);
                if (update("DELETE FROM consent_subject WHERE id = ?", subject) == 1) {
                    gone.add(subject);
                }
            }
        }
        if (histories > 0) {
            record(now, before, histories, records, gone.size(), identifiers);
        }
        return new Batch(histories, records, gone);
    }

    private boolean recordsLeft(UUID subject) {
        return jdbc.sql("SELECT COUNT(*) FROM consent_record WHERE subject_id = ?")
                        .param(subject)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private int update(String sql, UUID subject) {
        return jdbc.sql(sql).param(subject).update();
    }

    private void record(Instant now, OffsetDateTime before, int histories, int records, int gone, int identifiers) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("histories", String.valueOf(histories));
        payload.put("records", String.valueOf(records));
        payload.put("subjects", String.valueOf(gone));
        payload.put("identifiers", String.valueOf(identifiers));
        payload.put("keepFor", properties.retention().keepFor().toString());
        payload.put("recordedBefore", before.toInstant().toString());
        events.publishEvent(Evidence.of(
                now, Actor.SYSTEM, "consent.records.destroyed", "consent-retention", UUID.randomUUID(), payload));
    }

    @Override
    public Schedule schedule() {
        return new Schedule(
                600,
                "consent.own-data",
                properties.retention().keepFor(),
                "gardien.consent.retention.keep-for",
                properties.retention().sweepEvery(),
                lastSweep,
                counts.records());
    }
}
