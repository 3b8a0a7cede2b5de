package ca.gardien.console;

import ca.gardien.assessments.AssessmentConsole;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A privacy impact assessment in the console (the list is {@link AssessmentListPage}, the report {@link AssessmentReportPage}): the questionnaire as a form
 * saved as one goes (htmx posts the form on each change), risks, measures and their completion, the assignment, each
 * step (the page then says what happened and what comes next), and the report. The module decides who may do what; a
 * refusal is shown on the page.
 */
@Controller
class AssessmentPages {

    private static final String PAGE = "/console/assessments/";

    private final AssessmentConsole assessments;
    private final org.springframework.context.MessageSource messages;
    private final ConsoleTimes times;

    AssessmentPages(
            AssessmentConsole assessments, org.springframework.context.MessageSource messages, ConsoleTimes times) {
        this.assessments = assessments;
        this.messages = messages;
        this.times = times;
    }

    @GetMapping("/console/assessments/{id}")
    String page(@PathVariable UUID id, Authentication auth, Locale locale, Model model) {
        model.addAttribute("a", assessments.view(id, auth, locale));
        model.addAttribute("today", times.today());
        model.addAttribute("assignees", assessments.assignees());
        return "console/assessment";
    }

    /** Saves the answers; from htmx (save as you go) the answer is the status line, otherwise the page again. */
    @PostMapping("/console/assessments/{id}/answers")
    String answers(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        try {
            assessments.answer(id, form, auth, locale);
            model.addAttribute("errors", List.of());
            if (htmx == null) { // save as you go says it in its status line
                flash.addFlashAttribute("done", messages.getMessage("assessments.done.answered", null, locale));
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", onPage(e.errors()));
            if (htmx == null) {
                return page(id, auth, locale, model);
            }
        }
        return htmx != null ? "console/assessment-saved :: saved" : "redirect:" + PAGE + id;
    }

    @PostMapping("/console/assessments/{id}/measures")
    String measure(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) LocalDate dueOn,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        return act(
                id,
                "measure-added",
                flash,
                auth,
                locale,
                model,
                () -> assessments.addMeasure(id, kind, description, owner, dueOn, auth));
    }

    @PostMapping("/console/assessments/{id}/risks")
    String risk(
            @PathVariable UUID id,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Integer likelihood,
            @RequestParam(required = false) Integer severity,
            @RequestParam(required = false) Integer residualLikelihood,
            @RequestParam(required = false) Integer residualSeverity,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        return act(
                id,
                "risk-added",
                flash,
                auth,
                locale,
                model,
                () -> assessments.addRisk(
                        id, description, likelihood, severity, residualLikelihood, residualSeverity, auth));
    }

    /** Records the day a measure was done (after approval too: measures are carried out later). */
    @PostMapping("/console/assessments/{id}/measures/done")
    String measureDone(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID measureId,
            @RequestParam(required = false) LocalDate doneOn,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        return act(
                id,
                "measure-done",
                flash,
                auth,
                locale,
                model,
                () -> assessments.measureDone(id, measureId, doneOn, auth));
    }

    @PostMapping("/console/assessments/{id}/assignee")
    String assign(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID accountId,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        return act(id, "assigned-other", flash, auth, locale, model, () -> assessments.assign(id, accountId, auth));
    }

    @PostMapping("/console/assessments/{id}/assign-me")
    String assignMe(@PathVariable UUID id, RedirectAttributes flash, Authentication auth, Locale locale, Model model) {
        return act(id, "assigned", flash, auth, locale, model, () -> assessments.assignToMe(id, auth));
    }

    @PostMapping("/console/assessments/{id}/consultation")
    String consult(
            @PathVariable UUID id,
            @RequestParam(required = false) LocalDate consultedOn,
            @RequestParam(required = false) String note,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        return act(id, "consulted", flash, auth, locale, model, () -> assessments.consult(id, consultedOn, note, auth));
    }

    @PostMapping("/console/assessments/{id}/review")
    String review(
            @PathVariable UUID id,
            @RequestParam(required = false) String note,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        return act(id, "reviewed", flash, auth, locale, model, () -> assessments.review(id, note, auth));
    }

    @PostMapping("/console/assessments/{id}/decision")
    String decide(
            @PathVariable UUID id,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reasons,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        return act(
                id,
                "reject".equals(decision) ? "rejected" : "approved",
                flash,
                auth,
                locale,
                model,
                () -> assessments.decide(id, decision, reasons, auth, locale));
    }

    /**
     * Runs a step and comes back to the page with what happened ({@code done}, shown with what comes next); a refusal
     * is shown on the page with the form.
     */
    private String act(
            UUID id,
            String happened,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model,
            Runnable step) {
        try {
            step.run();
            flash.addFlashAttribute("done", messages.getMessage("assessments.done." + happened, null, locale));
            return "redirect:" + PAGE + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", onPage(e.errors()));
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(new FieldError("step", e.in(messages, locale))));
        }
        return page(id, auth, locale, model);
    }

    /** An answer's error names its field on the page ({@code q-<question>}), so the summary links to it. */
    private static List<FieldError> onPage(List<FieldError> errors) {
        return errors.stream()
                .map(f -> f.field().startsWith("answers.")
                        ? new FieldError(
                                "q-" + f.field().substring(8),
                                f.key() == null ? f.message() : null,
                                f.key(),
                                f.arguments())
                        : f)
                .toList();
    }
}
