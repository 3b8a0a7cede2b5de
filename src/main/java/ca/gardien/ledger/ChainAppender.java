package ca.gardien.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Links a batch of evidence onto the chain inside the caller's transaction, and signs a checkpoint when one is due and
 * the {@link CheckpointGuard} finds the history unchanged. A refused checkpoint does not stop appends.
 */
@Component
class ChainAppender {

    /** One waiting append; {@code evidence} is null for a checkpoint tick. */
    record Pending(Evidence evidence, CompletableFuture<LedgerEntry> result) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The chain moved under a cached head (another node appended): read the head again and retry. */
    static final class HeadMoved extends RuntimeException {
        HeadMoved() {
            super("the ledger head moved", null, false, false);
        }
    }

    private final LedgerStore store;
    private final LedgerCheckpoints checkpoints;
    private final CheckpointGuard guard;
    private final SigningKeys keys;
    /** Only one batch is linked at a time (the writer's lock), so one encoder serves them all. */
    private final CanonicalEncoder encoder = new CanonicalEncoder();
    /** The head as this node last committed it; only the holder of the writer's lock touches these two fields. */
    private LedgerStore.Head cached;

    private LedgerStore.Head pending;
    /** The checkpoint signed by the last {@link #append}, handed to the witness once committed. */
    private Checkpoint signed;

    private final int checkpointEveryEntries;
    private final Duration checkpointEvery;

    ChainAppender(
            LedgerStore store,
            LedgerCheckpoints checkpoints,
            CheckpointGuard guard,
            SigningKeys keys,
            LedgerProperties properties) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.guard = guard;
        this.keys = keys;
        this.checkpointEveryEntries = properties.checkpointEveryEntries();
        this.checkpointEvery = properties.checkpointEvery();
    }

    /**
     * @param lookForDuplicates whether to look up already recorded event ids first. Re-deliveries are rare (a crash
     *     between commit and acknowledgement), so the writer first appends without the lookup and, only if the
     *     unique event id refuses the batch, runs it again with it: one round trip less on the usual path.
     * @return for each pending item, the entry it produced or already had; null for ticks.
     */
    List<LedgerEntry> append(List<Pending> batch, Instant now, boolean lookForDuplicates) {
        var head = cached != null ? cached : store.head();
        var recordedAt = CanonicalForm.normalize(now);
        Map<UUID, LedgerEntry> known = new HashMap<>();
        if (lookForDuplicates) {
            store.findByEventIds(batch.stream()
                            .map(Pending::evidence)
                            .filter(Objects::nonNull)
                            .map(Evidence::eventId)
                            .toList())
                    .forEach(e -> known.put(e.eventId(), e));
        }
        var fresh = new ArrayList<LedgerEntry>();
        var results = new ArrayList<LedgerEntry>(batch.size());
        long sequence = head.lastSequence();
        String prevHash = head.lastHash();
        for (var pending : batch) {
            var evidence = pending.evidence();
            if (evidence == null || known.containsKey(evidence.eventId())) {
                results.add(evidence == null ? null : known.get(evidence.eventId()));
                continue;
            }
            var entry = link(evidence, ++sequence, prevHash, recordedAt);
            prevHash = entry.hash();
            known.put(evidence.eventId(), entry);
            fresh.add(entry);
            results.add(entry);
        }
        boolean checkpoint = checkpointDue(head, sequence, recordedAt);
        if (fresh.isEmpty() && !checkpoint) {
            return results;
        }
        // Before the head's lock, so that the re-hashing does not hold other writers; the lock then confirms this head.
        var refusal = checkpoint ? guard.inspect(head.lastSequence(), head.lastHash()) : null;
        if (!checkpoint && store.appendsInOneStatement()) {
            if (!store.appendInOneStatement(head, fresh)) {
                throw new HeadMoved();
            }
        } else {
            // One statement both checks that no other node moved the head and locks it until commit.
            if (!store.advanceHead(head, sequence, prevHash)) {
                throw new HeadMoved();
            }
            if (!fresh.isEmpty()) {
                store.insert(fresh);
            }
        }
        Instant checkpointAt = head.checkpointAt();
        signed = null;
        if (checkpoint && refusal == null) {
            var text = CanonicalForm.checkpointText(sequence, prevHash, recordedAt, keys.keyId());
            signed = new Checkpoint(sequence, prevHash, recordedAt, keys.keyId(), keys.publicKeyPem(), keys.sign(text));
            checkpoints.insert(signed);
            checkpointAt = recordedAt;
        } else if (checkpoint) {
            guard.raise(refusal, recordedAt);
            checkpoint = false;
        }
        pending = new LedgerStore.Head(
                sequence, prevHash, checkpoint ? sequence : head.checkpointSequence(), checkpointAt);
        return results;
    }

    /**
     * Whether {@link #append} must run in a transaction: unless it is a single statement, which commits on its own
     * (no checkpoint due, no duplicate lookup, a database that appends in one statement).
     */
    boolean needsTransaction(List<Pending> batch, Instant now, boolean lookForDuplicates) {
        if (lookForDuplicates || !store.appendsInOneStatement()) {
            return true;
        }
        if (cached == null) {
            cached = store.head(); // committed; if stale, the compare-and-set refuses it and the writer retries
        }
        long appends = batch.stream().filter(p -> p.evidence() != null).count();
        return checkpointDue(cached, cached.lastSequence() + appends, CanonicalForm.normalize(now));
    }

    /**
     * Called after the transaction of the last {@link #append} committed.
     *
     * @return the checkpoint it signed, if any
     */
    Checkpoint committed() {
        if (pending != null) {
            cached = pending;
        }
        pending = null;
        var committed = signed;
        signed = null;
        return committed;
    }

    /** Called after it rolled back: the next batch reads the head from the database. */
    void forget() {
        cached = null;
        pending = null;
        signed = null;
    }

    private boolean checkpointDue(LedgerStore.Head head, long sequence, Instant now) {
        if (sequence <= head.checkpointSequence()) {
            return false;
        }
        return sequence - head.checkpointSequence() >= checkpointEveryEntries
                || head.checkpointAt() == null
                || !now.isBefore(head.checkpointAt().plus(checkpointEvery));
    }

    private LedgerEntry link(Evidence evidence, long sequence, String prevHash, Instant recordedAt) {
        var unhashed = new LedgerEntry(
                sequence,
                evidence.eventId(),
                recordedAt,
                CanonicalForm.normalize(evidence.occurredAt()),
                evidence.actor(),
                evidence.action(),
                evidence.objectType(),
                evidence.objectId(),
                JSON.writeValueAsString(evidence.payload()),
                prevHash,
                null);
        return unhashed.withHash(encoder.entryHash(unhashed));
    }
}
