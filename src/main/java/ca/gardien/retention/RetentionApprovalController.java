package ca.gardien.retention;

import ca.gardien.organization.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Taking an approval back: the approval of a dry run that a rule's real runs follow, withdrawn by whoever may approve
 * (approving itself is {@code POST …/runs/{id}/approval} of {@link RetentionController}).
 */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Retention", description = "Retention schedules swept in the organization's databases, holds, certificates")
class RetentionApprovalController {

    private final RetentionApprovals approvals;

    RetentionApprovalController(RetentionApprovals approvals) {
        this.approvals = approvals;
    }

    @DeleteMapping("/runs/{id}/approval")
    @PreAuthorize(RetentionController.WRITERS)
    @Operation(
            summary = "Withdraw the approval a rule's real runs follow: none starts before a dry run is approved again;"
                    + " 409 once a real run has started or when the rule does not follow this approval")
    RetentionController.RunView withdraw(@PathVariable UUID id, Authentication auth) {
        return RetentionController.RunView.of(approvals.withdraw(id, CurrentActor.of(auth)));
    }
}
