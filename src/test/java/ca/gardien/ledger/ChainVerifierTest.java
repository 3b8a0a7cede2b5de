package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainVerifierTest {

    @TempDir
    Path keyDir;

    SigningKeys keys;
    List<LedgerEntry> chain;
    List<Checkpoint> checkpoints;

    @BeforeEach
    void tenEntriesWithCheckpointsAtFiveAndTen() {
        keys = TestChains.keys(keyDir);
        chain = new ArrayList<>(TestChains.entries(10));
        checkpoints = List.of(TestChains.checkpoint(keys, chain.get(4)), TestChains.checkpoint(keys, chain.get(9)));
    }

    @Test
    void acceptsAnUntouchedChain() {
        var report = verify(chain, checkpoints);
        assertThat(report.valid()).isTrue();
        assertThat(report.entries()).isEqualTo(10);
        assertThat(report.firstInvalidSequence()).isNull();
        assertThat(report.headHash()).isEqualTo(chain.getLast().hash());
        assertThat(report.lastCheckpointSequence()).isEqualTo(10);
    }

    @Test
    void detectsAModifiedEntry() {
        var e = chain.get(6);
        chain.set(
                6,
                new LedgerEntry(
                        e.sequence(),
                        e.eventId(),
                        e.recordedAt(),
                        e.occurredAt(),
                        e.actor(),
                        "account.deleted",
                        e.objectType(),
                        e.objectId(),
                        e.payload(),
                        e.prevHash(),
                        e.hash()));
        assertInvalidAt(verify(chain, checkpoints), 7);
    }

    @Test
    void detectsADeletedEntry() {
        chain.remove(3);
        assertInvalidAt(verify(chain, checkpoints), 4);
    }

    @Test
    void detectsAnInsertedEntry() {
        var forged = TestChains.entry(4, chain.get(2).hash(), chain.get(2).recordedAt(), "{}");
        chain.add(3, forged);
        assertInvalidAt(verify(chain, checkpoints), 5);
    }

    @Test
    void detectsReorderedEntries() {
        Collections.swap(chain, 5, 6);
        assertInvalidAt(verify(chain, checkpoints), 6);
    }

    @Test
    void detectsTruncationPastACheckpoint() {
        var truncated = chain.subList(0, 7);
        assertInvalidAt(verify(truncated, checkpoints), 8);
    }

    @Test
    void acceptsTruncationAfterTheLastCheckpointAsTheDocumentedLimit() {
        var onlyFirst = List.of(checkpoints.getFirst());
        assertThat(verify(chain.subList(0, 7), onlyFirst).valid()).isTrue();
    }

    @Test
    void detectsASuffixRewrittenWithValidHashesThroughTheSignedCheckpoint() {
        var rewritten = new ArrayList<>(chain.subList(0, 2));
        var prev = rewritten.getLast().hash();
        for (var e : chain.subList(2, 10)) {
            var forged = TestChains.rehash(
                    new LedgerEntry(
                            e.sequence(),
                            e.eventId(),
                            e.recordedAt(),
                            e.occurredAt(),
                            e.actor(),
                            e.action(),
                            e.objectType(),
                            e.objectId(),
                            "{\"forged\":\"yes\"}",
                            prev,
                            null),
                    prev);
            rewritten.add(forged);
            prev = forged.hash();
        }
        assertInvalidAt(verify(rewritten, checkpoints), 5);
    }

    @Test
    void detectsACheckpointSignedWithAnotherKey(@TempDir Path otherDir) {
        var impostor = TestChains.checkpoint(TestChains.keys(otherDir), chain.get(9));
        var report = new ChainVerifier(List.of(checkpoints.getFirst(), impostor), Set.of(keys.publicKeyPem()));
        chain.forEach(report::accept);
        assertInvalidAt(report.finish(), 10);
    }

    @Test
    void detectsAForgedCheckpointSignature() {
        var c = checkpoints.get(1);
        var forged = new Checkpoint(
                c.sequence(), c.headHash(), c.signedAt().plusSeconds(1), c.keyId(), c.publicKeyPem(), c.signature());
        assertInvalidAt(verify(chain, List.of(checkpoints.get(0), forged)), 10);
    }

    private VerificationReport verify(List<LedgerEntry> entries, List<Checkpoint> cps) {
        var verifier = new ChainVerifier(cps, Set.of());
        entries.forEach(verifier::accept);
        return verifier.finish();
    }

    private static void assertInvalidAt(VerificationReport report, long sequence) {
        assertThat(report.valid()).isFalse();
        assertThat(report.firstInvalidSequence()).isEqualTo(sequence);
        assertThat(report.problem()).isNotBlank();
    }
}
