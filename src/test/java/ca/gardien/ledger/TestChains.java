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

    static List<LedgerEntry> entries(int count) {
        var entries = new ArrayList<LedgerEntry>(count);
        var prev = CanonicalForm.GENESIS_HASH;
        var start = Instant.parse("2026-11-29T10:00:00.000Z");
        for (int i = 1; i <= count; i++) {
            var e = entry(i, prev, start.plusMillis(i), "{\"roles\":\"STAFF\",\"n\":\"" + i + "\"}");
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    static LedgerEntry entry(long sequence, String prevHash, Instant at, String payload) {
        var unhashed = new LedgerEntry(
                sequence,
                UUID.nameUUIDFromBytes(("e" + sequence).getBytes()),
                at,
                at,
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
