package ca.gardien.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Questions other modules and the API may ask of the ledger. Facts are appended by publishing {@link Evidence}. */
@Service
@org.springframework.modulith.NamedInterface("views")
public class EvidenceLedger {

    /** A summary for dashboards. */
    public record Status(long entries, String headHash, Optional<Checkpoint> lastCheckpoint, String keyId) {}

    private final LedgerStore store;
    private final LedgerCheckpoints checkpoints;
    private final SigningKeys keys;
    private final CheckpointLog checkpointLog;
    private final SigningAlarm alarm;
    private final LedgerProperties properties;
    private final Clock clock;

    EvidenceLedger(
            LedgerStore store,
            LedgerCheckpoints checkpoints,
            SigningKeys keys,
            CheckpointLog checkpointLog,
            SigningAlarm alarm,
            LedgerProperties properties,
            Clock clock) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.checkpointLog = checkpointLog;
        this.alarm = alarm;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Verifies the chain as of now with this node's key pinned, the configured cadence, every checkpoint of the
     * checkpoint log required in the database, and the signing alarm reported as a problem.
     */
    @Transactional(readOnly = true)
    public VerificationReport verify() {
        // The log first: a line is written after its checkpoint committed, so the database reads below must see it.
        List<Checkpoint> logged;
        try {
            logged = checkpointLog.all();
        } catch (IOException e) {
            logged = null;
        }
        var head = store.head();
        var verifier = new ChainVerifier(
                checkpoints.upTo(head.lastSequence()),
                Set.of(keys.publicKeyPem()),
                properties.cadence().withAsOf(clock.instant()));
        if (logged == null) {
            verifier.reject(1, "the checkpoint log cannot be read");
        } else {
            logged.forEach(c -> verifier.expect(c.sequence(), c.headHash(), ChainVerifier.Anchor.LOG));
        }
        store.forEachEntry(1, head.lastSequence(), verifier::accept);
        alarm.active()
                .ifPresent(a ->
                        verifier.reject(a.sequence(), "checkpoint signing is stopped by an alarm: " + a.problem()));
        return verifier.finish();
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(long after, int limit) {
        return store.page(after, limit);
    }

    /** One page of a search of the ledger (the console's list), with the cursor of the next page. */
    @Transactional(readOnly = true)
    public ca.gardien.shared.Listing.Page<LedgerEntry> search(LedgerQuery query) {
        return ca.gardien.shared.Listing.Page.of(
                store.search(query), query.size(), e -> List.of(Long.toString(e.sequence())));
    }

    /** The facts recorded about one object (e.g. a request's timeline), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> about(String objectType, String objectId, int limit) {
        return store.about(objectType, objectId, limit);
    }

    @Transactional(readOnly = true)
    public Status status() {
        var head = store.head();
        return new Status(head.lastSequence(), head.lastHash(), checkpoints.last(), keys.keyId());
    }

    public String publicKeyPem() {
        return keys.publicKeyPem();
    }

    /**
     * Writes the whole ledger as JSON Lines (entries, then checkpoints, then keys) without holding it in memory: the
     * chain up to the head as read first, and its checkpoints, so that entries appended meanwhile are left out rather
     * than appearing without the checkpoint of their batch.
     */
    @Transactional(readOnly = true)
    public void export(OutputStream out) {
        var head = store.head();
        var signed = checkpoints.upTo(head.lastSequence());
        var lines = new ExportLines(out);
        store.forEachEntry(1, head.lastSequence(), lines::entry);
        signed.forEach(lines::checkpoint);
        lines.keys(signed, keys.keyId(), keys.publicKeyPem());
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
