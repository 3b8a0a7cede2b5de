package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.shared.Actor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;

/** The head is signed every N entries or, while entries arrive, every M minutes — whichever comes first. */
class CheckpointScheduleTest {

    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path keys;

    InMemoryLedger.Store store;
    InMemoryLedger.Checkpoints checkpoints;
    ChainAppender appender;

    @BeforeEach
    void everyTenEntriesOrFiveMinutes() {
        var ledger = new InMemoryLedger(keys, LedgerProperties.of(keys, 10, Duration.ofMinutes(5), 500, 10));
        store = ledger.store;
        checkpoints = ledger.checkpoints;
        appender = ledger.appender();
    }

    @Test
    void signsTheFirstBatchSoThatAFreshLedgerIsAnchoredAtOnce() {
        appender.append(batch(1), T0, false);
        assertThat(checkpoints.list).extracting(Checkpoint::sequence).containsExactly(1L);
    }

    @Test
    void waitsUntilFiveMinutesHavePassedBeforeSigningByTime() {
        appender.append(batch(1), T0, false);
        appender.append(batch(1), T0.plus(Duration.ofMinutes(4)), false);
        appender.append(ticks(), T0.plus(Duration.ofMinutes(4).plusSeconds(59)), false);
        assertThat(checkpoints.list).hasSize(1);

        appender.append(ticks(), T0.plus(Duration.ofMinutes(5)), false);
        assertThat(checkpoints.list).extracting(Checkpoint::sequence).containsExactly(1L, 2L);
    }

    @Test
    void signsByCountBeforeTheTimeLimit() {
        appender.append(batch(1), T0, false);
        appender.append(batch(9), T0.plusSeconds(10), false);
        assertThat(checkpoints.list).hasSize(1);
        appender.append(batch(1), T0.plusSeconds(20), false);
        assertThat(checkpoints.list).extracting(Checkpoint::sequence).containsExactly(1L, 11L);
    }

    @Test
    void doesNotSignAgainWhenNothingWasAppended() {
        appender.append(batch(1), T0, false);
        appender.append(ticks(), T0.plus(Duration.ofHours(1)), false);
        assertThat(checkpoints.list).hasSize(1);
    }

    @Test
    void recordsAReDeliveredEventOnlyOnce() {
        var pending = batch(1);
        var first = appender.append(pending, T0, false);
        var redelivered = List.of(new ChainAppender.Pending(pending.getFirst().evidence(), null));
        assertThatThrownBy(() -> appender.append(redelivered, T0, false)).isInstanceOf(DuplicateKeyException.class);
        var again = appender.append(redelivered, T0, true);
        assertThat(store.entries).hasSize(1);
        assertThat(again.getFirst()).isEqualTo(first.getFirst());
    }

    @Test
    void needsNoTransactionOnlyForOneStatementAppendsWithoutCheckpointOrDuplicateLookup() {
        store.oneStatement = true;
        assertThat(appender.needsTransaction(batch(1), T0, false))
                .as("the first entry is signed at once")
                .isTrue();
        appender.append(batch(1), T0, false);
        appender.committed();
        assertThat(appender.needsTransaction(batch(8), T0.plusSeconds(1), false))
                .isFalse();
        assertThat(appender.needsTransaction(batch(8), T0.plusSeconds(1), true))
                .as("duplicate lookup")
                .isTrue();
        assertThat(appender.needsTransaction(batch(10), T0.plusSeconds(1), false))
                .as("10 entries since the last checkpoint")
                .isTrue();
        assertThat(appender.needsTransaction(ticks(), T0.plus(Duration.ofMinutes(5)), false))
                .as("a tick with nothing new to sign")
                .isFalse();
        store.oneStatement = false;
        assertThat(appender.needsTransaction(batch(1), T0.plusSeconds(1), false))
                .as("H2")
                .isTrue();
    }

    @Test
    void keepsTheScheduleWhenAppendsAreOneStatement() {
        store.oneStatement = true;
        appender.append(batch(1), T0, false);
        appender.append(batch(9), T0.plusSeconds(10), false);
        appender.append(batch(1), T0.plusSeconds(20), false);
        assertThat(checkpoints.list).extracting(Checkpoint::sequence).containsExactly(1L, 11L);
        var verifier = new ChainVerifier(checkpoints.list, Set.of());
        store.entries.forEach(verifier::accept);
        assertThat(verifier.finish().valid()).isTrue();
    }

    private static List<ChainAppender.Pending> batch(int size) {
        return IntStream.range(0, size)
                .mapToObj(i -> new ChainAppender.Pending(
                        Evidence.of(T0, Actor.SYSTEM, "test.fact", "test", i, Map.of()), new CompletableFuture<>()))
                .toList();
    }

    private static List<ChainAppender.Pending> ticks() {
        return List.of(new ChainAppender.Pending(null, new CompletableFuture<>()));
    }
}
