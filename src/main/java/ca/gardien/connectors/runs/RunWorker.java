package ca.gardien.connectors.runs;

import ca.gardien.connectors.ConnectorCatalog;
import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.RunRequest;
import ca.gardien.connectors.RunState;
import ca.gardien.connectors.SecretBox;
import ca.gardien.connectors.engine.DatabaseRuns;
import ca.gardien.connectors.engine.DatasetGraphs;
import ca.gardien.connectors.spi.DispatchingConnector;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.connectors.spi.RunOrder;
import ca.gardien.ledger.Evidence;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries runs forward on this node: a run just recorded starts at once (held by this node's lease), a run left by a
 * node that died or due for a retry is claimed first. Database runs are carried out by {@link DatabaseRuns}; a webhook
 * or manual connector gets the order. The lease is renewed while a run progresses; a failure is retried with
 * exponential backoff ({@link RunOutcomes#failed}).
 */
@Component
public class RunWorker {

    private final ConnectorCatalog catalog;
    private final DatasetGraphs graphs;
    private final RunStore store;
    private final SecretBox box;
    private final ConnectorsProperties properties;
    private final ApplicationEventPublisher events;
    private final RunOutcomes outcomes;
    private final DatabaseRuns database;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Instant> renewed = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    RunWorker(
            ConnectorCatalog catalog,
            DatasetGraphs graphs,
            RunStore store,
            SecretBox box,
            ConnectorsProperties properties,
            ApplicationEventPublisher events,
            RunOutcomes outcomes,
            DatabaseRuns database,
            TransactionTemplate transactions,
            Clock clock) {
        this.catalog = catalog;
        this.graphs = graphs;
        this.store = store;
        this.box = box;
        this.properties = properties;
        this.events = events;
        this.outcomes = outcomes;
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Carries on a run this node may be able to take: one left by a node that died, or due for a retry. */
    void submit(UUID id) {
        execute(id, () -> process(id));
    }

    /**
     * Starts a run being recorded and held by this node, with its request as given, while the transaction that records
     * it commits: the walk reads only, and nothing is written (here or on the target) before {@code recorded} says the
     * run is committed. If it is not, the run is dropped.
     */
    public void start(StoredRun run, RunRequest request, Future<?> recorded) {
        renewed.put(run.id(), clock.instant()); // the lease is being recorded with the run
        execute(run.id(), () -> {
            try {
                carry(run, request, recorded);
            } catch (RunRecord.NotRecorded e) {
                // the transaction that was to record the run rolled back: there is no run
            } catch (Exception e) {
                failed(run.id(), recorded, e);
            }
        });
    }

    private void execute(UUID id, Runnable work) {
        if (running.add(id)) {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    running.remove(id);
                    renewed.remove(id);
                }
            });
        }
    }

    /** Whether this node carries no run at the moment. */
    public boolean idle() {
        return running.isEmpty();
    }

    void process(UUID id) {
        if (!store.claim(id, clock.instant(), lease())) {
            return; // another node holds it, or it is not due
        }
        try {
            var run = store.find(id).orElseThrow();
            carry(run, RunStore.JSON.readValue(box.open(run.request()), RunRequest.class), RunRecord.COMMITTED);
        } catch (Exception e) {
            outcomes.failed(store.find(id).orElseThrow(), e);
        }
    }

    private void carry(StoredRun run, RunRequest request, Future<?> recorded) throws Exception {
        var id = run.id();
        var connector = catalog.admitted(run.connector(), null); // an address refused now fails the run, plainly
        if (connector instanceof DispatchingConnector dispatching) {
            RunRecord.await(recorded);
            dispatch(run, dispatching, request);
            return;
        }
        var jdbc = (JdbcConnector) connector;
        var graph = graphs.graph(run.connector());
        Runnable progress = () -> renew(id);
        if (run.action() == RunAction.EXPORT) {
            database.export(run, jdbc, graph, request, recorded, progress);
        } else if (RunState.UNDISPATCHED.contains(run.status())) {
            database.collectAndApply(run, jdbc, graph, request, recorded, progress);
        } else {
            database.apply(run, jdbc, graph, request, (slot, after, limit) -> store.keys(id, slot, after, limit), null);
        }
    }

    private void dispatch(StoredRun run, DispatchingConnector connector, RunRequest request) throws Exception {
        var changes = run.action() == RunAction.RECTIFY
                ? request.changes().stream()
                        .map(c -> new RunOrder.FieldChange(c.table(), c.column(), c.newValue()))
                        .toList()
                : List.<RunOrder.FieldChange>of();
        var order = new RunOrder(
                run.id(),
                run.connector(),
                run.action(),
                request.identities(),
                "/connectors/callbacks/" + run.id(),
                changes);
        transactions.executeWithoutResult(s -> {
            try {
                connector.dispatch(order);
            } catch (Exception e) {
                throw new DispatchFailed(e);
            }
            if (!store.dispatched(run.id(), clock.instant())) {
                return; // the service answered before this was recorded: its report ended the run
            }
            events.publishEvent(Evidence.of(
                    clock.instant(),
                    run.actor(),
                    "connectors.run.dispatched",
                    "connector-run",
                    run.id(),
                    Map.of("connector", run.connector(), "action", run.action().name())));
        });
    }

    private Instant lease() {
        return clock.instant().plus(properties.lease());
    }

    /** Renews the lease during a long collection, at most every third of the lease. */
    private void renew(UUID id) {
        var now = clock.instant();
        var last = renewed.get(id);
        if (last == null || now.isAfter(last.plus(properties.lease().dividedBy(3)))) {
            store.renew(id, lease());
            renewed.put(id, now);
        }
    }

    /** Records a failure, once the run's record is there (the walk may fail before it commits). */
    private void failed(UUID id, Future<?> recorded, Exception e) {
        try {
            RunRecord.await(recorded);
        } catch (RunRecord.NotRecorded gone) {
            return; // no run to fail
        }
        outcomes.failed(store.find(id).orElseThrow(), e);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static final class DispatchFailed extends RuntimeException {
        DispatchFailed(Exception cause) {
            super(cause);
        }
    }
}
