package ca.gardien.connectors;

import ca.gardien.requests.RequestTask;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.RequestView;
import ca.gardien.requests.RightsRequest;
import ca.gardien.shared.Actor;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** What the console shows and does about corrections that a database connector applies for a rectification request. */
@Service
@NamedInterface({"views", "actions"})
public class Rectifications {

    private final RequestTaskRuns taskRuns;

    Rectifications(RequestTaskRuns taskRuns) {
        this.taskRuns = taskRuns;
    }

    /**
     * The systems of the request's tasks whose corrections a connector applies; none unless it is a rectification with a
     * verified identifier to search by (a letter that gave only a name and an address has none: staff correct by hand).
     */
    public Set<String> systemsOf(RequestView view) {
        if (view.request().type() != RequestType.RECTIFICATION
                || view.request().identifiers().stream().noneMatch(RightsRequest.IdentifierState::verified)) {
            return Set.of();
        }
        return view.tasks().stream()
                .map(RequestTask::systemId)
                .filter(taskRuns::rectifiesFor)
                .collect(Collectors.toSet());
    }

    /** Applies the corrections staff named through the connector of the task's system ({@link RequestTaskRuns}). */
    public void apply(UUID requestId, UUID taskId, List<RectifyChange> changes, Actor staff) {
        taskRuns.rectify(requestId, taskId, changes, staff);
    }
}
