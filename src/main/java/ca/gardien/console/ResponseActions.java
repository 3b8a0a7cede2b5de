package ca.gardien.console;

import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.RequestRefusal;
import ca.gardien.requests.RequestWork;
import ca.gardien.requests.ResponseDraft;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The answer to a request from the console: draft, approve (person in charge or delegate), send, extend, close, cancel. */
@Controller
@RequestMapping("/console/requests/{id}")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
class ResponseActions {

    private final RequestWork work;

    ResponseActions(RequestWork work) {
        this.work = work;
    }

    /** A refused draft comes back with what was typed and the error next to each field. */
    @PostMapping("/response")
    String draft(
            @PathVariable UUID id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String reasons,
            @RequestParam(required = false) String legalProvisions,
            @RequestParam(required = false) String remedy,
            @RequestParam(required = false) String remedyTimeLimitDays,
            @RequestParam(required = false) List<String> documents,
            Authentication auth,
            RedirectAttributes flash) {
        var joined = documents == null ? List.<String>of() : documents;
        var provisions = legalProvisions == null ? List.<String>of() : Arrays.asList(legalProvisions.split("\\R"));
        // the refusal's fields are in the form whatever the outcome (hidden for a fulfilment, the remedy and its days
        // filled from the profile): a fulfilment keeps none of them (officer's walk: a sent fulfilment said 30 days)
        boolean refusal = "REFUSAL".equals(outcome) || "PARTIAL_REFUSAL".equals(outcome);
        var draft = new ResponseDraft(
                outcome,
                FormSteps.blank(message),
                refusal ? FormSteps.blank(reasons) : null,
                refusal ? provisions : List.of(),
                refusal ? FormSteps.blank(remedy) : null,
                refusal ? days(remedyTimeLimitDays) : null,
                joined.stream().map(ResponseActions::document).toList());
        var typed = FormSteps.typed(
                "outcome", outcome,
                "message", message,
                "reasons", reasons,
                "legalProvisions", legalProvisions,
                "remedy", remedy,
                "remedyTimeLimitDays", remedyTimeLimitDays,
                "documents", String.join(",", joined));
        var withdrawn = new boolean[1];
        // a granted request's answer says something to the person: saved empty, its letter held only Gardien's
        // sentence (officer's walk); the API keeps the message optional
        boolean unsaid = "FULFILLED".equals(outcome) && draft.message() == null;
        var page = ConsoleSteps.request(id)
                .form("responseForm", typed)
                .run(
                        flash,
                        () -> {
                            if (unsaid) {
                                throw new InvalidInputException("message", "rq.field.message-required");
                            }
                            withdrawn[0] = work.draft(id, draft, CurrentActor.of(auth));
                        },
                        "drafted");
        if (withdrawn[0]) {
            flash.addFlashAttribute("doneKey", "draft.approval-withdrawn");
        }
        return page;
    }

    /** A file's id as the form sent it; one that is no id names no file of the request, and the draft refuses it. */
    private static UUID document(String typed) {
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    /** A number of days, or null when none or not a whole number (the draft then names the field as missing). */
    private static Integer days(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/approve")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
    String approve(
            @PathVariable UUID id,
            @RequestParam(required = false) String answer, // the fingerprint of the answer the page showed
            Authentication auth,
            RedirectAttributes flash) {
        // always checked here: a form without it approves no answer unseen (the API's If-Match stays optional)
        return ConsoleSteps.request(id)
                .run(flash, () -> work.approve(id, answer == null ? "" : answer, CurrentActor.of(auth)), "approved");
    }

    /**
     * The saved answer's letter exactly as it would be sent now, in the request's language, shown under the answer's
     * steps with the package's files: nothing is sent, kept or recorded; without a saved answer (or once it is sent)
     * back to the page saying why.
     */
    @PostMapping("/answer/preview")
    String previewAnswer(@PathVariable UUID id, RedirectAttributes flash) {
        return ConsoleSteps.request(id).show(flash, "answerPreview", () -> work.previewAnswer(id), "#answer-preview");
    }

    /**
     * Sends the answer: by link to a verified email or phone, else recorded as handed over by post or in person
     * ({@code delivery}); the page then says which, never that a link left when none did.
     */
    @PostMapping("/send")
    String send(
            @PathVariable UUID id,
            @RequestParam(required = false) String delivery,
            Authentication auth,
            RedirectAttributes flash) {
        var channel = new String[1];
        var page =
                ConsoleSteps.request(id).run(flash, () -> channel[0] = work.send(id, delivery, CurrentActor.of(auth)));
        if (channel[0] != null) {
            flash.addFlashAttribute("doneKey", "sent." + channel[0]);
        }
        return page;
    }

    /**
     * The approved answer's package (letter and files), to print or hand over when no link can reach the person; when
     * there is none to hand over (not approved yet, sent by link, destroyed) back to the request's page saying why.
     */
    @GetMapping("/answer")
    ResponseEntity<byte[]> answer(
            @PathVariable UUID id, Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        try {
            var file = work.takeAnswer(id, CurrentActor.of(auth));
            return RequestActions.attachment(file.name(), MediaType.parseMediaType("application/zip"), file.zip());
        } catch (RuntimeException e) {
            if (!(e instanceof RequestRefusal refusal)) {
                throw e;
            }
            var page = "/console/requests/" + id;
            RequestContextUtils.getOutputFlashMap(request)
                    .put(
                            "refused",
                            refusal.detail(
                                    RequestContextUtils.findWebApplicationContext(request),
                                    RequestContextUtils.getLocale(request)));
            RequestContextUtils.saveOutputFlashMap(page, request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(request.getContextPath() + page))
                    .build();
        }
    }

    @PostMapping("/extend")
    String extend(
            @PathVariable UUID id,
            @RequestParam(required = false) String reasons,
            Authentication auth,
            RedirectAttributes flash) {
        return ConsoleSteps.request(id).run(flash, () -> work.extend(id, reasons, CurrentActor.of(auth)), "extended");
    }

    @PostMapping("/close")
    String close(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
        return ConsoleSteps.request(id).run(flash, () -> work.close(id, CurrentActor.of(auth)), "closed");
    }

    /** Cancels the request, with the optional reason kept as its note; no message goes to the person. */
    @PostMapping("/cancel")
    String cancel(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            Authentication auth,
            RedirectAttributes flash) {
        return ConsoleSteps.request(id)
                .form("cancelForm", FormSteps.typed("cancelReason", reason))
                .run(
                        flash,
                        () -> {
                            try {
                                work.cancel(id, reason, CurrentActor.of(auth));
                            } catch (InvalidInputException e) { // the page's field is cancelReason (others ask reasons)
                                throw new InvalidInputException(e.errors().stream()
                                        .map(f -> "reason".equals(f.field()) ? f.named("cancelReason") : f)
                                        .toList());
                            }
                        },
                        "cancelled");
    }
}
