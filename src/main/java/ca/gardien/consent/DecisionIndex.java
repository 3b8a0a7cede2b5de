package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.State;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest consent record per subject and purpose, in memory. Records may arrive in any order and more than once
 * (local writes and the poll of the table overlap): the one with the highest sequence number wins.
 */
final class DecisionIndex {

    record Key(UUID subject, String purpose) {}

    /** The part of a record a decision needs. */
    record Latest(long seq, UUID recordId, State state, Instant validUntil) {}

    private final ConcurrentHashMap<Key, Latest> latest = new ConcurrentHashMap<>();

    void apply(UUID subject, String purpose, Latest record) {
        latest.merge(new Key(subject, purpose), record, (old, now) -> now.seq() > old.seq() ? now : old);
    }

    Decision decide(UUID subject, String purpose, Instant now) {
        return subject == null ? Decision.NO_CONSENT : decide(latest.get(new Key(subject, purpose)), now);
    }

    static Decision decide(Latest record, Instant now) {
        if (record == null) {
            return Decision.NO_CONSENT;
        }
        if (record.state() == State.GRANTED) {
            boolean expired = record.validUntil() != null && !now.isBefore(record.validUntil());
            return expired
                    ? new Decision(Decision.DENY, "expired", record.recordId())
                    : new Decision(Decision.ALLOW, "granted", record.recordId());
        }
        return new Decision(Decision.DENY, record.state().name().toLowerCase(Locale.ROOT), record.recordId());
    }

    int size() {
        return latest.size();
    }
}
