package ca.gardien.connectors;

import ca.gardien.connectors.spi.DispatchingConnector;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.connectors.spi.RunOrder;
import ca.gardien.ledger.Evidence;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    void submit(UUID id) {
        if (running.add(id)) {
            executor.execute(() -> {
                try {
                    process(id);
                } finally {
                    running.remove(id);
                    renewed.remove(id);
                }
            });
        }
    }

    void process(UUID id) {
        if (!store.claim(id, clock.instant(), lease())) {
            return; // another node holds it, or it is not due
        }
        try {
            carry(id);
        } catch (Exception e) {
            outcomes.failed(store.find(id).orElseThrow(), e);
        }
    }

    private void carry(UUID id) throws Exception {
        var run = store.find(id).orElseThrow();
        var connector = catalog.connector(run.connector());
        var request = RunStore.JSON.readValue(box.open(run.request()), RunRequest.class);
        if (connector instanceof DispatchingConnector dispatching) {
            dispatch(run, dispatching, request);
            return;
        }
        var jdbc = (JdbcConnector) connector;
        var graph = graphs.graph(run.connector());
        if ("PENDING".equals(run.status()) || "COLLECTING".equals(run.status())) {
            store.status(id, "COLLECTING", clock.instant(), lease());
            if ("EXPORT".equals(run.action())) {
                export(run, jdbc, graph, request);
                return;
            }
            var found =
                    new KeyCollection(store, graph, properties.batchSize(), id).collect(jdbc, request, () -> renew(id));
            var reachable = graph.reachable();
            var steps = StepPlanner.plan(graph, run.action(), request.changes(), new ArrayList<>()).stream()
                    .map(step -> step.withRows(rows(found, reachable, step)))
                    .toList();
            var actor = run.actor();
            var evidence = "RECTIFY".equals(run.action())
                    ? RectificationEvidence.old(jdbc, graph, store, id, steps, box, properties.batchSize())
                    : Map.<String, String>of();
            transactions.executeWithoutResult(s -> {
                store.collected(id, steps, clock.instant(), lease());
                events.publishEvent(Evidence.of(
                        clock.instant(),
                        actor,
                        "connectors.run.collected",
                        "connector-run",
                        id,
                        RunOutcomes.summary(steps, evidence)));
            });
        }
        apply(store.find(id).orElseThrow(), jdbc, graph, request);
    }

    private void export(RunStore.Run run, JdbcConnector jdbc, ReferenceGraph graph, RunRequest request)
            throws SQLException {
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
            var steps = new ArrayList<Step>();
            found.rows()
                    .forEach((table, n) ->
                            steps.add(new Step(steps.size() + 1, "EXPORT", table, List.of(), List.of(), null, -1, n)));
            transactions.executeWithoutResult(s -> outcomes.completed(run, steps, sha, run.actor()));
        }
    }

    private void apply(RunStore.Run run, JdbcConnector jdbc, ReferenceGraph graph, RunRequest request)
            throws Exception {
        var finished = execution.apply(run, jdbc, graph, request);
        var evidence = RectificationEvidence.fresh(graph, request.changes(), box);
        transactions.executeWithoutResult(s -> outcomes.completed(run, finished, null, run.actor(), evidence));
    }

    private void dispatch(RunStore.Run run, DispatchingConnector connector, RunRequest request) throws Exception {
        var order = new RunOrder(
                run.id(), run.connector(), run.action(), request.identities(), "/connectors/callbacks/" + run.id());
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
