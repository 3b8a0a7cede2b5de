package ca.gardien.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies a ledger given in sequence order, entry by entry, with constant memory apart from the checkpoints. Used
 * both for the live database and, by {@link OfflineVerifier}, for an exported file.
 *
 * <p>Detects a modified entry (hash), a deleted, inserted or reordered entry (sequence and previous-hash links), a
 * re-hashed suffix (signed checkpoint no longer matches) and a truncation past a checkpoint (checkpoint refers to
 * missing entries). A truncation after the last checkpoint is undetectable by design; checkpoints bound it.
 */
public final class ChainVerifier {

    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final Set<String> pinnedKeys;
    private final CanonicalEncoder encoder = new CanonicalEncoder();
    /** The first checkpoint at or after {@link #expected}. */
    private Checkpoint next;

    private final Map<String, PublicKey> keys = new HashMap<>();
    private long expected = 1;
    private long entries;
    private String lastHash = CanonicalForm.GENESIS_HASH;
    private Long firstInvalid;
    private String problem;

    /** @param pinnedKeys public keys (PEM) the auditor trusts; empty to trust the keys stated by the checkpoints. */
    public ChainVerifier(Collection<Checkpoint> checkpoints, Set<String> pinnedKeys) {
        checkpoints.forEach(c -> this.checkpoints.put(c.sequence(), c));
        this.next = checkpointAtOrAfter(1);
        this.pinnedKeys =
                pinnedKeys.stream().map(ChainVerifier::normalizePem).collect(java.util.stream.Collectors.toSet());
    }

    /** The checkpoint at or after {@code sequence}; walking them in order spares a map lookup per entry. */
    private Checkpoint checkpointAtOrAfter(long sequence) {
        var entry = checkpoints.ceilingEntry(sequence);
        return entry == null ? null : entry.getValue();
    }

    public void accept(LedgerEntry e) {
        entries++;
        if (firstInvalid != null) {
            return;
        }
        if (e.sequence() != expected) {
            fail(
                    expected,
                    "found sequence " + e.sequence() + " where " + expected
                            + " was expected: an entry was deleted, inserted or reordered");
        } else if (!lastHash.equals(e.prevHash())) {
            fail(e.sequence(), "previous hash does not match the preceding entry: an entry was inserted or reordered");
        } else {
            var hash = encoder.entryHash(e);
            var checkpoint = next != null && next.sequence() == e.sequence() ? next : null;
            if (!hash.equals(e.hash())) {
                fail(e.sequence(), "hash does not match the entry's content: the entry was modified");
            } else if (checkpoint != null && !checkpoint.headHash().equals(hash)) {
                fail(e.sequence(), "entry differs from the signed checkpoint: the chain was rewritten");
            } else {
                lastHash = hash;
                expected++;
                if (checkpoint != null) {
                    next = checkpointAtOrAfter(expected);
                }
            }
        }
    }

    public VerificationReport finish() {
        for (var c : checkpoints.values()) {
            if (!signatureValid(c)) {
                fail(c.sequence(), "checkpoint signature is invalid or made with an untrusted key");
            } else if (c.sequence() >= expected && firstInvalid == null) {
                fail(
                        expected,
                        "checkpoint " + c.sequence() + " refers to entries that are missing: the ledger was truncated");
            }
        }
        var last = checkpoints.isEmpty() ? null : checkpoints.lastKey();
        return new VerificationReport(
                firstInvalid == null, entries, firstInvalid, problem, lastHash, checkpoints.size(), last);
    }

    /** Marks the ledger invalid from {@code sequence} on, for problems found outside the chain walk. */
    public void reject(long sequence, String why) {
        fail(sequence, why);
    }

    private void fail(long sequence, String why) {
        if (firstInvalid == null || sequence < firstInvalid) {
            firstInvalid = sequence;
            problem = why;
        }
    }

    private boolean signatureValid(Checkpoint c) {
        try {
            if (!pinnedKeys.isEmpty() && !pinnedKeys.contains(normalizePem(c.publicKeyPem()))) {
                return false;
            }
            var key = keys.computeIfAbsent(c.publicKeyPem(), ChainVerifier::parseKey);
            if (key == null || !SigningKeys.keyId(key).equals(c.keyId())) {
                return false;
            }
            var signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(CanonicalForm.checkpointText(c.sequence(), c.headHash(), c.signedAt(), c.keyId())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(c.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey parseKey(String pem) {
        try {
            var der = Base64.getDecoder().decode(normalizePem(pem));
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    static String normalizePem(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
