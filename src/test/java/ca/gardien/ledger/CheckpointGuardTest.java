package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before signing, the chain must still link to the last checkpoint known outside the database. */
class CheckpointGuardTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path keys;

    InMemoryLedger ledger;
    ChainAppender appender;
    int batches;

    @BeforeEach
    void ledgerSignedEveryTenEntriesWithItsCheckpointsLogged() throws IOException {
        ledger = new InMemoryLedger(keys, LedgerProperties.of(keys, 10, Duration.ofMinutes(5), 5, 100));
        appender = ledger.appender();
        appendBatches(10); // checkpoints at 3, 15, 27
    }

    @Test
    void allowsAHeadThatLinksToTheLoggedCheckpoint() throws IOException {
        assertThat(ledger.log.latest()).map(Checkpoint::sequence).contains(27L);
        assertThat(check()).isNull();
        assertThat(ledger.alarm.active()).isEmpty();
    }

    @Test
    void refusesWhenTheLoggedCheckpointIsMissingFromTheDatabaseAndRaisesTheAlarm() {
        ledger.checkpoints.list.removeIf(c -> c.sequence() == 27);
        var refusal = check();
        assertThat(refusal.reason()).isEqualTo("log-checkpoint-missing");
        assertThat(refusal.problem())
                .isEqualTo("checkpoint 27 of the checkpoint log is missing from the database: checkpoints were deleted"
                        + " from the database");
        assertThat(ledger.alarm.active()).contains(refusal);
        assertThat(Files.exists(keys.resolve(SigningAlarm.FILE))).isTrue();
        assertThat(ledger.events).singleElement().isInstanceOfSatisfying(Evidence.class, e -> {
            assertThat(e.action()).isEqualTo("ledger.checkpoint-refused");
            assertThat(e.payload()).containsEntry("reason", "log-checkpoint-missing");
        });
    }

    @Test
    void refusesAChainReHashedFromBeforeTheLoggedCheckpoint() {
        var entries = ledger.store.entries;
        var rehashed = new ArrayList<LedgerEntry>(entries.subList(0, 19));
        var prev = entries.get(18).hash();
        for (var e : entries.subList(19, entries.size())) {
            var forged = ExportFiles.withObjectId(e, "forged").linkedAfter(prev);
            rehashed.add(forged);
            prev = forged.hash();
        }
        entries.clear();
        entries.addAll(rehashed);
        var refusal = check();
        assertThat(refusal.reason()).isEqualTo("chain-rewritten");
        assertThat(refusal.sequence()).isEqualTo(27);
    }

    @Test
    void refusesAChainReHashedThroughTheLoggedCheckpoint() {
        ledger.checkpoints.list.clear(); // what the probe did, with the head reset
        assertThat(check().reason()).isEqualTo("log-checkpoint-missing");
    }

    @Test
    void refusesALongChainWithoutAnyCheckpointWhenTheLogIsEmpty() throws IOException {
        Files.delete(ledger.log.file());
        ledger.checkpoints.list.clear();
        var refusal = check();
        assertThat(refusal.reason()).isEqualTo("no-checkpoint");
        assertThat(refusal.sequence()).isEqualTo(1);
    }

    @Test
    void refusesAStoredCheckpointThatThisKeyDidNotSignWhenTheLogIsEmpty(@TempDir Path otherKeys) throws IOException {
        Files.delete(ledger.log.file());
        var last = ledger.store.entries.get(26);
        ledger.checkpoints.list.removeIf(c -> c.sequence() == 27);
        ledger.checkpoints.list.add(TestChains.checkpoint(SigningKeys.loadOrCreate(otherKeys), last));
        assertThat(check().reason()).isEqualTo("checkpoint-unsigned");
    }

    @Test
    void keepsRefusingWhileTheAlarmFileExistsAndChecksAgainOnceDeleted() throws IOException {
        ledger.checkpoints.list.removeIf(c -> c.sequence() == 27);
        var first = check();
        var restored = ledger.log.latest().orElseThrow();
        ledger.checkpoints.list.add(restored);
        assertThat(check())
                .as("the history is repaired, but nobody cleared the alarm")
                .isEqualTo(first);
        assertThat(ledger.events).hasSize(1);

        Files.delete(keys.resolve(SigningAlarm.FILE));
        assertThat(check()).isNull();
    }

    @Test
    void appendsButSignsNothingWhenRefused() {
        ledger.checkpoints.list.removeIf(c -> c.sequence() == 27);
        int signed = ledger.checkpoints.list.size();
        appendBatches(5);
        assertThat(ledger.store.entries).hasSize(45);
        assertThat(ledger.checkpoints.list).hasSize(signed);
    }

    /** The check runs before the head's lock; a head that another node moved meanwhile is retried, not alarmed. */
    @Test
    void raisesNoAlarmWhenAnotherNodeMovedTheHeadAndSignedMeanwhile() throws IOException {
        var otherNode = ledger.appender();
        for (int i = 0; i < 3; i++) {
            otherNode.append(LedgerTamperOfflineTest.batch(3), T0.plusSeconds(batches++), false);
            var signed = otherNode.committed();
            if (signed != null) {
                ledger.log.append(signed);
            }
        }
        assertThat(ledger.log.latest()).map(Checkpoint::sequence).contains(39L);

        var dueByTime = T0.plus(Duration.ofMinutes(10));
        assertThatThrownBy(() -> appender.append(LedgerTamperOfflineTest.batch(1), dueByTime, false))
                .isInstanceOf(ChainAppender.HeadMoved.class);
        appender.forget();
        assertThat(ledger.alarm.active()).isEmpty();
        appender.append(LedgerTamperOfflineTest.batch(1), dueByTime, false);
        assertThat(ledger.checkpoints.list).extracting(Checkpoint::sequence).endsWith(39L, 40L);
    }

    SigningAlarm.Raised check() {
        var head = ledger.store.head();
        return ledger.guard().check(head.lastSequence(), head.lastHash(), T0.plusSeconds(batches));
    }

    void appendBatches(int count) {
        for (int i = 0; i < count; i++) {
            appender.append(LedgerTamperOfflineTest.batch(3), T0.plusSeconds(batches++), false);
            var signed = appender.committed();
            if (signed != null) {
                try {
                    ledger.log.append(signed);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }
}
