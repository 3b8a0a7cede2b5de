package ca.gardien.complaints;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.SubjectKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destroys complaint files whose retention period is over: {@code gardien.complaints.retention.keep-for} after the file
 * was closed (the same settings shape as {@code gardien.requests.retention}). The file goes with its timeline, notes,
 * documents and reminders; what stays is a count by year of receipt and outcome in {@code complaints_count}, and the
 * ledger's facts (which hold no complainant data), plus a {@code complaints.destroyed} fact; the file's subject key is
 * destroyed, so that no earlier dump or backup can be read about the complainant. One transaction per file;
 * the delete is the claim, so two nodes never count a file twice. Tests call {@link #sweep()} with a moved clock.
 */
@Component
class ComplaintRetention {

    private static final Logger log = LoggerFactory.getLogger(ComplaintRetention.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Period keepFor;
    private final SubjectKeys keys;
    private volatile Instant lastSweep;

    ComplaintRetention(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${gardien.complaints.retention.keep-for:P1Y}") String keepFor,
            SubjectKeys keys) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.keepFor = Period.parse(keepFor);
    }

    /** Destroys every closed file past its retention period; returns how many this call destroyed. */
    @Scheduled(
            fixedDelayString = "${gardien.complaints.retention.sweep-every:1h}",
            initialDelayString = "${gardien.complaints.retention.sweep-every:1h}")
    int sweep() {
        var now = clock.instant();
        var endedBefore = utc(now).minus(keepFor);
        var due = jdbc.sql(
                        "SELECT id, received_on, status, subject_key FROM complaints_complaint WHERE status = 'CLOSED'"
                                + " AND ended_at < ? ORDER BY ended_at")
                .param(endedBefore)
                .query((rs, n) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getString("status"),
                        rs.getObject("subject_key", UUID.class)))
                .list();
        int destroyed = 0;
        for (var file : due) {
            if (Boolean.TRUE.equals(transactions.execute(s -> destroy(file, endedBefore, now)))) {
                destroyed++;
            }
        }
        if (destroyed > 0) {
            log.info("Retention: destroyed {} closed complaint files", destroyed);
        }
        lastSweep = now;
        return destroyed;
    }

    /** When this node last swept; null before its first sweep. */
    Instant lastSweep() {
        return lastSweep;
    }

    Period keepFor() {
        return keepFor;
    }

    private record Due(UUID id, LocalDate receivedOn, String outcome, UUID subjectKey) {}

    private boolean destroy(Due file, OffsetDateTime endedBefore, Instant now) {
        int deleted = jdbc.sql("DELETE FROM complaints_complaint WHERE id = ? AND status = 'CLOSED' AND ended_at < ?")
                .params(file.id(), endedBefore)
                .update();
        if (deleted != 1) {
            return false; // another node destroyed it, or it changed since the look-up
        }
        int year = file.receivedOn().getYear();
        int counted = jdbc.sql("UPDATE complaints_count SET destroyed = destroyed + 1 WHERE received_year = ?"
                        + " AND outcome = ?")
                .params(year, file.outcome())
                .update();
        if (counted == 0) {
            jdbc.sql("INSERT INTO complaints_count (received_year, outcome, destroyed) VALUES (?, ?, 1)")
                    .params(year, file.outcome())
                    .update();
        }
        // crypto-shredding: what was sealed under the file's key is unreadable in every copy, backups included; the key
        // goes before the commit, so a destruction that fails after it leaves values nobody can read
        keys.shred(file.subjectKey());
        var payload = new HashMap<String, String>(Map.of(
                "receivedYear",
                String.valueOf(year),
                "keepFor",
                keepFor.toString(),
                "subjectKey",
                file.subjectKey() == null ? "none" : "destroyed"));
        events.publishEvent(Evidence.of(now, Actor.SYSTEM, "complaints.destroyed", "complaint", file.id(), payload));
        return true;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
