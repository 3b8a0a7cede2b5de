package ca.gardien.connectors.runs;

import ca.gardien.connectors.ConnectorsProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The leases of the runs this node carries: renewed as a run progresses, at most every third of the lease, and by a
 * heartbeat every third of the lease for a run whose record is committed, so that a long statement or batch does not let
 * the lease run out while the node is alive. A renewal refused marks the run lost; its next progress throws
 * {@link LeaseLost}, which stops it on this node.
 */
@Component
class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final RunStore store;
    private final ConnectorsProperties properties;
    private final Clock clock;
    private final Map<UUID, Instant> renewed = new ConcurrentHashMap<>();
    /** The runs this node carries, as it holds them (with their lease), once their record is committed. */
    private final Map<UUID, Held> held = new ConcurrentHashMap<>();
    /** Runs whose lease this node found lost: their next progress stops them. */
    private final Set<UUID> lost = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gardien-run-leases").factory());

    private record Held(StoredRun run, Future<?> recorded) {}

    LeaseKeeper(RunStore store, ConnectorsProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        long every = Math.max(50, properties.lease().dividedBy(3).toMillis());
        heartbeat.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** The end of a lease taken or renewed now. */
    Instant lease() {
        return clock.instant().plus(properties.lease());
    }

    /** The lease of {@code id} was taken (or is being recorded with the run) now. */
    void taken(UUID id) {
        renewed.put(id, clock.instant());
    }

    /** This node carries {@code run}; the heartbeat renews its lease once {@code recorded} has committed. */
    void carrying(StoredRun run, Future<?> recorded) {
        held.put(run.id(), new Held(run, recorded));
    }

    /** The run is no longer carried here. */
    void released(UUID id) {
        held.remove(id);
        lost.remove(id);
        renewed.remove(id);
    }

    /**
     * Renews the lease as a run progresses; throws {@link LeaseLost} once it is lost (found here or by the heartbeat).
     * While the run's record is still being committed (its walk reads ahead of it), there is no row to renew yet and the
     * lease being recorded is whole: a renewal then would find nothing and wrongly take the run for lost.
     */
    void renew(StoredRun run) {
        var id = run.id();
        if (lost.contains(id)) {
            throw new LeaseLost(id);
        }
        var carried = held.get(id);
        if (carried != null && carried.recorded().state() != Future.State.SUCCESS) {
            return;
        }
        var now = clock.instant();
        var last = renewed.get(id);
        if (last == null || now.isAfter(last.plus(properties.lease().dividedBy(3)))) {
            if (!store.renew(run, lease())) {
                lost.add(id);
                throw new LeaseLost(id);
            }
            renewed.put(id, now);
        }
    }

    private void heartbeat() {
        try {
            var now = clock.instant();
            var window = properties.lease().dividedBy(3);
            for (var entry : held.values()) {
                var id = entry.run().id();
                var last = renewed.get(id);
                if (entry.recorded().state() != Future.State.SUCCESS
                        || lost.contains(id)
                        || (last != null && now.isBefore(last.plus(window)))) {
                    continue;
                }
                if (store.renew(entry.run(), lease())) {
                    renewed.put(id, now);
                } else if (held.containsKey(id)) {
                    lost.add(id); // taken over, or ended meanwhile (then no one asks)
                }
            }
        } catch (RuntimeException e) {
            log.warn("Connector run lease renewal failed: {}", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }
}
