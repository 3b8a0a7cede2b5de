package ca.gardien.connectors.engine;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.RunRequest;
import ca.gardien.connectors.SecretBox;
import ca.gardien.connectors.Step;
import ca.gardien.connectors.packages.PackageFiles;
import ca.gardien.connectors.runs.RunKeyStore;
import ca.gardien.connectors.runs.RunOutcomes;
import ca.gardien.connectors.runs.RunRecord;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.runs.StoredRun;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.ledger.Evidence;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries a run out on a database connector: an export streams the person's rows into a package; an erasure or a
 * rectification walks the rows, records the keys and the plan, and applies the steps batch by batch, each batch in a
 * target transaction followed by its checkpoint in Gardien's database ({@link StepExecution}).
 */
@Component
public class DatabaseRuns {

    private final RunStore store;
    private final RunKeyStore runKeys;
    private final SecretBox box;
    private final ConnectorsProperties properties;
    private final ApplicationEventPublisher events;
    private final RunOutcomes outcomes;
    private final PackageFiles packages;
    private final StepExecution execution;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService recordings = Executors.newVirtualThreadPerTaskExecutor();

    DatabaseRuns(
            RunStore store,
            RunKeyStore runKeys,
            SecretBox box,
            ConnectorsProperties properties,
            ApplicationEventPublisher events,
            RunOutcomes outcomes,
            PackageFiles packages,
            StepExecution execution,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.runKeys = runKeys;
        this.box = box;
        this.properties = properties;
        this.events = events;
        this.outcomes = outcomes;
        this.packages = packages;
        this.execution = execution;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Walks the person's rows in a target transaction that stays open: while the keys and the plan are recorded in
     * Gardien's database, the first batch is applied in it, and it commits once that record is durable. A person held
     * whole in one batch is thus one walk and one target transaction; a crash at any point leaves either nothing
     * changed or the keys to resume from.
     */
    public void collectAndApply(
            StoredRun run,
            JdbcConnector jdbc,
            ReferenceGraph graph,
            RunRequest request,
            Future<?> recorded,
            Runnable progress)
            throws Exception {
        var id = run.id();
        StepExecution.Keys keys;
        StoredRun collectedRun;
        try (var connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            // keys spilled to Gardien's database are written only once the run is recorded
            var collection =
                    new KeyCollection(runKeys, graph, properties.batchSize(), run, () -> RunRecord.await(recorded));
            var found = collection.collect(connection, request, progress);
            var reachable = graph.reachable();
            var steps = StepPlanner.plan(graph, run.action(), request.changes(), new ArrayList<>()).stream()
                    .map(step -> step.withRows(rows(found, reachable, step)))
                    .toList();
            var evidence = run.action() == RunAction.RECTIFY
                    ? RectificationEvidence.old(
                            connection, graph, collection.keys(), steps, box, properties.batchSize())
                    : Map.<String, String>of();
            Runnable record = () -> transactions.executeWithoutResult(s -> {
                collection.store();
                store.collected(run, steps, clock.instant(), clock.instant().plus(properties.lease()));
                events.publishEvent(Evidence.of(
                        clock.instant(),
                        run.actor(),
                        "connectors.run.collected",
                        "connector-run",
                        id,
                        RunOutcomes.summary(steps, evidence)));
            });
            try {
                RunRecord.await(recorded);
            } catch (RunRecord.NotRecorded e) {
                connection.rollback();
                throw e;
            }
            if (collection.held()) {
                var collected = CompletableFuture.runAsync(record, recordings);
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
                return;
            }
            // keys already in Gardien's database: record, then go batch by batch once the walk's connection is
            // back in the pool (a run never holds two)
            connection.rollback();
            record.run();
            keys = collection.keys();
            collectedRun = run.collected(steps);
        }
        apply(collectedRun, jdbc, graph, request, keys, null);
    }

    /** Streams the person's rows into the package, then records the run completed once its record is there. */
    public void export(
            StoredRun run,
            JdbcConnector jdbc,
            ReferenceGraph graph,
            RunRequest request,
            Future<?> recorded,
            Runnable progress)
            throws Exception {
        try (var writer = packages.writer(run, graph);
                var connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false); // lets PostgreSQL stream with a cursor instead of loading all rows
            connection.setReadOnly(true);
            Collector.Sink sink = (table, labels, rows) -> {
                writer.rows(table, labels, rows);
                progress.run();
            };
            var found = new Collector(graph, connection, properties.batchSize(), true, sink)
                    .collect(request.identities(), null);
            connection.rollback();
            var sha = writer.finish(found.rows());
            try {
                RunRecord.await(recorded);
            } catch (RunRecord.NotRecorded e) {
                packages.delete(run.id());
                throw e;
            }
            var steps = new ArrayList<Step>();
            found.rows()
                    .forEach((table, n) -> steps.add(new Step(
                            steps.size() + 1, RunAction.EXPORT.name(), table, List.of(), List.of(), null, -1, n)));
            transactions.executeWithoutResult(s -> {
                outcomes.completed(run, steps, sha, run.actor()); // fenced: the row stays locked until commit
                writer.publish();
            });
        }
    }

    /** Applies the remaining steps of a run from its last record (keys from {@code keys}), then completes it. */
    public void apply(
            StoredRun run,
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

    public static long rows(Collector.Found found, List<String> reachable, Step step) {
        if (step.slot() >= StepPlanner.LINK_SLOTS) {
            return found.links().getOrDefault(step.slot() - StepPlanner.LINK_SLOTS, 0L);
        }
        return step.slot() < 0 ? step.rows() : found.rows().getOrDefault(reachable.get(step.slot()), 0L);
    }

    @PreDestroy
    void stop() {
        recordings.shutdownNow();
    }
}
