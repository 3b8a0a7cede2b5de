package ca.gardien.ledger;

import ca.gardien.shared.Actor;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Checks, before a head is signed, that its history is the one already signed: the last checkpoint of the checkpoint
 * log (kept outside the database) is still in the database with the same head, and the entries from it up to the head
 * that the batch extends still hash and link. Without a logged checkpoint it starts from the database's last
 * checkpoint, which must be signed by this key, or, with none, allows only a first batch. Otherwise Gardien would sign a
 * rewritten chain with its genuine key. A refusal raises the {@link SigningAlarm} and records
 * {@code ledger.checkpoint-refused}.
 *
 * <p>Costs one read of the log's tail and one of the entries since its last checkpoint (about
 * {@code checkpoint-every-entries} of them), re-hashed, per checkpoint, before the batch takes the head's lock: nothing
 * on appends that sign nothing.
 */
@Component
class CheckpointGuard {

    private final LedgerStore store;
    private final LedgerCheckpoints checkpoints;
    private final SigningKeys keys;
    private final CheckpointLog checkpointLog;
    private final SigningAlarm alarm;
    private final ApplicationEventPublisher events;
    /** Guarded runs happen under the writer's lock, one at a time. */
    private final CanonicalEncoder encoder = new CanonicalEncoder();

    CheckpointGuard(
            LedgerStore store,
            LedgerCheckpoints checkpoints,
            SigningKeys keys,
            CheckpointLog checkpointLog,
            SigningAlarm alarm,
            ApplicationEventPublisher events) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.checkpointLog = checkpointLog;
        this.alarm = alarm;
        this.events = events;
    }

    /** {@link #inspect} and, if refused, {@link #raise}. */
    SigningAlarm.Raised check(long sequence, String hash, Instant now) {
        var refusal = inspect(sequence, hash);
        if (refusal != null) {
            raise(refusal, now);
        }
        return refusal;
    }

    /**
     * Whether the chain whose head is ({@code sequence}, {@code hash}) — the head a batch extends, before its entries —
     * may be signed: null if so, else why not (the raised alarm, while there is one). Reads only, so that it can run
     * before the batch locks the head; the caller raises the alarm once the lock confirmed that head.
     */
    SigningAlarm.Raised inspect(long sequence, String hash) {
        var active = alarm.active();
        if (active.isPresent()) {
            return active.get();
        }
        Checkpoint start;
        try {
            start = checkpointLog.latest().orElse(null);
        } catch (IOException e) {
            return new SigningAlarm.Raised(1, "log-unreadable", "the checkpoint log cannot be read");
        }
        if (start != null) {
            var stored = checkpoints.at(start.sequence());
            if (stored.isEmpty()) {
                return refusal(start.sequence(), "log-checkpoint-missing", ChainVerifier.Anchor.LOG.missing());
            }
            if (!stored.get().headHash().equals(start.headHash())) {
                return refusal(start.sequence(), "log-checkpoint-differs", ChainVerifier.Anchor.LOG.differs());
            }
        } else {
            start = checkpoints.last().orElse(null);
            if (start != null && !keys.signed(start)) {
                return refusal(start.sequence(), "checkpoint-unsigned", "is not signed by this node's key");
            }
            if (start == null) { // the first batch is always signed: only an empty chain has no checkpoint
                return sequence == 0
                        ? null
                        : new SigningAlarm.Raised(
                                1,
                                "no-checkpoint",
                                "the chain has " + sequence + " entries and no checkpoint: checkpoints were deleted");
            }
        }
        return walk(start, sequence, hash);
    }

    /** Raises the alarm for a refusal, unless it is the alarm already raised; records the fact in the ledger. */
    void raise(SigningAlarm.Raised refusal, Instant now) {
        if (alarm.active().isPresent()) {
            return;
        }
        alarm.raise(refusal, now);
        events.publishEvent(Evidence.of(
                now,
                Actor.SYSTEM,
                "ledger.checkpoint-refused",
                "ledger",
                "checkpoints",
                Map.of("reason", refusal.reason(), "sequence", String.valueOf(refusal.sequence()))));
    }

    /** Re-hashes the entries from {@code start} (inclusive) to the head, checking links and stored checkpoints. */
    private SigningAlarm.Raised walk(Checkpoint start, long sequence, String hash) {
        long from = start.sequence();
        if (from > sequence) {
            return refusal(from, "head-behind", "is past the head of the chain: the ledger was truncated");
        }
        Map<Long, String> signed = new HashMap<>();
        checkpoints.between(from, sequence).forEach(c -> signed.put(c.sequence(), c.headHash()));
        var walk = new Walk(from, start);
        store.forEachEntry(from, sequence, e -> walk.accept(e, signed));
        if (walk.broken == null && (walk.expected != sequence + 1 || !walk.last.equals(hash))) {
            walk.broken = walk.expected;
        }
        if (walk.broken == null) {
            return null;
        }
        return new SigningAlarm.Raised(
                walk.broken,
                "chain-rewritten",
                "the chain no longer links at entry " + walk.broken + " to checkpoint " + from
                        + ": it was rewritten since it was signed");
    }

    private static SigningAlarm.Raised refusal(long sequence, String reason, String tail) {
        return new SigningAlarm.Raised(sequence, reason, "checkpoint " + sequence + " " + tail);
    }

    /** The chain walk from the start checkpoint; the first entry must be the one it signed. */
    private final class Walk {
        long expected;
        String last;
        final Checkpoint start;
        Long broken;

        Walk(long from, Checkpoint start) {
            this.expected = from;
            this.start = start;
        }

        void accept(LedgerEntry e, Map<Long, String> signed) {
            if (broken != null) {
                return;
            }
            boolean links = last == null
                    ? e.hash().equals(start.headHash())
                    : e.prevHash().equals(last);
            var computed = encoder.entryHash(e);
            var checkpoint = signed.get(e.sequence());
            if (e.sequence() != expected
                    || !links
                    || !computed.equals(e.hash())
                    || (checkpoint != null && !checkpoint.equals(computed))) {
                broken = expected;
                return;
            }
            last = computed;
            expected++;
        }
    }
}
