package ca.gardien.connectors;

import ca.gardien.connectors.engine.DatasetGraphs;
import ca.gardien.connectors.engine.ReferenceGraph;
import ca.gardien.connectors.engine.RunChecks;
import ca.gardien.connectors.engine.RunPlans;
import ca.gardien.connectors.runs.RunOutcomes;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.runs.RunWorker;
import ca.gardien.connectors.runs.StoredRun;
import ca.gardien.connectors.spi.DispatchingConnector;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plans and runs the three actions on a connector for one person: the entry point of the run API, the console and
 * {@link RequestTaskRuns}. Runs are asynchronous: {@link #start} returns at once and {@link #status} follows them.
 */
@Service
public class ConnectorRuns {

    private final ConnectorCatalog catalog;
    private final DatasetGraphs graphs;
    private final RunPlans plans;
    private final RunStore store;
    private final RunWorker worker;
    private final RunOutcomes outcomes;
    private final SecretBox box;
    private final ConnectorMessages messages;
    private final ConnectorsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConnectorRuns(
            ConnectorCatalog catalog,
            DatasetGraphs graphs,
            RunPlans plans,
            RunStore store,
            RunWorker worker,
            RunOutcomes outcomes,
            SecretBox box,
            ConnectorMessages messages,
            ConnectorsProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalog = catalog;
        this.graphs = graphs;
        this.plans = plans;
        this.store = store;
        this.worker = worker;
        this.outcomes = outcomes;
        this.box = box;
        this.messages = messages;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** What a run would do for this person, with the exact row counts; reads the target, changes nothing. */
    public ConnectorPlan plan(String connectorId, RunRequest request) {
        return plans.plan(connectorId, request);
    }

    /**
     * Whether {@link #start} would take this request, without a transaction: a caller inside its own transaction checks
     * first, so that a refusal does not mark that transaction rollback-only.
     *
     * @throws InvalidInputException naming what is wrong
     * @throws ConnectorRefusedException when the connector's address is refused by the rules of today
     * @throws TargetUnavailableException when the connected database does not answer
     */
    public void validate(String connectorId, RunRequest request) {
        if (catalog.admitted(connectorId, null) instanceof JdbcConnector) {
            var graph = graph(connectorId);
            RunChecks.check(request, graph);
            RunChecks.runnable(request, graph);
        } else {
            RunChecks.checkDispatched(request);
        }
    }

    /** Records the run and starts it once the transaction commits; the identifiers are sealed until it ends. */
    @Transactional
    public RunStatus start(String connectorId, RunRequest request, Actor actor) {
        validate(connectorId, request);
        var id = UUID.randomUUID();
        var now = clock.instant();
        var sealed = box.seal(RunStore.JSON.writeValueAsString(request));
        var run = StoredRun.pending(id, connectorId, request.action(), sealed, actor, now, store.firstLease());
        // This node holds the run from the start and begins at once: the walk only reads, and nothing is written
        // before this transaction has committed (RunWorker.start).
        worker.start(run, request, committed());
        store.insert(run, now.plus(properties.lease()));
        events.publishEvent(Evidence.of(
                now,
                actor,
                "connectors.run.started",
                "connector-run",
                id,
                Map.of("connector", connectorId, "action", request.action().name())));
        return new RunStatus(
                id, connectorId, run.action(), run.status(), List.of(), Map.of(), null, 0, null, null, now, now);
    }

    public RunStatus status(UUID runId) {
        var run = store.find(runId).orElseThrow(() -> new NotFoundException("connectors.object.run", runId));
        return new RunStatus(
                run.id(),
                run.connector(),
                run.action(),
                run.status(),
                run.steps(),
                Step.counts(run.steps()),
                messages.text(run.failure()),
                run.attempts(),
                run.nextAttemptAt(),
                run.packageSha256(),
                run.createdAt(),
                run.updatedAt());
    }

    /** A person or a service reports a dispatched run done, with the rows acted on per table. */
    @Transactional
    public RunStatus complete(UUID runId, Map<String, Long> counts, Actor actor) {
        var reported = RunCounts.checked(counts);
        var run = store.find(runId).orElseThrow(() -> new NotFoundException("connectors.object.run", runId));
        if (!reportable(run) || !store.takeDispatched(runId, clock.instant())) {
            throw new ConflictException("connectors.conflict.complete-not-dispatched");
        }
        var taken = store.find(runId).orElseThrow(); // as it stands now that this transaction holds its row
        var steps = new ArrayList<Step>();
        reported.forEach((table, n) ->
                steps.add(new Step(steps.size() + 1, run.action().name(), table, List.of(), List.of(), null, -1, n)));
        outcomes.completed(taken, steps, null, actor);
        return status(runId);
    }

    /**
     * A service reports that it could not carry out a dispatched run: the run fails at once (the service decided, there
     * is no retry), with the reason kept in the run (control characters removed, trimmed, at most 200 characters).
     */
    @Transactional
    public RunStatus fail(UUID runId, String reason, Actor actor) {
        var failure = RunOutcomes.reported(reason);
        if (failure == null) {
            throw new InvalidInputException("failure", "connectors.field.failure-reason");
        }
        var run = store.find(runId).orElseThrow(() -> new NotFoundException("connectors.object.run", runId));
        if (!reportable(run) || !store.takeDispatched(runId, clock.instant())) {
            throw new ConflictException("connectors.conflict.fail-not-dispatched");
        }
        // as it stands now that this transaction holds its row: the report ends the run whoever holds its lease
        outcomes.reportedFailed(store.find(runId).orElseThrow(), failure, actor);
        return status(runId);
    }

    /**
     * Whether a report may end the run: it is dispatched, or it is being dispatched to a service that answered before
     * the dispatch was recorded (the dispatch then finds the run ended and records nothing more).
     */
    private boolean reportable(StoredRun run) {
        return run.status() == RunState.DISPATCHED
                || (RunState.UNDISPATCHED.contains(run.status())
                        && catalog.connector(run.connector()) instanceof DispatchingConnector);
    }

    private ReferenceGraph graph(String connectorId) {
        return graphs.graph(connectorId);
    }

    /** Completes when the current transaction commits, fails when it rolls back (at once outside a transaction). */
    private static Future<Void> committed() {
        var committed = new CompletableFuture<Void>();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.complete(null);
            return committed;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    committed.complete(null);
                } else {
                    committed.completeExceptionally(new IllegalStateException("rolled back"));
                }
            }
        });
        return committed;
    }
}
