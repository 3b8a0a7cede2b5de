package ca.gardien.console;

import ca.gardien.assessments.AssessmentConsole;
import ca.gardien.shared.FormSteps;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A rated risk changed or removed from the assessment's page while it is being written (officer's review: a wrong
 * level stayed in the approved report). A refused change comes back open on its row ({@code riskEditForm} names the
 * risk), each error by its field ({@code edit-…}).
 */
@Controller
class AssessmentRiskPages {

    private final AssessmentConsole assessments;
    private final MessageSource messages;

    AssessmentRiskPages(AssessmentConsole assessments, MessageSource messages) {
        this.assessments = assessments;
        this.messages = messages;
    }

    @PostMapping("/console/assessments/{id}/risks/{riskId}")
    String change(
            @PathVariable UUID id,
            @PathVariable UUID riskId,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Integer likelihood,
            @RequestParam(required = false) Integer severity,
            @RequestParam(required = false) Integer residualLikelihood,
            @RequestParam(required = false) Integer residualSeverity,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale) {
        var typed = FormSteps.typed(
                "risk", riskId.toString(),
                "description", description,
                "likelihood", text(likelihood),
                "severity", text(severity),
                "residualLikelihood", text(residualLikelihood),
                "residualSeverity", text(residualSeverity));
        return AssessmentSteps.run(
                id,
                "riskEdit",
                "edit-",
                typed,
                messages.getMessage("assessments.done.risk-changed", null, locale),
                flash,
                () -> assessments.changeRisk(
                        id, riskId, description, likelihood, severity, residualLikelihood, residualSeverity, auth));
    }

    @PostMapping("/console/assessments/{id}/risks/{riskId}/remove")
    String remove(
            @PathVariable UUID id,
            @PathVariable UUID riskId,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale) {
        return AssessmentSteps.run(
                id,
                "riskRemove",
                "remove-",
                Map.of(),
                messages.getMessage("assessments.done.risk-removed", null, locale),
                flash,
                () -> assessments.removeRisk(id, riskId, auth));
    }

    private static String text(Integer level) {
        return level == null ? null : level.toString();
    }
}
