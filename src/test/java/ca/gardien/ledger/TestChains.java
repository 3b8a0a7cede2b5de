package ca.gardien.ledger;

import ca.gardien.shared.Actor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds correctly hashed and signed chains in memory, for tests and benchmarks. */
final class TestChains {

    private TestChains() {}

    static final Instant START = Instant.parse("2026-11-29T10:00:00.000Z");

    /**
     * Entries appended as one batch at {@link #START} (facts a millisecond apart): any checkpoint on them meets the
     * cadence's time rules, which {@link #entries(int, int)} exercises.
     */
    static List<LedgerEntry> entries(int count) {
        return entries(count, Integer.MAX_VALUE);
    }

    /** Entries appended in batches of {@code batch}, one second apart, as a writer busy every second would. */
    static List<LedgerEntry> entries(int count, int batch) {
        var entries = new ArrayList<LedgerEntry>(count);
        var prev = CanonicalForm.GENESIS_HASH;
        for (int i = 1; i <= count; i++) {
            var recordedAt = START.plusSeconds((i - 1) / batch);
            var e = entry(i, prev, recordedAt, START.plusMillis(i), "{\"roles\":\"STAFF\",\"n\":\"" + i + "\"}");
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    static LedgerEntry entry(long sequence, String prevHash, Instant at, String payload) {
        return entry(sequence, prevHash, at, at, payload);
    }

    static LedgerEntry entry(long sequence, String prevHash, Instant recordedAt, Instant occurredAt, String payload) {
        var unhashed = new LedgerEntry(
                sequence,
                UUID.nameUUIDFromBytes(("e" + sequence).getBytes()),
                recordedAt,
                occurredAt,
                Actor.account(UUID.nameUUIDFromBytes(("a" + sequence % 7).getBytes())),
                "account.created",
                "account",
                UUID.nameUUIDFromBytes(("o" + sequence).getBytes()).toString(),
                payload,
                prevHash,
                null);
        return rehash(unhashed, prevHash);
    }

    static LedgerEntry rehash(LedgerEntry e, String prevHash) {
        return e.linkedAfter(prevHash);
    }

    static Checkpoint checkpoint(SigningKeys keys, LedgerEntry at) {
        var signedAt = at.recordedAt();
        var text = CanonicalForm.checkpointText(at.sequence(), at.hash(), signedAt, keys.keyId());
        return new Checkpoint(at.sequence(), at.hash(), signedAt, keys.keyId(), keys.publicKeyPem(), keys.sign(text));
    }

    static SigningKeys keys(Path dir) {
        return SigningKeys.loadOrCreate(dir);
    }
}
