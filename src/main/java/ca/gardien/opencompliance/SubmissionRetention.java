package ca.gardien.opencompliance;

import ca.gardien.ledger.Evidence;
import ca.gardien.requests.Requests;
import ca.gardien.shared.Actor;
import ca.gardien.shared.OwnDataSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destroys what this module kept of a submission — the submission ({@code opencompliance_request}) and the status
 * callbacks owed to the controller ({@code opencompliance_callback}) — once its rights request was purged at the end of
 * its retention period ({@code requests.Requests#purgedAmong}) and every callback was delivered or abandoned; a
 * callback still being retried keeps it until then. Each destruction is one transaction and a ledger fact ({@code
 * opencompliance.destroyed}: the request's id and how many callbacks went, no URL). Every node sweeps: the delete is the
 * claim, so two nodes never destroy or record the same submission twice. Tests call {@link #sweep()}.
 */
@Component
class SubmissionRetention implements OwnDataSchedule {

    static final int PAGE = 500;

    private static final Logger log = LoggerFactory.getLogger(SubmissionRetention.class);

    private final JdbcClient jdbc;
    private final Requests requests;
    private final OpenComplianceProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile Instant lastSweep;

    SubmissionRetention(
            JdbcClient jdbc,
            Requests requests,
            OpenComplianceProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Kept(UUID subjectRequestId, UUID requestId) {}

    @Scheduled(
            fixedDelayString = "${gardien.opencompliance.retention.sweep-every:1h}",
            initialDelayString = "${gardien.opencompliance.retention.sweep-every:1h}")
    void tick() {
        sweep();
    }

    /** Destroys the submissions whose request was purged and whose callbacks are settled; returns how many. */
    int sweep() {
        var now = clock.instant();
        int destroyed = 0;
        UUID after = null;
        List<Kept> page;
        do {
            page = page(after);
            if (page.isEmpty()) {
                break;
            }
            after = page.getLast().requestId();
            var purged = requests.purgedAmong(page.stream().map(Kept::requestId).toList());
            for (var kept : page) {
                if (purged.contains(kept.requestId()) && destroy(kept, now)) {
                    destroyed++;
                }
            }
        } while (page.size() == PAGE);
        lastSweep = now;
        if (destroyed > 0) {
            log.info("Retention: destroyed {} OpenCompliance submissions with their purged requests", destroyed);
        }
        return destroyed;
    }

    /** By the rights request's id, unique where a subject_request_id is unique for one controller only. */
    private List<Kept> page(UUID after) {
        var sql = "SELECT subject_request_id, request_id FROM opencompliance_request"
                + (after == null ? "" : " WHERE request_id > ?")
                + " ORDER BY request_id FETCH FIRST " + PAGE + " ROWS ONLY";
        var query = jdbc.sql(sql);
        if (after != null) {
            query = query.param(after);
        }
        return query.query((rs, n) -> new Kept(
                        rs.getObject("subject_request_id", UUID.class), rs.getObject("request_id", UUID.class)))
                .list();
    }

    private boolean destroy(Kept kept, Instant now) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                long pending = jdbc.sql("SELECT COUNT(*) FROM opencompliance_callback WHERE request_id = ?"
                                + " AND delivered_at IS NULL AND abandoned_at IS NULL")
                        .param(kept.requestId())
                        .query(Long.class)
                        .single();
                if (pending > 0) {
                    return false; // a callback is still owed: kept until it is delivered or abandoned
                }
                int callbacks = jdbc.sql("DELETE FROM opencompliance_callback WHERE request_id = ?")
                        .param(kept.requestId())
                        .update();
                if (jdbc.sql("DELETE FROM opencompliance_request WHERE request_id = ?")
                                .param(kept.requestId())
                                .update()
                        != 1) {
                    status.setRollbackOnly(); // another node destroyed it first
                    return false;
                }
                events.publishEvent(Evidence.of(
                        now,
                        Actor.SYSTEM,
                        "opencompliance.destroyed",
                        "opencompliance-request",
                        kept.subjectRequestId(),
                        Map.of("requestId", kept.requestId().toString(), "callbacks", String.valueOf(callbacks))));
                return true;
            }));
        } catch (ConcurrencyFailureException e) {
            return false; // another node holds it: its sweep, or the next, settles it
        }
    }

    @Override
    public Schedule schedule() {
        return new Schedule(
                150,
                "opencompliance.own-data",
                null,
                "gardien.requests.retention.keep-for",
                properties.retention().sweepEvery(),
                lastSweep,
                null);
    }
}
