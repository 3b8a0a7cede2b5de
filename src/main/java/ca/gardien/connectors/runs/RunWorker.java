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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries runs forward on this node: a run just recorded starts at once (held by this node's lease), a run left by a
 * node that died or due for a retry is claimed first. Database runs are carried out by {@link DatabaseRuns}; a webhook
 * or manual connector gets the order. The lease is renewed while a run progresses and by a heartbeat ({@link LeaseKeeper});
 * a failure is retried with exponential backoff ({@link RunOutcomes#failed}). Every write is fenced
 * by the lease this node took ({@link Lease}): once another node has claimed the run, the first refused write or
 * renewal ({@link LeaseLost}) stops the run here, with nothing recorded.
 */
@Component
public class RunWorker {

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

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
    private final RunKeyStore keys;
    private final LeaseKeeper leases;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    RunWorker(
            ConnectorCatalog catalog,
            DatasetGraphs graphs,
            RunStore store,
            RunKeyStore keys,
            LeaseKeeper leases,
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
        this.keys = keys;
        this.leases = leases;
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
        leases.taken(run.id()); // the lease is being recorded with the run
        execute(run.id(), () -> {
            leases.carrying(run, recorded);
            try {
                carry(run, request, recorded);
            } catch (RunRecord.NotRecorded e) {
                // the transaction that was to record the run rolled back: there is no run
            } catch (LeaseLost e) {
                stopped(e);
            } catch (Exception e) {
                failed(run, recorded, e);
            }
        });
    }

    private void execute(UUID id, Runnable work) {
        if (running.add(id)) {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    leases.released(id);
                    running.remove(id);
                }
            });
        }
    }

    /** Whether this node carries no run at the moment. */
    public boolean idle() {
        return running.isEmpty();
    }

    void process(UUID id) {
        if (!store.claim(id, clock.instant(), leases.lease())) {
            return; // another node holds it, or it is not due
        }
        var run = store.find(id).orElseThrow();
        if (!store.mine(run.lease())) {
            return; // claimed by another node in between: this node's lease was too short to read the run
        }
        leases.carrying(run, RunRecord.COMMITTED);
        leases.taken(id);
        try {
            carry(run, RunStore.JSON.readValue(box.open(run.request()), RunRequest.class), RunRecord.COMMITTED);
        } catch (LeaseLost e) {
            stopped(e);
        } catch (Exception e) {
            failed(run, RunRecord.COMMITTED, e);
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
        Runnable progress = () -> leases.renew(run);
        if (run.action() == RunAction.EXPORT) {
            database.export(run, jdbc, graph, request, recorded, progress);
        } else if (RunState.UNDISPATCHED.contains(run.status())) {
            database.collectAndApply(run, jdbc, graph, request, recorded, progress);
        } else {
            database.apply(run, jdbc, graph, request, (slot, after, limit) -> keys.keys(id, slot, after, limit), null);
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
        // the call runs outside any transaction: a slow service must not hold one of Gardien's database connections
        // (attacker's review: ten runs to a service answering a byte a second took every connection, and Gardien with
        // them); only the record of the dispatch is written, in a short transaction, once the service took the order
        connector.dispatch(order);
        transactions.executeWithoutResult(s -> {
            if (!store.dispatched(run, clock.instant())) {
                return; // the service answered before this was recorded (its report ended the run), or the run was
                // taken over by another node
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

    /** This node lost the run to another node: it stops, records nothing, and the holder carries the run on. */
    private void stopped(LeaseLost e) {
        log.warn("Connector run {} stopped on this node: its lease was taken over by another node", e.run());
    }

    /**
     * Records a failure, once the run's record is there (the walk may fail before it commits), under the lease this node
     * holds: the attempts counted so far come from the stored run, the fence from this node's lease.
     */
    private void failed(StoredRun run, Future<?> recorded, Exception e) {
        try {
            RunRecord.await(recorded);
        } catch (RunRecord.NotRecorded gone) {
            return; // no run to fail
        }
        var stored = store.find(run.id()).orElseThrow();
        try {
            outcomes.failed(stored.heldUnder(run.lease()), e);
        } catch (LeaseLost lostMeanwhile) {
            stopped(lostMeanwhile);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
