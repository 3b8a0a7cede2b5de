package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
    void boundsTheUnsignedTailByTheSpacingPlusOneBatch() {
        var everyTwoInBatchesOfOne = new Cadence(2, 1, Duration.ofMinutes(5), Duration.ofMinutes(1), null);
        var signedAtOne = List.of(TestChains.checkpoint(keys, chain.getFirst()));
        assertThat(verify(chain.subList(0, 4), signedAtOne, everyTwoInBatchesOfOne)
                        .valid())
                .isTrue();
        var report = verify(chain.subList(0, 5), signedAtOne, everyTwoInBatchesOfOne);
        assertInvalidAt(report, 2);
        assertThat(report.problem())
                .isEqualTo("4 entries after the last checkpoint 1, more than 3: checkpoints were removed");
    }

    @Test
    void rejectsAChainWithoutCheckpoints() {
        var report = verify(chain, List.of());
        assertInvalidAt(report, 1);
        assertThat(report.problem()).isEqualTo("the ledger has no signed checkpoint: its checkpoints were removed");
        assertThat(verify(List.of(), List.of()).valid()).as("an empty ledger").isTrue();
    }

    @Test
    void rejectsAGapBetweenCheckpointsWiderThanTheSpacingPlusOneBatch() {
        var cadence = new Cadence(3, 1, Duration.ofMinutes(5), Duration.ofMinutes(1), null);
        var report = verify(chain, List.of(checkpoints.getFirst(), checkpoints.getLast()), cadence);
        assertInvalidAt(report, 1);
        assertThat(report.problem())
                .startsWith("the first checkpoint is at 5, after the first batch (at most 1 entries)");
        var fromOne =
                List.of(TestChains.checkpoint(keys, chain.getFirst()), checkpoints.getFirst(), checkpoints.getLast());
        var gap = verify(chain, fromOne, cadence);
        assertInvalidAt(gap, 6);
        assertThat(gap.problem())
                .isEqualTo("5 entries between checkpoints 5 and 10, more than 4: a checkpoint was removed");
    }

    @Test
    void rejectsAnEntryDueForSigningThatNoCheckpointOfItsBatchSigns() {
        var late = TestChains.entries(10, 3); // batches of 3, one second apart
        var cadence = new Cadence(1000, 500, Duration.ofSeconds(1), Duration.ZERO, null);
        var first = TestChains.checkpoint(keys, late.get(2));
        var report = verify(late, List.of(first, TestChains.checkpoint(keys, late.get(9))), cadence);
        assertInvalidAt(report, 4);
        assertThat(report.problem())
                .isEqualTo("entry 4 was recorded more than 1 s after checkpoint 3 and no checkpoint of its batch signs"
                        + " it: a checkpoint was removed");
        var signedEachBatch = List.of(
                first,
                TestChains.checkpoint(keys, late.get(5)),
                TestChains.checkpoint(keys, late.get(8)),
                TestChains.checkpoint(keys, late.get(9)));
        assertThat(verify(late, signedEachBatch, cadence).valid()).isTrue();
    }

    @Test
    void rejectsAnUnsignedTailOlderThanTheScheduleAtTheExportTime() {
        var cadence = Cadence.DEFAULT.withAsOf(TestChains.START.plus(Duration.ofMinutes(7)));
        var report = verify(chain.subList(0, 7), List.of(checkpoints.getFirst()), cadence);
        assertInvalidAt(report, 6);
        var inTime = Cadence.DEFAULT.withAsOf(TestChains.START.plus(Duration.ofMinutes(5)));
        assertThat(verify(chain.subList(0, 7), List.of(checkpoints.getFirst()), inTime)
                        .valid())
                .isTrue();
    }

    @Test
    void rejectsAnExpectedCheckpointThatIsMissingOrDifferent() {
        var verifier = new ChainVerifier(List.of(checkpoints.getFirst()), Set.of());
        verifier.expect(10, chain.get(9).hash(), ChainVerifier.Anchor.AUDIT);
        chain.forEach(verifier::accept);
        var missing = verifier.finish();
        assertInvalidAt(missing, 10);
        assertThat(missing.problem()).contains("that the previous audit recorded is missing");

        var differs = new ChainVerifier(checkpoints, Set.of());
        differs.expect(5, chain.get(3).hash(), ChainVerifier.Anchor.LOG);
        chain.forEach(differs::accept);
        assertThat(differs.finish().problem())
                .isEqualTo("checkpoint 5 of the checkpoint log differs from the database's: the chain was rewritten");
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
        return verify(entries, cps, Cadence.DEFAULT);
    }

    private VerificationReport verify(List<LedgerEntry> entries, List<Checkpoint> cps, Cadence cadence) {
        var verifier = new ChainVerifier(cps, Set.of(), cadence);
        entries.forEach(verifier::accept);
        return verifier.finish();
    }

    private static void assertInvalidAt(VerificationReport report, long sequence) {
        assertThat(report.valid()).isFalse();
        assertThat(report.firstInvalidSequence()).isEqualTo(sequence);
        assertThat(report.problem()).isNotBlank();
    }
}
