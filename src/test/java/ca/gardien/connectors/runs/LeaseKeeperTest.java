package ca.gardien.connectors.runs;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.RunAction;
import ca.gardien.shared.Actor;
import ca.gardien.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run's walk reads ahead of the transaction that records it and renews its lease as it goes. Until that record is
 * committed there is no row to renew: a renewal then changed nothing and took the run for lost, so on a loaded machine
 * a walk longer than a third of the lease stopped the run ("taken over by another node", on a single node) and it waited
 * for its lease to run out before being resumed. The lease is long here so that the heartbeat stays out of the way.
 */
class LeaseKeeperTest {

    private final MovableClock clock = new MovableClock();
    private final RunStore store = mock(RunStore.class);
    private final LeaseKeeper leases = new LeaseKeeper(store, properties(Duration.ofHours(3)), clock);
    private final StoredRun run = StoredRun.pending(
            UUID.randomUUID(), "crm", RunAction.EXPORT, "sealed", Actor.SYSTEM, Instant.EPOCH, new Lease("node", 1));

    @AfterEach
    void stop() {
        leases.stop();
    }

    @Test
    void aWalkOutlastingAThirdOfTheLeaseBeforeItsRecordCommitsKeepsTheRun() {
        var recorded = new CompletableFuture<Void>();
        leases.taken(run.id());
        leases.carrying(run, recorded);
        clock.advance(Duration.ofHours(2));

        assertThatNoException().isThrownBy(() -> leases.renew(run));
        verify(store, never()).renew(any(), any());

        recorded.complete(null);
        when(store.renew(eq(run), any())).thenReturn(true);
        assertThatNoException().isThrownBy(() -> leases.renew(run));
        verify(store).renew(eq(run), any());
    }

    @Test
    void aCommittedRunWhoseRenewalChangesNothingIsLost() {
        leases.taken(run.id());
        leases.carrying(run, RunRecord.COMMITTED);
        clock.advance(Duration.ofHours(2));
        when(store.renew(any(), any())).thenReturn(false);

        assertThatThrownBy(() -> leases.renew(run)).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> leases.renew(run)).isInstanceOf(LeaseLost.class);
    }

    private static ConnectorsProperties properties(Duration lease) {
        return new ConnectorsProperties(
                null,
                null,
                500,
                Duration.ZERO,
                6,
                Duration.ofMillis(500),
                lease,
                Duration.ofSeconds(5),
                4,
                Duration.ofSeconds(10),
                Duration.ofDays(30),
                Duration.ofHours(1),
                10000,
                new ConnectorsProperties.Jdbc(false, Map.of(), List.of()),
                new ConnectorsProperties.Outbound(null));
    }
}
