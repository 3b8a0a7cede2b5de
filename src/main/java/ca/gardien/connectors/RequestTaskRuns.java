package ca.gardien.connectors;

import ca.gardien.connectors.engine.DatasetGraphs;
import ca.gardien.connectors.engine.ReferenceGraph;
import ca.gardien.connectors.runs.RunOutcomes;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.connectors.tasks.TaskRunResults;
import ca.gardien.requests.RequestEvents;
import ca.gardien.requests.RequestTasks;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.Requests;
import ca.gardien.requests.RightsRequest;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.Phrase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts a connector run for a request task when a registered connector has the id of the task's data map system:
 * ACCESS and PORTABILITY export, DESTRUCTION and ERASURE erase, RECTIFICATION applies the changes staff name
 * ({@link #rectify}); other types stay with staff. Only the
 * request's verified identifiers are passed, and only the kinds the connector's dataset annotates. The run's actor
 * names the task, so {@link TaskRunResults} can complete it when the run ends.
 */
@Component
public class RequestTaskRuns {

    static final String ACTOR_PREFIX = "request-task:";

    private static final Logger log = LoggerFactory.getLogger(RequestTaskRuns.class);
    /** The kinds a request carries, by the keys datasets annotate (email, phone, customerNumber). */
    private static final Set<String> REQUEST_KINDS =
            Set.of(IdentifierKind.EMAIL.key(), IdentifierKind.PHONE.key(), IdentifierKind.CUSTOMER.key());

    private final ConnectorStore connectors;
    private final ConnectorCatalog catalog;
    private final DatasetGraphs graphs;
    private final ConnectorRuns runs;
    private final Requests requests;
    private final RequestTasks tasks;

    RequestTaskRuns(
            ConnectorStore connectors,
            ConnectorCatalog catalog,
            DatasetGraphs graphs,
            ConnectorRuns runs,
            Requests requests,
            RequestTasks tasks) {
        this.connectors = connectors;
        this.catalog = catalog;
        this.graphs = graphs;
        this.runs = runs;
        this.requests = requests;
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void on(RequestEvents.TaskOpened task) {
        var action = action(task.type());
        var connector = connectorFor(task.systemId());
        if (action == null || connector.isEmpty()) {
            return;
        }
        var request = requests.get(task.requestId());
        if (!request.identityProven() || alreadyDone(task)) {
            return; // tasks open only once identity is proven; never act on less. A redelivered event finds it done
        }
        try {
            var identities = identities(request, connector.get());
            if (identities.isEmpty()) { // none verified it searches by, or none at all (a name and an address only)
                var note = request.identifiers().isEmpty()
                        ? "connectors.note.no-identifier-given"
                        : "connectors.note.no-identifier";
                leaveToStaff(task, Phrase.of(note, connector.get()));
                return;
            }
            var run = new RunRequest(action, identities, List.of());
            runs.validate(connector.get(), run); // refused here, not inside start: the note below must commit
            runs.start(connector.get(), run, actor(task));
        } catch (RuntimeException e) {
            log.warn("Could not start connector {} for task {}: {}", connector.get(), task.taskId(), e.getClass());
            leaveToStaff(task, Phrase.of("connectors.note.not-started", connector.get(), RunOutcomes.describe(e)));
        }
    }

    /**
     * Staff correct a person's data for a rectification request: the changes they name (table, column, new value, as
     * the person asked) are applied by the connector of the task's system with the request's verified identifiers, and
     * the task is completed when the run ends. Only for an open task of a rectification request whose identity is
     * proven and whose system has a database connector.
     */
    public RunStatus rectify(UUID requestId, UUID taskId, List<RectifyChange> changes, Actor staff) {
        var request = requests.get(requestId);
        var task = tasks.of(requestId).stream()
                .filter(t -> t.id().equals(taskId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("connectors.object.task", taskId));
        if (request.type() != RequestType.RECTIFICATION) {
            throw new ConflictException("connectors.conflict.not-rectification");
        }
        if (!request.identityProven() || task.done()) {
            throw new ConflictException("connectors.conflict.identity-or-done");
        }
        var connector = connectorFor(task.systemId())
                .filter(c -> catalog.connector(c) instanceof JdbcConnector)
                .orElseThrow(() -> new ConflictException("connectors.conflict.no-database-connector"));
        var identities = identities(request, connector);
        if (identities.isEmpty()) {
            throw new ConflictException("connectors.conflict.no-searchable-identifier");
        }
        var run =
                runs.start(connector, new RunRequest(RunAction.RECTIFY, identities, changes), actor(requestId, taskId));
        tasks.note(
                requestId,
                taskId,
                Phrase.of("connectors.note.rectification", changes.size(), connector, run.id()),
                staff);
        return run;
    }

    /** Whether a database connector serves this data map system, so its rectification tasks can be applied by it. */
    public boolean rectifiesFor(String systemId) {
        return connectorFor(systemId)
                .filter(c -> catalog.connector(c) instanceof JdbcConnector)
                .isPresent();
    }

    private boolean alreadyDone(RequestEvents.TaskOpened task) {
        return tasks.of(task.requestId()).stream().anyMatch(t -> t.id().equals(task.taskId()) && t.done());
    }

    static RunAction action(RequestType type) {
        return switch (type) {
            case ACCESS, PORTABILITY -> RunAction.EXPORT;
            case DESTRUCTION, ERASURE -> RunAction.ERASE;
            default -> null; // a rectification waits for staff to name the changes (rectify); the rest is staff work
        };
    }

    /** The connector serving a data map system: the one registered under the system's id. */
    private Optional<String> connectorFor(String systemId) {
        return connectors.exists(systemId) ? Optional.of(systemId) : Optional.empty();
    }

    /** The verified identifiers, by the names datasets annotate, limited to those this connector can search by. */
    private Map<String, String> identities(RightsRequest request, String connectorId) {
        Set<String> searchable = catalog.connector(connectorId) instanceof JdbcConnector
                ? graphs.graph(connectorId).identities().stream()
                        .map(ReferenceGraph.IdentityColumn::kind)
                        .collect(Collectors.toSet())
                : REQUEST_KINDS;
        return verified(request, searchable);
    }

    /** Never an unverified (or locked) identifier: a run must not release or change anything on a mere claim. */
    static Map<String, String> verified(RightsRequest request, Set<String> searchable) {
        var identities = new LinkedHashMap<String, String>();
        for (var identifier : request.identifiers()) {
            var kind = identifier.kind().key();
            // a purged request (retention over) keeps the kind, not the value
            if (identifier.verified()
                    && !identifier.locked()
                    && identifier.value() != null
                    && searchable.contains(kind)) {
                identities.put(kind, identifier.value());
            }
        }
        return identities;
    }

    private void leaveToStaff(RequestEvents.TaskOpened task, Phrase note) {
        tasks.note(task.requestId(), task.taskId(), note, actor(task));
    }

    static Actor actor(RequestEvents.TaskOpened task) {
        return actor(task.requestId(), task.taskId());
    }

    static Actor actor(UUID requestId, UUID taskId) {
        return new Actor(Actor.Kind.SYSTEM, ACTOR_PREFIX + requestId + "/" + taskId);
    }

    /** The request and task a run works for, from its actor; empty for runs started otherwise. */
    public static Optional<UUID[]> taskOf(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.SYSTEM || !actor.id().startsWith(ACTOR_PREFIX)) {
            return Optional.empty();
        }
        var ids = actor.id().substring(ACTOR_PREFIX.length()).split("/");
        return Optional.of(new UUID[] {UUID.fromString(ids[0]), UUID.fromString(ids[1])});
    }
}
