package ca.gardien.connectors;

import ca.gardien.connectors.spi.DispatchingConnector;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.connectors.spi.RunOrder;
import ca.gardien.ledger.Evidence;
import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries runs forward: collects the keys of the person's rows, then applies the steps batch by batch, each batch in a
 * transaction on the target followed by its checkpoint in Gardien's database. A node that dies leaves a lease that
 * expires; any node then resumes from the last checkpoint. A failure is retried with exponential backoff.
 */
@Component
class RunWorker {

    private final ConnectorCatalog catalog;
    private final DatasetGraphs graphs;
    private final RunStore store;
    private final SecretBox box;
    private final ConnectorsProperties properties;
    private final ApplicationEventPublisher events;
    private final RunOutcomes outcomes;
    private final StepExecution execution;
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
            StepExecution execution,
            TransactionTemplate transactions,
            Clock clock) {
        this.catalog = catalog;
        this.graphs = graphs;
        this.store = store;
        this.box = box;
        this.properties = properties;
        this.events = events;
        this.outcomes = outcomes;
        this.execution = execution;
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
    void start(RunStore.Run run, RunRequest request, Future<?> recorded) {
        renewed.put(run.id(), clock.instant()); // the lease is being recorded with the run
        execute(run.id(), () -> {
            try {
                carry(run, request, recorded);
            } catch (RunNotRecorded e) {
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
    boolean idle() {
        return running.isEmpty();
    }

    void process(UUID id) {
        if (!store.claim(id, clock.instant(), lease())) {
            return; // another node holds it, or it is not due
        }
        try {
            var run = store.find(id).orElseThrow();
            carry(run, RunStore.JSON.readValue(box.open(run.request()), RunRequest.class), RECORDED);
        } catch (Exception e) {
            outcomes.failed(store.find(id).orElseThrow(), e);
        }
    }

    private void carry(RunStore.Run run, RunRequest request, Future<?> recorded) throws Exception {
        var id = run.id();
        var connector = catalog.connector(run.connector());
        if (connector instanceof DispatchingConnector dispatching) {
            awaitRecorded(recorded);
            dispatch(run, dispatching, request);
            return;
        }
        var jdbc = (JdbcConnector) connector;
        var graph = graphs.graph(run.connector());
        if ("EXPORT".equals(run.action())) {
            export(run, jdbc, graph, request, recorded);
        } else if ("PENDING".equals(run.status()) || "COLLECTING".equals(run.status())) {
            collectAndApply(run, jdbc, graph, request, recorded);
        } else {
            apply(run, jdbc, graph, request, (slot, after, limit) -> store.keys(id, slot, after, limit), null);
        }
    }

    /**
     * Walks the person's rows in a target transaction that stays open: while the keys and the plan are recorded in
     * Gardien's database, the first batch is applied in it, and it commits once that record is durable. A person held
     * whole in one batch is thus one walk and one target transaction; a crash at any point leaves either nothing
     * changed or the keys to resume from.
     */
    private void collectAndApply(
            RunStore.Run run, JdbcConnector jdbc, ReferenceGraph graph, RunRequest request, Future<?> recorded)
            throws Exception {
        var id = run.id();
        try (var connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            // keys spilled to Gardien's database are written only once the run is recorded
            var collection = new KeyCollection(store, graph, properties.batchSize(), id, () -> awaitRecorded(recorded));
            var found = collection.collect(connection, request, () -> renew(id));
            var reachable = graph.reachable();
            var steps = StepPlanner.plan(graph, run.action(), request.changes(), new ArrayList<>()).stream()
                    .map(step -> step.withRows(rows(found, reachable, step)))
                    .toList();
            var evidence = "RECTIFY".equals(run.action())
                    ? RectificationEvidence.old(
                            connection, graph, collection.keys(), steps, box, properties.batchSize())
                    : Map.<String, String>of();
            Runnable record = () -> transactions.executeWithoutResult(s -> {
                collection.store();
                store.collected(id, steps, clock.instant(), lease());
                events.publishEvent(Evidence.of(
                        clock.instant(),
                        run.actor(),
                        "connectors.run.collected",
                        "connector-run",
                        id,
                        RunOutcomes.summary(steps, evidence)));
            });
            try {
                awaitRecorded(recorded);
            } catch (RunNotRecorded e) {
                connection.rollback();
                throw e;
            }
            if (!collection.held()) { // keys already in Gardien's database: record, then go batch by batch
                connection.rollback();
                record.run();
                apply(run.collected(steps), jdbc, graph, request, collection.keys(), null);
                return;
            }
            var collected = CompletableFuture.runAsync(record, executor);
            try {
                apply(
                        run.collected(steps),
                        jdbc,
                        graph,
                        request,
                        collection.keys(),
                        new StepExecution.Opening(connection, collected));
            } finally {
                collected.exceptionally(e -> null).join(); // never leave the recording running behind a failure
            }
        }
    }

    private void export(
            RunStore.Run run, JdbcConnector jdbc, ReferenceGraph graph, RunRequest request, Future<?> recorded)
            throws Exception {
        try (var writer = new PackageWriter(properties.packageDirectory(), run.id(), run.connector(), graph);
                var connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false); // lets PostgreSQL stream with a cursor instead of loading all rows
            connection.setReadOnly(true);
            Collector.Sink sink = (table, labels, rows) -> {
                writer.rows(table, labels, rows);
                renew(run.id());
            };
            var found = new Collector(graph, connection, properties.batchSize(), true, sink)
                    .collect(request.identities(), null);
            connection.rollback();
            var sha = writer.finish(found.rows());
            try {
                awaitRecorded(recorded);
            } catch (RunNotRecorded e) {
                Files.deleteIfExists(PackageWriter.file(properties.packageDirectory(), run.id()));
                throw e;
            }
            var steps = new ArrayList<Step>();
            found.rows()
                    .forEach((table, n) ->
                            steps.add(new Step(steps.size() + 1, "EXPORT", table, List.of(), List.of(), null, -1, n)));
            transactions.executeWithoutResult(s -> outcomes.completed(run, steps, sha, run.actor()));
        }
    }

    private void apply(
            RunStore.Run run,
            JdbcConnector jdbc,
            ReferenceGraph graph,
            RunRequest request,
            StepExecution.Keys keys,
            StepExecution.Opening opening)
            throws Exception {
        var finished = execution.apply(run, jdbc, graph, request, keys, opening);
        var evidence = RectificationEvidence.fresh(graph, request.changes(), box);
        transactions.executeWithoutResult(s -> outcomes.completed(run, finished, null, run.actor(), evidence));
    }

    private void dispatch(RunStore.Run run, DispatchingConnector connector, RunRequest request) throws Exception {
        var changes = "RECTIFY".equals(run.action())
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
            store.status(run.id(), "DISPATCHED", clock.instant(), null);
            events.publishEvent(Evidence.of(
                    clock.instant(),
                    run.actor(),
                    "connectors.run.dispatched",
                    "connector-run",
                    run.id(),
                    Map.of("connector", run.connector(), "action", run.action())));
        });
    }

    static long rows(Collector.Found found, List<String> reachable, Step step) {
        if (step.slot() >= StepPlanner.LINK_SLOTS) {
            return found.links().getOrDefault(step.slot() - StepPlanner.LINK_SLOTS, 0L);
        }
        return step.slot() < 0 ? step.rows() : found.rows().getOrDefault(reachable.get(step.slot()), 0L);
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
            awaitRecorded(recorded);
        } catch (RunNotRecorded gone) {
            return; // no run to fail
        }
        outcomes.failed(store.find(id).orElseThrow(), e);
    }

    /** For a run read back from Gardien's database: it is recorded. */
    private static final Future<?> RECORDED = CompletableFuture.completedFuture(null);

    private static void awaitRecorded(Future<?> recorded) {
        try {
            recorded.get();
        } catch (ExecutionException e) {
            throw new RunNotRecorded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunNotRecorded();
        }
    }

    /** The transaction that recorded a run rolled back. */
    private static final class RunNotRecorded extends RuntimeException {
        RunNotRecorded() {
            super(null, null, false, false);
        }
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
