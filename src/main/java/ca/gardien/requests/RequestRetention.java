package ca.gardien.requests;

import ca.gardien.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destroys the personal information of requests whose retention period is over (Law 25 s. 23): {@code keep-for} after
 * the request ended (sent, closed, cancelled or deemed refused). Identifier values (kind and keyed digest stay), details,
 * document contents, the response message, what tasks found (records) and their notes, the reasons staff gave for
 * identity proofs (their basis stays), staff's notes, pending codes and download links go; the request itself stays with its type, dates, statuses and outcome, so that the queue, statistics and
 * registers still count it, and the ledger keeps its facts (which hold no values).
 *
 * <p>One transaction per request. A node claims a request with a conditional update ({@code purged_at IS NULL}), so
 * two nodes never purge the same one twice and a second sweep does nothing. An open request is never touched. Tests call
 * {@link #sweep()} with a moved clock.
 */
@Component
class RequestRetention {

    private static final Logger log = LoggerFactory.getLogger(RequestRetention.class);

    /** Statuses in which a request has ended (the complement of {@link RequestStatus#OPEN}). */
    private static final List<String> ENDED = java.util.Arrays.stream(RequestStatus.values())
            .filter(s -> !s.isOpen())
            .map(Enum::name)
            .toList();

    private static final String ENDED_IN =
            String.join(", ", ENDED.stream().map(s -> "'" + s + "'").toList());

    private final JdbcClient jdbc;
    private final RequestFacts facts;
    private final RequestsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ca.gardien.shared.SubjectKeys keys;
    private volatile Instant lastSweep;

    RequestRetention(
            JdbcClient jdbc,
            RequestFacts facts,
            RequestsProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            ca.gardien.shared.SubjectKeys keys) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.facts = facts;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Purges every ended request past its retention period; returns how many this call purged. */
    @Scheduled(
            fixedDelayString = "${gardien.requests.retention.sweep-every:1h}",
            initialDelayString = "${gardien.requests.retention.sweep-every:1h}")
    int sweep() {
        var now = clock.instant();
        var endedBefore = now.atOffset(ZoneOffset.UTC)
                .minus(properties.retention().keepFor())
                .toInstant();
        var due = jdbc.sql("SELECT id FROM requests_request WHERE purged_at IS NULL AND ended_at < ? AND status IN ("
                        + ENDED_IN + ") ORDER BY ended_at")
                .param(RequestStore.utc(endedBefore))
                .query(UUID.class)
                .list();
        int purged = 0;
        for (var id : due) {
            if (Boolean.TRUE.equals(transactions.execute(s -> purge(id, endedBefore, now)))) {
                purged++;
            }
        }
        if (purged > 0) {
            log.info("Retention: purged the personal information of {} ended requests", purged);
        }
        lastSweep = now;
        return purged;
    }

    /** When this node last swept; null before its first sweep. */
    Instant lastSweep() {
        return lastSweep;
    }

    private boolean purge(UUID id, Instant endedBefore, Instant now) {
        // the claim: only one node, once, and only while the request is still ended and past its period
        var claimed = jdbc.sql("UPDATE requests_request SET purged_at = ?, version = version + 1 WHERE id = ?"
                        + " AND purged_at IS NULL AND ended_at < ? AND status IN (" + ENDED_IN + ")")
                .params(RequestStore.utc(now), id, RequestStore.utc(endedBefore))
                .update();
        if (claimed != 1) {
            return false; // another node purged it, or it changed since the look-up
        }
        var counts = new LinkedHashMap<String, String>();
        counts.put(
                "details",
                count("UPDATE requests_request SET details = NULL WHERE id = ? AND details IS NOT NULL", id));
        counts.put(
                "addressee",
                count(
                        "UPDATE requests_request SET addressee_name = NULL, postal_address = NULL WHERE id = ?"
                                + " AND (addressee_name IS NOT NULL OR postal_address IS NOT NULL)",
                        id));
        counts.put(
                "identifiers",
                count(
                        "UPDATE requests_identifier SET identifier = NULL WHERE request_id = ?"
                                + " AND identifier IS NOT NULL",
                        id));
        counts.put(
                "codes",
                count(
                        "UPDATE requests_identifier SET code_digest = NULL, code_expires_at = NULL"
                                + " WHERE request_id = ? AND code_digest IS NOT NULL",
                        id));
        counts.put(
                "documents",
                String.valueOf(
                        jdbc.sql("UPDATE requests_document SET content = ?, file_name = NULL WHERE request_id = ?")
                                .params(new byte[0], id)
                                .update()));
        counts.put(
                "responseMessages",
                count("UPDATE requests_response SET message = NULL WHERE request_id = ? AND message IS NOT NULL", id));
        counts.put(
                "taskRecords",
                count("UPDATE requests_task SET records = NULL WHERE request_id = ? AND records IS NOT NULL", id));
        counts.put(
                "taskNotes",
                count("UPDATE requests_task SET note = NULL WHERE request_id = ? AND note IS NOT NULL", id));
        counts.put(
                "notes", count("UPDATE requests_note SET body = NULL WHERE request_id = ? AND body IS NOT NULL", id));
        counts.put("downloadLinks", count("DELETE FROM requests_download WHERE request_id = ?", id));
        // what staff wrote when they proved an identity (the basis stays: it says how, not about whom)
        counts.put(
                "staffProofReasons",
                count("UPDATE requests_staff_proof SET reason = NULL WHERE request_id = ? AND reason IS NOT NULL", id));
        // crypto-shredding: what was sealed under the request's key is unreadable in every copy, backups included. The
        // key goes before the commit: a purge that fails after it leaves values nobody can read, never a key that
        // survives a purge.
        var key = jdbc.sql("SELECT subject_key FROM requests_request WHERE id = ?")
                .param(id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class)))
                .single();
        key.ifPresent(keys::shred);
        counts.put("subjectKey", key.isPresent() ? "destroyed" : "none");
        counts.put("keepFor", properties.retention().keepFor().toString());
        facts.record("purged", id, Actor.SYSTEM, counts);
        return true;
    }

    private String count(String sql, UUID id) {
        return String.valueOf(jdbc.sql(sql).param(id).update());
    }
}
