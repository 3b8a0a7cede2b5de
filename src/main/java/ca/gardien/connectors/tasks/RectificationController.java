package ca.gardien.connectors.tasks;

import ca.gardien.connectors.RectifyChange;
import ca.gardien.connectors.RequestTaskRuns;
import ca.gardien.connectors.RunStatus;
import ca.gardien.organization.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff apply the corrections a person asked for through the connector of a rectification task's system. */
@RestController
@Tag(name = "Rights requests", description = "Rectification through connectors")
public class RectificationController {

    private final RequestTaskRuns taskRuns;

    RectificationController(RequestTaskRuns taskRuns) {
        this.taskRuns = taskRuns;
    }

    record Rectification(List<RectifyChange> changes) {}

    @PostMapping("/api/v1/requests/{requestId}/tasks/{taskId}/rectification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'STAFF')")
    @Operation(
            summary = "Apply the corrections of a rectification request on the task's system, through its connector;"
                    + " the task is completed when the run ends")
    RunStatus rectify(
            @PathVariable UUID requestId,
            @PathVariable UUID taskId,
            @RequestBody Rectification body,
            Authentication auth) {
        var changes = body == null || body.changes() == null ? List.<RectifyChange>of() : body.changes();
        return taskRuns.rectify(requestId, taskId, changes, CurrentActor.of(auth));
    }
}
