package ca.gardien.console;

import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.IdentifierKind;
import ca.gardien.requests.IdentityVerification;
import ca.gardien.requests.Representatives;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestRefusal;
import ca.gardien.requests.RequestTasks;
import ca.gardien.requests.ResponseDraft;
import ca.gardien.requests.Responses;
import ca.gardien.requests.TaskResult;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What staff do on a request page. Auditors do nothing here; approving is for the person in charge or a delegate. A
 * refused step comes back to the page as a message, the request unchanged.
 */
@Controller
@RequestMapping("/console/requests/{id}")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
class RequestActions {

    private final RequestIntake intake;
    private final IdentityVerification verification;
    private final Representatives representatives;
    private final RequestTasks tasks;
    private final Responses responses;

    RequestActions(
            RequestIntake intake,
            IdentityVerification verification,
            Representatives representatives,
            RequestTasks tasks,
            Responses responses) {
        this.intake = intake;
        this.verification = verification;
        this.representatives = representatives;
        this.tasks = tasks;
        this.responses = responses;
    }

    @PostMapping("/identifiers/CUSTOMER/confirm")
    String confirmCustomer(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
        return run(id, flash, () -> verification.confirm(id, IdentifierKind.CUSTOMER, CurrentActor.of(auth)));
    }

    @PostMapping("/identity-review")
    String review(@PathVariable UUID id, @RequestParam boolean approved, Authentication auth, RedirectAttributes f) {
        return run(id, f, () -> verification.review(id, approved, CurrentActor.of(auth)));
    }

    @PostMapping("/documents/{document}/review")
    String document(
            @PathVariable UUID id,
            @PathVariable UUID document,
            @RequestParam boolean approved,
            Authentication auth,
            RedirectAttributes flash) {
        return run(id, flash, () -> representatives.review(id, document, approved, CurrentActor.of(auth)));
    }

    @PostMapping("/tasks/{task}/assign")
    String assign(@PathVariable UUID id, @PathVariable UUID task, Authentication auth, RedirectAttributes flash) {
        var me = CurrentActor.accountId(auth).orElse(null);
        return run(id, flash, () -> tasks.assign(id, task, me, CurrentActor.of(auth)));
    }

    @PostMapping("/tasks/{task}/complete")
    String complete(
            @PathVariable UUID id,
            @PathVariable UUID task,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note,
            Authentication auth,
            RedirectAttributes flash) {
        var result = new TaskResult(outcome, note == null || note.isBlank() ? null : note, List.of());
        return run(id, flash, () -> tasks.complete(id, task, result, CurrentActor.of(auth)));
    }

    @PostMapping("/response")
    String draft(
            @PathVariable UUID id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String reasons,
            @RequestParam(required = false) String legalProvisions,
            @RequestParam(required = false) String remedy,
            @RequestParam(required = false) Integer remedyTimeLimitDays,
            Authentication auth,
            RedirectAttributes flash) {
        var provisions = legalProvisions == null ? List.<String>of() : Arrays.asList(legalProvisions.split("\\R"));
        var draft = new ResponseDraft(
                outcome, blank(message), blank(reasons), provisions, blank(remedy), remedyTimeLimitDays);
        return run(id, flash, () -> responses.draft(id, draft, CurrentActor.of(auth)));
    }

    @PostMapping("/approve")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
    String approve(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
        return run(id, flash, () -> responses.approve(id, CurrentActor.of(auth)));
    }

    @PostMapping("/send")
    String send(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
        return run(id, flash, () -> responses.send(id, CurrentActor.of(auth)));
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
        return run(id, flash, () -> intake.cancel(id, CurrentActor.of(auth)));
    }

    private static String run(UUID id, RedirectAttributes flash, Runnable step) {
        try {
            step.run();
            flash.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(
                    "refused",
                    String.join(
                            "; ",
                            e.errors().stream()
                                    .map(f -> f.field() + ": " + f.message())
                                    .toList()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("refused", e.getMessage());
        } catch (RuntimeException e) {
            if (!(e instanceof RequestRefusal)) {
                throw e;
            }
            flash.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/console/requests/" + id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
