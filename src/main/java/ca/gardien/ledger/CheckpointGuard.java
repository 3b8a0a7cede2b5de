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
 * to sign still hash and link. Without a logged checkpoint it starts from the database's last checkpoint, which must be
 * signed by this key, or, with none, allows only a first batch. Otherwise Gardien would sign a rewritten chain with its
 * genuine key. A refusal raises the {@link SigningAlarm} and records {@code ledger.checkpoint-refused}.
 *
 * <p>Costs one read of the log's tail and one of the entries since its last checkpoint (about
 * {@code checkpoint-every-entries} of them), re-hashed, per checkpoint: nothing on appends that sign nothing.
 */
@Component
class CheckpointGuard {

    private final LedgerStore store;
    private final LedgerCheckpoints checkpoints;
    private final SigningKeys keys;
    private final CheckpointLog checkpointLog;
    private final SigningAlarm alarm;
    private final ApplicationEventPublisher events;
    private final int maxBatch;
    /** Guarded runs happen under the writer's lock, one at a time. */
    private final CanonicalEncoder encoder = new CanonicalEncoder();

    CheckpointGuard(
            LedgerStore store,
            LedgerCheckpoints checkpoints,
            SigningKeys keys,
            CheckpointLog checkpointLog,
            SigningAlarm alarm,
            ApplicationEventPublisher events,
            LedgerProperties properties) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.checkpointLog = checkpointLog;
        this.alarm = alarm;
        this.events = events;
        this.maxBatch = properties.maxBatch();
    }

    /**
     * Inside the append transaction, after the batch's entries were inserted. Returns null when the head
     * ({@code sequence}, {@code hash}) may be signed, else why not.
     */
    SigningAlarm.Raised check(long sequence, String hash, Instant now) {
        var active = alarm.active();
        if (active.isPresent()) {
            return active.get();
        }
        var refusal = inspect(sequence, hash);
        if (refusal != null) {
            alarm.raise(refusal, now);
            events.publishEvent(Evidence.of(
                    now,
                    Actor.SYSTEM,
                    "ledger.checkpoint-refused",
                    "ledger",
                    "checkpoints",
                    Map.of("reason", refusal.reason(), "sequence", String.valueOf(refusal.sequence()))));
        }
        return refusal;
    }

    private SigningAlarm.Raised inspect(long sequence, String hash) {
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
            if (start == null && sequence > maxBatch) {
                return new SigningAlarm.Raised(
                        1,
                        "no-checkpoint",
                        "the chain has " + sequence + " entries and no checkpoint: checkpoints were deleted");
            }
        }
        return walk(start, sequence, hash);
    }

    /** Re-hashes the entries from {@code start} (inclusive) to the head, checking links and stored checkpoints. */
    private SigningAlarm.Raised walk(Checkpoint start, long sequence, String hash) {
        long from = start == null ? 1 : start.sequence();
        if (from > sequence) {
            return refusal(from, "head-behind", "is past the head of the chain: the ledger was truncated");
        }
        Map<Long, String> signed = new HashMap<>();
        checkpoints.between(from, sequence).forEach(c -> signed.put(c.sequence(), c.headHash()));
        var walk = new Walk(from, start == null ? CanonicalForm.GENESIS_HASH : null, start);
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

        Walk(long from, String last, Checkpoint start) {
            this.expected = from;
            this.last = last;
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
