package ca.gardien.consent;

import ca.gardien.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the expiry of consents as facts. The decision already denies a grant past its {@code validUntil}; this
 * sweep appends an EXPIRED record (and its ledger entry) for each such grant that is still the latest record of its
 * subject and purpose. Nodes coordinate through {@code consent_expiry}: a grant's expiry is claimed by inserting its id
 * under a primary key in the same transaction as the EXPIRED record, so a grant expires once however many nodes sweep.
 */
@Component
class ConsentExpiry {

    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ConsentLedger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConsentExpiry(JdbcClient jdbc, ConsentLedger ledger, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${gardien.consent.expiry-sweep-every:1m}",
            initialDelayString = "${gardien.consent.expiry-sweep-every:1m}")
    void tick() {
        sweep();
    }

    /** Expires every grant past its validity now; returns how many this node recorded. */
    int sweep() {
        var now = clock.instant();
        int expired = 0;
        List<UUID> due;
        do {
            due = due(now);
            for (var grant : due) {
                expired += expire(grant, now) ? 1 : 0;
            }
        } while (due.size() == BATCH);
        return expired;
    }

    private List<UUID> due(Instant now) {
        return jdbc.sql("SELECT r.id FROM consent_record r WHERE r.state = 'GRANTED' AND r.valid_until <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM consent_expiry e WHERE e.grant_id = r.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM consent_record n WHERE n.subject_id = r.subject_id"
                        + " AND n.purpose_id = r.purpose_id AND n.seq > r.seq) ORDER BY r.seq FETCH FIRST "
                        + BATCH + " ROWS ONLY")
                .param(ConsentRecords.utc(now))
                .query(UUID.class)
                .list();
    }

    /** One transaction per grant: a claim lost to another node rolls back only that grant. */
    private boolean expire(UUID grant, Instant now) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                var expired = UUID.randomUUID();
                jdbc.sql("INSERT INTO consent_expiry (grant_id, expired_id, expired_at) VALUES (?, ?, ?)")
                        .params(grant, expired, ConsentRecords.utc(now))
                        .update();
                ledger.expire(grant, expired, now, Actor.SYSTEM);
                return true;
            }));
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            return false; // another node recorded this expiry first, or holds it: its next sweep settles it
        }
    }
}
