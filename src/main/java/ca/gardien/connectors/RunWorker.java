package ca.gardien.connectors;

import ca.gardien.connectors.spi.DispatchingConnector;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.connectors.spi.RunOrder;
import ca.gardien.ledger.CanonicalForm;
import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

    private final ConnectorCatalog catalog;
    private final DatasetGraphs graphs;
    private final RunStore store;
    private final SecretBox box;
    private final ConnectorsProperties properties;
    private final ApplicationEventPublisher events;
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
            TransactionTemplate transactions,
            Clock clock) {
        this.catalog = catalog;
        this.graphs = graphs;
        this.store = store;
        this.box = box;
        this.properties = properties;
        this.events = events;
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
            failed(store.find(id).orElseThrow(), e);
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
                        summary(steps, evidence)));
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
            transactions.executeWithoutResult(s -> completed(run, steps, sha, run.actor()));
        }
    }

    private void apply(RunStore.Run run, JdbcConnector jdbc, ReferenceGraph graph, RunRequest request)
            throws Exception {
        var steps = run.steps();
        var done = new HashMap<>(run.done());
        var applier = new Applier(graph, box);
        var values = new HashMap<String, String>();
        request.changes()
                .forEach(c -> values.put(
                        graph.table(c.table()).column(c.column()).orElseThrow().name(), c.newValue()));
        int index = run.stepIndex();
        long cursor = run.stepCursor();
        while (index < steps.size()) {
            // One target transaction carries up to batchSize keys, across steps: a typical person is one transaction.
            var units = new ArrayList<Unit>();
            int budget = properties.batchSize();
            while (index < steps.size() && budget > 0) {
                var step = steps.get(index);
                var keys = store.keys(run.id(), step.slot(), cursor, budget);
                if (!keys.isEmpty()) {
                    units.add(new Unit(step, keys));
                    cursor = keys.getLast().seq();
                }
                if (keys.size() < budget) {
                    index++;
                    cursor = 0;
                }
                budget -= keys.size();
            }
            applyInOneTransaction(jdbc, applier, units, values);
            units.forEach(u -> done.merge(u.step().order(), (long) u.keys().size(), Long::sum));
            store.checkpoint(run.id(), index, cursor, done, clock.instant(), lease());
            if (!units.isEmpty()) {
                pause();
            }
        }
        var finished = steps.stream()
                .map(s -> s.withRows(done.getOrDefault(s.order(), 0L)))
                .toList();
        var evidence = RectificationEvidence.fresh(graph, request.changes(), box);
        transactions.executeWithoutResult(s -> completed(run, finished, null, run.actor(), evidence));
    }

    private record Unit(Step step, List<RunStore.Key> keys) {}

    private static void applyInOneTransaction(
            JdbcConnector jdbc, Applier applier, List<Unit> units, Map<String, String> values) throws SQLException {
        if (units.isEmpty()) {
            return;
        }
        try (var connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            for (var unit : units) {
                try {
                    applier.apply(
                            connection,
                            unit.step(),
                            unit.keys().stream().map(RunStore.Key::values).toList(),
                            values);
                } catch (SQLException e) {
                    connection.rollback();
                    throw new StepFailed(unit.step(), e);
                }
            }
            connection.commit();
        }
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

    /** Ends a run in the caller's transaction: final counts, evidence, the event other modules listen to. */
    void completed(RunStore.Run run, List<Step> steps, String packageSha256, Actor actor) {
        completed(run, steps, packageSha256, actor, Map.of());
    }

    private void completed(
            RunStore.Run run, List<Step> steps, String packageSha256, Actor actor, Map<String, String> evidence) {
        store.completed(run.id(), steps, packageSha256, clock.instant());
        var counts = ConnectorRuns.counts(steps);
        var extra = new HashMap<>(evidence);
        if (packageSha256 != null) extra.put("packageSha256", packageSha256);
        events.publishEvent(Evidence.of(
                clock.instant(), actor, "connectors.run.completed", "connector-run", run.id(), summary(steps, extra)));
        events.publishEvent(new ConnectorRunCompleted(run.id(), run.connector(), run.action(), counts, packageSha256));
    }

    private void failed(RunStore.Run run, Exception e) {
        var failure = describe(e);
        int attempts = run.attempts() + 1;
        boolean giveUp = attempts >= properties.maxAttempts();
        var next = clock.instant().plus(properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16)));
        log.warn("Connector run {} failed (attempt {}): {}", run.id(), attempts, failure);
        transactions.executeWithoutResult(s -> {
            store.failed(run.id(), failure, attempts, giveUp ? null : next, giveUp, clock.instant());
            if (giveUp) {
                events.publishEvent(Evidence.of(
                        clock.instant(),
                        run.actor(),
                        "connectors.run.failed",
                        "connector-run",
                        run.id(),
                        Map.of(
                                "connector",
                                run.connector(),
                                "action",
                                run.action(),
                                "attempts",
                                String.valueOf(attempts))));
                events.publishEvent(new ConnectorRunFailed(run.id(), run.connector(), run.action(), failure));
            }
        });
    }

    static String describe(Throwable e) {
        if (e instanceof StepFailed failed) {
            var step = failed.step;
            return "step " + step.order() + " " + step.kind() + " " + step.table() + ": " + describe(e.getCause());
        }
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "database error, SQL state " + sql.getSQLState();
            }
            if (cause instanceof TargetUnavailableException) {
                return cause.getMessage();
            }
        }
        return "error " + e.getClass().getSimpleName(); // never the message: it may quote a value
    }

    static Map<String, String> summary(List<Step> steps, Map<String, String> extra) {
        var sorted = new TreeMap<String, Long>(ConnectorRuns.counts(steps));
        var canonical = new StringBuilder();
        sorted.forEach((t, n) -> canonical.append(t).append('=').append(n).append('\n'));
        var payload = new HashMap<String, String>(extra);
        payload.put(
                "rows",
                String.valueOf(
                        sorted.values().stream().mapToLong(Long::longValue).sum()));
        payload.put("tables", String.valueOf(sorted.size()));
        payload.put("countsSha256", CanonicalForm.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        return payload;
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

    private void pause() throws InterruptedException {
        if (!properties.batchPause().isZero()) {
            Thread.sleep(properties.batchPause());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Names the step that failed; the cause keeps the SQL state. */
    private static final class StepFailed extends RuntimeException {
        private final transient Step step;

        StepFailed(Step step, SQLException cause) {
            super(cause);
            this.step = step;
        }
    }

    private static final class DispatchFailed extends RuntimeException {
        DispatchFailed(Exception cause) {
            super(cause);
        }
    }
}
