package ca.gardien.console;

import ca.gardien.complaints.ComplaintDesk;
import ca.gardien.shared.FormSteps;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the person in charge, delegates and the assigned staff member do on a complaint file: the API's steps as forms.
 * The module decides who may open the file and which step is allowed now; a refused step comes back to the page with
 * what was typed and each error next to its field, the file unchanged.
 */
@Controller
@RequestMapping("/console/complaints/{id}")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
class ComplaintFileActions {

    private final ComplaintDesk desk;
    private final org.springframework.context.MessageSource messages;

    private final ConsoleTimes times;

    ComplaintFileActions(ComplaintDesk desk, org.springframework.context.MessageSource messages, ConsoleTimes times) {
        this.times = times;
        this.desk = desk;
        this.messages = messages;
    }

    @PostMapping("/assignment")
    String assign(
            @PathVariable UUID id,
            @RequestParam(required = false) String accountId,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("accountId", accountId);
        return step(id, flash, "assignForm", typed, () -> desk.assign(id, accountId, auth));
    }

    @PostMapping("/links")
    String link(
            @PathVariable UUID id,
            @RequestParam(required = false) String requestId,
            @RequestParam(required = false) String incidentId,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("requestId", requestId, "incidentId", incidentId);
        return step(id, flash, "linkForm", typed, () -> desk.link(id, requestId, incidentId, auth));
    }

    @PostMapping("/information-requests")
    String requestInformation(
            @PathVariable UUID id,
            @RequestParam(required = false) String details,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("details", details);
        return sending(
                page(id).form("informationForm", typed),
                flash,
                "information-requested",
                () -> desk.requestInformation(id, details, auth));
    }

    @PostMapping("/information-received")
    String informationReceived(
            @PathVariable UUID id,
            @RequestParam(required = false) String receivedOn,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("receivedOn", receivedOn);
        return step(id, flash, "receivedForm", typed, () -> desk.informationReceived(id, receivedOn, auth));
    }

    @PostMapping("/delay-notices")
    String delayNotice(
            @PathVariable UUID id,
            @RequestParam(required = false) String reasons,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String newDueOn,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("reasons", reasons, "status", status, "newDueOn", newDueOn);
        return sending(
                page(id).form("delayForm", typed)
                        .labels(Map.of("reasons", "complaints.act.delay.reasons")), // named as its box is, not "Motifs"
                flash,
                "delay-notice",
                () -> desk.delayNotice(id, reasons, status, newDueOn, auth));
    }

    @PostMapping("/notes")
    String note(
            @PathVariable UUID id,
            @RequestParam(required = false) String text,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("text", text);
        return page(id).form("noteForm", typed).run(flash, () -> desk.note(id, text, auth), "noted");
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String document(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Authentication auth,
            RedirectAttributes flash)
            throws IOException {
        var upload = RequestEntryPage.upload(file);
        return step(
                id,
                flash,
                "documentForm",
                Map.of(),
                () -> desk.file(
                        id,
                        upload == null ? null : upload.mediaType(),
                        upload == null ? null : upload.content(),
                        upload == null ? null : upload.fileName(),
                        auth));
    }

    /** A document of the file, for those who may open it; each download is a ledger fact. */
    @GetMapping("/documents/{document}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID document, Authentication auth) {
        var content = desk.download(id, document, auth);
        var d = content.document();
        boolean pdf = "application/pdf".equals(d.mediaType());
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        // the name it was uploaded under (cleaned at upload); a letter Gardien wrote, or a document stored before names
        // were kept, named as the officer would file it: what it is, the file's reference and its day, in the page's
        // language ("reponse-C-2026-00007-2026-12-01.pdf")
        var name = d.fileName();
        if (name == null) {
            name = ConsoleFiles.slug(messages.getMessage("complaints.document." + d.kind(), null, d.kind(), locale))
                    + "-" + content.reference() + "-" + times.dayOf(d.at())
                    + (pdf ? ".pdf" : ConsoleFiles.extension(d.mediaType()));
        }
        return RequestActions.attachment(
                name, pdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM, content.content());
    }

    @PostMapping("/answer")
    String answer(
            @PathVariable UUID id,
            @RequestParam(required = false) String reasons,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("reasons", reasons);
        return sending(
                page(id).form("answerForm", typed)
                        .labels(Map.of(
                                "reasons", "complaints.act.answer.reasons")), // named as its box is, not "Motifs"
                flash,
                "answered",
                () -> desk.answer(id, reasons, auth));
    }

    /**
     * The answer's letter as it would be sent now, shown above the send button with what was typed: nothing is sent or
     * kept; a refusal (no reasons, a file answered already) comes back as a refused step does.
     */
    @PostMapping("/answer/preview")
    String previewAnswer(
            @PathVariable UUID id,
            @RequestParam(required = false) String reasons,
            Authentication auth,
            RedirectAttributes flash) {
        return page(id).form("answerForm", FormSteps.typed("reasons", reasons))
                .labels(Map.of("reasons", "complaints.act.answer.reasons")) // as the answer itself, not "Motifs"
                .show(flash, "answerPreview", () -> desk.previewAnswer(id, reasons, auth), "#answer-preview");
    }

    /** The held answer recorded transmitted another way: the day and the means, same readers as the answer. */
    @PostMapping("/answer-transmitted")
    String answerTransmitted(
            @PathVariable UUID id,
            @RequestParam(required = false) String transmittedOn,
            @RequestParam(required = false) String means,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("transmittedOn", transmittedOn, "means", means);
        // said with the day and the means recorded, not a bare « C’est fait. » (officer's walk)
        var said = ca.gardien.shared.Phrase.of(
                "complaints.done.answer-transmitted",
                String.valueOf(transmittedOn).strip(),
                String.valueOf(means).strip());
        return page(id).form("transmittedForm", typed)
                .run(flash, () -> desk.answerTransmitted(id, transmittedOn, means, auth), said);
    }

    @PostMapping("/close")
    String close(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
        // said as what it did, not a bare "C'est fait." (officer's walk)
        return page(id).run(flash, () -> desk.close(id, auth), "closed");
    }

    private static String step(
            UUID id, RedirectAttributes flash, String form, Map<String, String> typed, Runnable step) {
        return page(id).form(form, typed).run(flash, step);
    }

    /**
     * A step that emails a letter: done, or, when its email stays in the outbox (no mail server: its timeline line is
     * {@code held}), said placed there and not sent ({@code complaints.done.<step>.held}; officer's review: "C'est
     * fait." while the message was held).
     */
    private static String sending(
            FormSteps.Step page,
            RedirectAttributes flash,
            String step,
            java.util.function.Supplier<ca.gardien.complaints.ComplaintView> send) {
        var done = new ca.gardien.complaints.ComplaintView[1];
        var to = page.run(flash, () -> done[0] = send.get());
        if (done[0] != null
                && done[0].timeline().stream()
                        .filter(s -> s.step().equals(step))
                        .reduce((a, b) -> b)
                        .filter(ca.gardien.complaints.ComplaintStep::held)
                        .isPresent()) {
            flash.addFlashAttribute("done", step + ".held");
        }
        return to;
    }

    private static FormSteps.Step page(UUID id) {
        return FormSteps.at("/console/complaints/" + id);
    }
}
