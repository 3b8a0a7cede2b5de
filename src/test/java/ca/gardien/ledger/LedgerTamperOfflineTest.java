package ca.gardien.ledger;

import static ca.gardien.ledger.ExportFiles.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tampered exports of the security probe (finding H2) that used to verify, each given to both verifiers
 * (Gardien's and docs/verify-ledger.sh) with the key pinned. The ledger is written by the real appender on the schedule
 * "every 10 entries or 5 minutes, batches of up to 5", and verified with that schedule.
 */
class LedgerTamperOfflineTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    InMemoryLedger ledger;

    @Test
    void acceptsTheUntouchedExport() throws Exception {
        var export = busyLedger();
        assertThat(verify(export))
                .isEqualTo("0 VALID: 60 entries, head %s, 5 signed checkpoints"
                        .formatted(ledger.store.entries.getLast().hash()));
        assertThat(checkpointSequences()).containsExactly(3L, 15L, 27L, 39L, 51L);
    }

    @Test
    void rejectsAnExportWithAllCheckpointsRemoved() throws Exception {
        var export = busyLedger();
        export.removeIf(line -> line.startsWith("{\"type\":\"checkpoint\""));
        assertThat(verify(export))
                .isEqualTo(
                        "1 INVALID at sequence 1: the ledger has no signed checkpoint: its checkpoints were removed");
    }

    @Test
    void rejectsAnEditedAndReHashedChainWithItsCheckpointsRemoved() throws Exception {
        var export = busyLedger();
        export.removeIf(line -> line.startsWith("{\"type\":\"checkpoint\""));
        var forged =
                ExportFiles.relinked(export, e -> e.sequence() == 1 ? ExportFiles.withObjectId(e, "crm-replica") : e);
        assertThat(verify(forged))
                .isEqualTo(
                        "1 INVALID at sequence 1: the ledger has no signed checkpoint: its checkpoints were removed");
    }

    @Test
    void rejectsATruncationAtAMiddleCheckpointThatThePreviousAuditAnchoredBeyond() throws Exception {
        var export = busyLedger();
        var anchor = "51:" + ledger.checkpoints.at(51).orElseThrow().headHash();
        var truncated = new ArrayList<>(export);
        truncated.removeIf(line -> sequenceOf(line) > 27);
        assertThat(verify(truncated))
                .as("without an anchor, as a genuine export taken at that time would")
                .startsWith("0 VALID: 27 entries");
        assertThat(verify(truncated, "--expect-checkpoint", anchor))
                .isEqualTo("1 INVALID at sequence 28: checkpoint 51 that the previous audit recorded is missing: "
                        + "the ledger was truncated or its checkpoints removed");
        assertThat(verify(export, "--expect-checkpoint", anchor)).startsWith("0 VALID: 60 entries");
    }

    @Test
    void rejectsLaterCheckpointsRemovedWhenMoreEntriesFollowThanTheSpacingAllows() throws Exception {
        var export = busyLedger();
        export.removeIf(line -> sequenceOf(line) > 45 || (isCheckpoint(line) && sequenceOf(line) > 27));
        assertThat(verify(export))
                .isEqualTo("1 INVALID at sequence 28: 18 entries after the last checkpoint 27, more than 15: "
                        + "checkpoints were removed");
    }

    @Test
    void rejectsAnEntryDeletedWithTheChainRenumberedAndReHashedAndAnEarlyCheckpointKept() throws Exception {
        var export = busyLedger();
        export.removeIf(
                line -> (isCheckpoint(line) && sequenceOf(line) > 3) || isEntry(line) && sequenceOf(line) == 30);
        var renumbered = ExportFiles.relinked(export, e -> e.sequence() > 30 ? renumber(e, e.sequence() - 1) : e);
        assertThat(verify(renumbered))
                .isEqualTo("1 INVALID at sequence 4: 56 entries after the last checkpoint 3, more than 15: "
                        + "checkpoints were removed");
    }

    /** The documented limit, now bounded: a cut tail is at most the spacing plus a batch, and at most minutes old. */
    @Test
    void acceptsOnlyTheUnsignedTailCutOffAndBoundsItsAgeWithTheExportTime() throws Exception {
        var export = busyLedger();
        var cut = new ArrayList<>(export);
        cut.removeIf(line -> isEntry(line) && sequenceOf(line) > 51);
        assertThat(verify(cut)).startsWith("0 VALID: 51 entries");

        assertThat(verify(export, "--as-of", "2026-12-01T09:05:00Z")).startsWith("0 VALID: 60 entries");
        assertThat(verify(export, "--as-of", "2026-12-01T10:00:00Z"))
                .isEqualTo(
                        "1 INVALID at sequence 52: entries after the last checkpoint 51 were recorded more than 360 s"
                                + " before the time of the export and are still unsigned: checkpoints were removed");
    }

    /** A quiet ledger is signed by time; a removed checkpoint leaves entries that were due and are not signed. */
    @Test
    void rejectsACheckpointRemovedFromAQuietLedgerSignedByTime() throws Exception {
        var export = quietLedger();
        assertThat(checkpointSequences()).containsExactly(1L, 6L, 11L, 16L, 21L, 26L);
        assertThat(verify(export)).startsWith("0 VALID: 30 entries");
        export.removeIf(line -> isCheckpoint(line) && sequenceOf(line) == 11);
        assertThat(verify(export))
                .isEqualTo("1 INVALID at sequence 12: entry 12 was recorded more than 360 s after checkpoint 6 and no "
                        + "checkpoint of its batch signs it: a checkpoint was removed");
    }

    @Test
    void rejectsAFirstCheckpointLaterThanTheFirstBatch() throws Exception {
        var export = busyLedger();
        export.removeIf(line -> isCheckpoint(line) && sequenceOf(line) == 3);
        assertThat(verify(export))
                .isEqualTo("1 INVALID at sequence 1: entry 1 precedes the first checkpoint but was not appended in its "
                        + "batch: a checkpoint was removed");
    }

    /** Twenty batches of three entries, one a second. */
    List<String> busyLedger() throws IOException {
        var appender = newLedger();
        for (int i = 0; i < 20; i++) {
            appender.append(batch(3), T0.plusSeconds(i), false);
            appender.committed();
        }
        return export();
    }

    /** One entry a minute for half an hour. */
    List<String> quietLedger() throws IOException {
        var appender = newLedger();
        for (int i = 0; i < 30; i++) {
            appender.append(batch(1), T0.plus(Duration.ofMinutes(i)), false);
            appender.committed();
        }
        return export();
    }

    ChainAppender newLedger() {
        var keys = dir.resolve("keys");
        ledger = new InMemoryLedger(keys, LedgerProperties.of(keys, 10, Duration.ofMinutes(5), 5, 100));
        return ledger.appender();
    }

    List<String> export() {
        var out = new ByteArrayOutputStream();
        var lines = new ExportLines(out);
        ledger.store.entries.forEach(lines::entry);
        ledger.checkpoints.list.forEach(lines::checkpoint);
        lines.keys(ledger.checkpoints.list, ledger.keys.keyId(), ledger.keys.publicKeyPem());
        return new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    String verify(List<String> lines, String... more) throws Exception {
        var file = Files.write(Files.createTempFile(dir, "ledger", ".jsonl"), lines, StandardCharsets.UTF_8);
        var key = Files.writeString(dir.resolve("ledger.pub"), ledger.keys.publicKeyPem());
        var options = new ArrayList<>(
                List.of("--public-key", key.toString(), "--checkpoint-every-entries", "10", "--max-batch", "5"));
        options.addAll(List.of(more));
        return verdict(file, options);
    }

    List<Long> checkpointSequences() {
        return ledger.checkpoints.list.stream().map(Checkpoint::sequence).toList();
    }

    static boolean isCheckpoint(String line) {
        return line.startsWith("{\"type\":\"checkpoint\"");
    }

    static boolean isEntry(String line) {
        return line.startsWith("{\"type\":\"entry\"");
    }

    static long sequenceOf(String line) {
        return switch (ExportLines.parse(line)) {
            case LedgerEntry e -> e.sequence();
            case Checkpoint c -> c.sequence();
            default -> 0;
        };
    }

    static LedgerEntry renumber(LedgerEntry e, long sequence) {
        return new LedgerEntry(
                sequence,
                e.eventId(),
                e.recordedAt(),
                e.occurredAt(),
                e.actor(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.payload(),
                e.prevHash(),
                e.hash());
    }

    static List<ChainAppender.Pending> batch(int size) {
        return IntStream.range(0, size)
                .mapToObj(i -> new ChainAppender.Pending(
                        Evidence.of(T0, Actor.SYSTEM, "test.fact", "test", i, Map.of("n", String.valueOf(i))),
                        new CompletableFuture<>()))
                .toList();
    }
}
