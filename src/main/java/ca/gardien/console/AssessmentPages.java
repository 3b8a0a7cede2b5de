package ca.gardien.console;

import ca.gardien.assessments.AssessmentConsole;
import ca.gardien.shared.ChangedMeanwhile;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
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
 * step (the page then says what happened and what comes next), and the report. The module decides who may do what; each
 * form comes back to the page ({@link AssessmentSteps}), a refusal with what was typed and each error next to its field.
 */
@Controller
class AssessmentPages {

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
        var view = assessments.view(id, auth, locale);
        model.addAttribute("a", view);
        model.addAttribute("reviews", assessments.reviews(view, auth));
        model.addAttribute("today", times.today());
        model.addAttribute("assignees", assessments.assignees());
        return "console/assessment";
    }

    /** Saves the answers; from htmx (save as you go) the answer is the status line, otherwise back to the page. */
    @PostMapping("/console/assessments/{id}/answers")
    String answers(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        var reviewUndone = new boolean[1];
        if (htmx == null) {
            var page = AssessmentSteps.run(
                    id,
                    "answers",
                    "q-",
                    AssessmentSteps.answers(form),
                    done("answered", locale),
                    flash,
                    () -> reviewUndone[0] = assessments.answer(id, form, auth, locale));
            if (reviewUndone[0]) { // the answers changed what was reviewed: said, not left to the status line
                flash.addFlashAttribute("done", done("answered-review-undone", locale));
            }
            return page;
        }
        try { // save as you go says it in its status line
            model.addAttribute("reviewUndone", assessments.answer(id, form, auth, locale));
            model.addAttribute("errors", List.of());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (ConflictException | ConcurrencyFailureException e) { // changed meanwhile: said, what was typed kept
            model.addAttribute("errors", List.of(ChangedMeanwhile.said(e).on("form")));
        }
        return "console/assessment-saved :: saved";
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
            Locale locale) {
        var typed = FormSteps.typed(
                "kind", kind, "description", description, "owner", owner, "dueOn", dueOn == null ? null : "" + dueOn);
        return AssessmentSteps.run(
                id,
                "measure",
                "measure-",
                typed,
                done("measure-added", locale),
                flash,
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
            Locale locale) {
        var typed = FormSteps.typed(
                "description", description,
                "likelihood", level(likelihood),
                "severity", level(severity),
                "residualLikelihood", level(residualLikelihood),
                "residualSeverity", level(residualSeverity));
        return AssessmentSteps.run(
                id,
                "risk",
                "risk-",
                typed,
                done("risk-added", locale),
                flash,
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
            Locale locale) {
        var typed = FormSteps.typed(
                "measureId", measureId == null ? null : "" + measureId, "doneOn", doneOn == null ? null : "" + doneOn);
        return AssessmentSteps.run(
                id,
                "done",
                "",
                typed,
                done("measure-done", locale),
                flash,
                () -> assessments.measureDone(id, measureId, doneOn, auth));
    }

    @PostMapping("/console/assessments/{id}/assignee")
    String assign(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID accountId,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale) {
        var typed = FormSteps.typed("accountId", accountId == null ? null : "" + accountId);
        return AssessmentSteps.run(
                id,
                "assign",
                "",
                typed,
                done("assigned-other", locale),
                flash,
                () -> assessments.assign(id, accountId, auth));
    }

    @PostMapping("/console/assessments/{id}/assign-me")
    String assignMe(@PathVariable UUID id, RedirectAttributes flash, Authentication auth, Locale locale) {
        return AssessmentSteps.run(
                id, "assign", "", Map.of(), done("assigned", locale), flash, () -> assessments.assignToMe(id, auth));
    }

    @PostMapping("/console/assessments/{id}/consultation")
    String consult(
            @PathVariable UUID id,
            @RequestParam(required = false) LocalDate consultedOn,
            @RequestParam(required = false) String note,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale) {
        var typed = FormSteps.typed("consultedOn", consultedOn == null ? null : "" + consultedOn, "note", note);
        return AssessmentSteps.run(
                id,
                "consult",
                "consult-",
                typed,
                done("consulted", locale),
                flash,
                () -> assessments.consult(id, consultedOn, note, auth));
    }

    @PostMapping("/console/assessments/{id}/review")
    String review(
            @PathVariable UUID id,
            @RequestParam(required = false) String note,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale) {
        return AssessmentSteps.run(
                id,
                "review",
                "review-",
                FormSteps.typed("note", note),
                done("reviewed", locale),
                flash,
                () -> assessments.review(id, note, auth));
    }

    @PostMapping("/console/assessments/{id}/decision")
    String decide(
            @PathVariable UUID id,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reasons,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale) {
        return AssessmentSteps.run(
                id,
                "decision",
                "decision-",
                FormSteps.typed("reasons", reasons),
                done("reject".equals(decision) ? "rejected" : "approved", locale),
                flash,
                () -> assessments.decide(id, decision, reasons, auth, locale));
    }

    /** What the page says once a step is done; it then says what comes next. */
    private String done(String happened, Locale locale) {
        return messages.getMessage("assessments.done." + happened, null, locale);
    }

    private static String level(Integer level) {
        return level == null ? null : level.toString();
    }
}
