package ca.gardien.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Questions other modules and the API may ask of the ledger. Facts are appended by publishing {@link Evidence}. */
@Service
public class EvidenceLedger {

    /** A summary for dashboards. */
    public record Status(long entries, String headHash, Optional<Checkpoint> lastCheckpoint, String keyId) {}

    private final LedgerStore store;
    private final SigningKeys keys;

    EvidenceLedger(LedgerStore store, SigningKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    @Transactional(readOnly = true)
    public VerificationReport verify() {
        var verifier = new ChainVerifier(store.checkpoints(), Set.of(keys.publicKeyPem()));
        store.forEachEntry(verifier::accept);
        return verifier.finish();
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(long after, int limit) {
        return store.page(after, limit);
    }

    /** The facts recorded about one object (e.g. a request's timeline), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> about(String objectType, String objectId, int limit) {
        return store.about(objectType, objectId, limit);
    }

    @Transactional(readOnly = true)
    public Status status() {
        var head = store.head();
        return new Status(head.lastSequence(), head.lastHash(), store.lastCheckpoint(), keys.keyId());
    }

    public String publicKeyPem() {
        return keys.publicKeyPem();
    }

    /** Writes the whole ledger as JSON Lines (entries, then checkpoints, then keys) without holding it in memory. */
    @Transactional(readOnly = true)
    public void export(OutputStream out) {
        // Checkpoints first: under read committed each query sees the latest commits, so checkpoints read after the
        // entries could sign entries the export lacks, and a genuine export taken during appends would look truncated.
        var checkpoints = store.checkpoints();
        var lines = new ExportLines(out);
        store.forEachEntry(lines::entry);
        checkpoints.forEach(lines::checkpoint);
        lines.keys(checkpoints, keys.keyId(), keys.publicKeyPem());
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
