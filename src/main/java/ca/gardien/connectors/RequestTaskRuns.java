package ca.gardien.connectors;

import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.requests.IdentifierKind;
import ca.gardien.requests.RequestEvents;
import ca.gardien.requests.RequestTasks;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.Requests;
import ca.gardien.requests.RightsRequest;
import ca.gardien.shared.Actor;
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
 * Starts a connector run for a request task when a registered connector has the id of the task's data map system: ACCESS and PORTABILITY export, DESTRUCTION and ERASURE erase; other types stay with staff. Only the
 * request's verified identifiers are passed, and only the kinds the connector's dataset annotates. The run's actor
 * names the task, so {@link TaskRunResults} can complete it when the run ends.
 */
@Component
class RequestTaskRuns {

    static final String ACTOR_PREFIX = "request-task:";

    private static final Logger log = LoggerFactory.getLogger(RequestTaskRuns.class);
    private static final Map<IdentifierKind, String> KINDS = Map.of(
            IdentifierKind.EMAIL, "email", IdentifierKind.PHONE, "phone", IdentifierKind.CUSTOMER, "customerNumber");

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
            if (identities.isEmpty()) {
                leaveToStaff(task, "Connector " + connector.get() + ": no verified identifier it can search by.");
                return;
            }
            runs.start(connector.get(), new RunRequest(action, identities, List.of()), actor(task));
        } catch (RuntimeException e) {
            log.warn("Could not start connector {} for task {}: {}", connector.get(), task.taskId(), e.getClass());
            leaveToStaff(task, "Connector " + connector.get() + " could not start: " + RunOutcomes.describe(e));
        }
    }

    private boolean alreadyDone(RequestEvents.TaskOpened task) {
        return tasks.of(task.requestId()).stream().anyMatch(t -> t.id().equals(task.taskId()) && t.done());
    }

    static String action(RequestType type) {
        return switch (type) {
            case ACCESS, PORTABILITY -> "EXPORT";
            case DESTRUCTION, ERASURE -> "ERASE";
            default -> null; // rectification needs field changes a request does not carry; the rest is staff work
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
                : Set.copyOf(KINDS.values());
        return verified(request, searchable);
    }

    /** Never an unverified (or locked) identifier: a run must not release or change anything on a mere claim. */
    static Map<String, String> verified(RightsRequest request, Set<String> searchable) {
        var identities = new LinkedHashMap<String, String>();
        for (var identifier : request.identifiers()) {
            var kind = KINDS.get(identifier.kind());
            if (identifier.verified() && !identifier.locked() && searchable.contains(kind)) {
                identities.put(kind, identifier.value());
            }
        }
        return identities;
    }

    private void leaveToStaff(RequestEvents.TaskOpened task, String note) {
        tasks.note(task.requestId(), task.taskId(), note, actor(task));
    }

    static Actor actor(RequestEvents.TaskOpened task) {
        return new Actor(Actor.Kind.SYSTEM, ACTOR_PREFIX + task.requestId() + "/" + task.taskId());
    }

    /** The request and task a run works for, from its actor; empty for runs started otherwise. */
    static Optional<UUID[]> taskOf(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.SYSTEM || !actor.id().startsWith(ACTOR_PREFIX)) {
            return Optional.empty();
        }
        var ids = actor.id().substring(ACTOR_PREFIX.length()).split("/");
        return Optional.of(new UUID[] {UUID.fromString(ids[0]), UUID.fromString(ids[1])});
    }
}
