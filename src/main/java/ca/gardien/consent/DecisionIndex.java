package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.State;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest consent record per subject and purpose, in memory. Records may arrive in any order and more than once
 * (local writes and the poll of the table overlap): the one with the highest sequence number wins.
 *
 * <p>With a keeping period, a history whose latest record is no longer in force (refused, withdrawn, expired) and older
 * than the period is one the keeping sweep destroys ({@link ConsentRetention}): from that moment the index answers as
 * for a subject it never knew, on every node, whether or not a sweep has deleted the rows yet, and {@link #forget}
 * drops such entries. A grant is never forgotten.
 */
final class DecisionIndex {

    record Key(UUID subject, String purpose) {}

    /** The part of a record a decision needs; {@code recordedAt} null: never forgotten. */
    record Latest(long seq, UUID recordId, State state, Instant validUntil, Instant recordedAt) {

        Latest(long seq, UUID recordId, State state, Instant validUntil) {
            this(seq, recordId, state, validUntil, null);
        }
    }

    private final ConcurrentHashMap<Key, Latest> latest = new ConcurrentHashMap<>();
    private final Period keepFor;

    /** An index that forgets nothing. */
    DecisionIndex() {
        this(null);
    }

    DecisionIndex(Period keepFor) {
        this.keepFor = keepFor;
    }

    void apply(UUID subject, String purpose, Latest record) {
        latest.merge(new Key(subject, purpose), record, (old, now) -> now.seq() > old.seq() ? now : old);
    }

    Decision decide(UUID subject, String purpose, Instant now) {
        if (subject == null) {
            return Decision.NO_CONSENT;
        }
        var record = latest.get(new Key(subject, purpose));
        boolean forgotten = record != null && record.state() != State.GRANTED && ended(record, keptSince(now));
        return forgotten ? Decision.NO_CONSENT : decide(record, now);
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

    /** Drops the histories past their keeping period at {@code now}; returns how many. */
    int forget(Instant now) {
        var since = keptSince(now);
        int before = latest.size();
        latest.values().removeIf(record -> ended(record, since));
        return Math.max(0, before - latest.size());
    }

    /** The moment before which a history no longer in force has ended its keeping period; null without a period. */
    private Instant keptSince(Instant now) {
        return keepFor == null
                ? null
                : now.atOffset(ZoneOffset.UTC).minus(keepFor).toInstant();
    }

    private static boolean ended(Latest record, Instant since) {
        return since != null
                && record.state() != State.GRANTED
                && record.recordedAt() != null
                && record.recordedAt().isBefore(since);
    }

    int size() {
        return latest.size();
    }
}
