package ca.gardien.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Domain events other modules may listen to (e.g. connectors automating tasks, the console's burn-down). */
public final class RequestEvents {

    private RequestEvents() {}

    public record RequestReceived(UUID requestId, RequestType type, String jurisdiction, LocalDate dueOn) {}

    public record RequestStatusChanged(UUID requestId, RequestStatus from, RequestStatus to, Instant at) {}

    /**
     * A task was opened for a system the data map says may hold the person's information. A connector that can do the
     * work completes it through {@link RequestTasks#complete}.
     */
    public record TaskOpened(UUID requestId, UUID taskId, String systemId, RequestType type, LocalDate dueOn) {}

    public record TaskCompleted(UUID requestId, UUID taskId, String systemId, boolean allTasksDone) {}
}
