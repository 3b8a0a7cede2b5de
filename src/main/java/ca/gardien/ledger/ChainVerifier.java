package ca.gardien.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
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
 * re-hashed suffix (signed checkpoint no longer matches), a truncation past a checkpoint (checkpoint refers to
 * missing entries), removed checkpoints (the {@link Cadence} is not met) and a checkpoint an earlier audit or the
 * checkpoint log recorded that is missing or different. A truncation after the last checkpoint is undetectable by
 * design; the cadence bounds it.
 */
public final class ChainVerifier {

    /** Where a checkpoint that must be present comes from, which says what its absence means. */
    enum Anchor {
        AUDIT(
                "that the previous audit recorded is missing: the ledger was truncated or its checkpoints removed",
                "differs from the one the previous audit recorded: the chain was rewritten"),
        LOG(
                "of the checkpoint log is missing from the database: checkpoints were deleted from the database",
                "of the checkpoint log differs from the database's: the chain was rewritten");

        private final String missing;
        private final String differs;

        Anchor(String missing, String differs) {
            this.missing = missing;
            this.differs = differs;
        }

        String missing() {
            return missing;
        }

        String differs() {
            return differs;
        }
    }

    private record Expected(String headHash, Anchor anchor) {}

    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final TreeMap<Long, Expected> anchors = new TreeMap<>();
    private final Set<String> pinnedKeys;
    private final Cadence cadence;
    private final CanonicalEncoder encoder = new CanonicalEncoder();
    /** The first checkpoint at or after {@link #expected}, and the last one before it. */
    private Checkpoint next;

    private Checkpoint previous;
    /** {@link Cadence#lateFrom} of {@link #previous}, computed once per checkpoint rather than per entry. */
    private Instant lateFrom;
    /** The earliest time among the verified entries after the last checkpoint. */
    private Instant oldestUnsigned;

    private X509Certificate timestampAuthority;
    private int timestamps;
    private Instant lastTimestamp;

    private final Map<String, PublicKey> keys = new HashMap<>();
    private long expected = 1;
    private long entries;
    private String lastHash = CanonicalForm.GENESIS_HASH;
    private Long firstInvalid;
    private String problem;

    /** With the default {@link Cadence}. */
    public ChainVerifier(Collection<Checkpoint> checkpoints, Set<String> pinnedKeys) {
        this(checkpoints, pinnedKeys, Cadence.DEFAULT);
    }

    /** @param pinnedKeys public keys (PEM) the auditor trusts; empty to trust the keys stated by the checkpoints. */
    public ChainVerifier(Collection<Checkpoint> checkpoints, Set<String> pinnedKeys, Cadence cadence) {
        checkpoints.forEach(c -> this.checkpoints.put(c.sequence(), c));
        this.next = checkpointAtOrAfter(1);
        this.cadence = cadence;
        this.pinnedKeys =
                pinnedKeys.stream().map(ChainVerifier::normalizePem).collect(java.util.stream.Collectors.toSet());
    }

    /** Requires the checkpoint at {@code sequence} to be present with {@code headHash}. */
    void expect(long sequence, String headHash, Anchor anchor) {
        anchors.putIfAbsent(sequence, new Expected(headHash, anchor));
    }

    /** Checks timestamp tokens against this authority's certificate rather than the one each token carries. */
    void trustTimestampsFrom(X509Certificate authority) {
        this.timestampAuthority = authority;
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
            } else if (cadence.lateEntry(e, previous, lateFrom, next) instanceof Cadence.Breach late) {
                fail(late.sequence(), late.problem());
            } else {
                lastHash = hash;
                expected++;
                if (checkpoint != null) {
                    previous = checkpoint;
                    lateFrom = cadence.lateFrom(checkpoint);
                    next = checkpointAtOrAfter(expected);
                } else if (next == null
                        && (oldestUnsigned == null || e.recordedAt().isBefore(oldestUnsigned))) {
                    oldestUnsigned = e.recordedAt();
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
            } else if (c.timestampToken() != null) {
                checkTimestamp(c);
            }
        }
        anchors.forEach((sequence, anchor) -> {
            var c = checkpoints.get(sequence);
            if (c == null) {
                fail(Math.min(sequence, expected), "checkpoint " + sequence + " " + anchor.anchor().missing);
            } else if (!c.headHash().equals(anchor.headHash())) {
                fail(sequence, "checkpoint " + sequence + " " + anchor.anchor().differs);
            }
        });
        var last = checkpoints.isEmpty() ? null : checkpoints.lastKey();
        if (firstInvalid == null
                && cadence.spacing(new ArrayList<>(checkpoints.keySet()), expected - 1) instanceof Cadence.Breach b) {
            fail(b.sequence(), b.problem());
        }
        if (firstInvalid == null && cadence.overdue(last, oldestUnsigned) instanceof Cadence.Breach b) {
            fail(b.sequence(), b.problem());
        }
        return new VerificationReport(
                firstInvalid == null,
                entries,
                firstInvalid,
                problem,
                lastHash,
                checkpoints.size(),
                last,
                timestamps,
                lastTimestamp);
    }

    private void checkTimestamp(Checkpoint c) {
        var check = TimestampTokens.check(c, timestampAuthority);
        if (check.problem() != null) {
            fail(c.sequence(), check.problem());
        } else {
            timestamps++;
            lastTimestamp = check.time();
        }
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
