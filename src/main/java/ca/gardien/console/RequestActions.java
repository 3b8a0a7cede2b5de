package ca.gardien.console;

import ca.gardien.connectors.Rectifications;
import ca.gardien.connectors.RectifyChange;
import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.RequestWork;
import ca.gardien.requests.RightsRequest;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.IdentifierKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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
 * What staff do on a request page. Auditors do nothing here (nor download its files); approving is for the person in
 * charge or a delegate. A refused step comes back to the page as a message, the request unchanged.
 */
@Controller
@RequestMapping("/console/requests/{id}")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
class RequestActions {

    private final RequestWork work;
    private final Rectifications rectifications;

    RequestActions(RequestWork work, Rectifications rectifications) {
        this.work = work;
        this.rectifications = rectifications;
    }

    /** The visible label of the page's fields that a refusal names ("What was checked", not "reason"). */
    private static final Map<String, String> LABELS =
            Map.of("reason", "rq.reason", "basis", "rq.basis", "note", "crq.notes.add", "file", "crq.files.add");

    /** Only the customer number is confirmed here, with what was checked; an email or phone takes its code. */
    @PostMapping("/identifiers/CUSTOMER/confirm")
    String confirmCustomer(
            @PathVariable UUID id,
            @RequestParam(required = false) String basis,
            @RequestParam(required = false) String reason,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("basis", basis, "reason", reason);
        return identityStep(
                id, flash, "confirmForm", typed, () -> work.confirmCustomer(id, basis, reason, CurrentActor.of(auth)));
    }

    /** The person in charge or a delegate checked the person as a whole, in person or through another channel. */
    @PostMapping("/identity-proof")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
    String proveIdentity(
            @PathVariable UUID id,
            @RequestParam(required = false) String basis,
            @RequestParam(required = false) String reason,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("basis", basis, "reason", reason);
        return identityStep(
                id, flash, "proofForm", typed, () -> work.provePerson(id, basis, reason, CurrentActor.of(auth)));
    }

    /** A new one-time code to an email or phone, within its limits, for the person to type or give to staff. */
    @PostMapping("/identifiers/{kind}/code")
    String sendCode(
            @PathVariable UUID id, @PathVariable IdentifierKind kind, Authentication auth, RedirectAttributes flash) {
        return ConsoleSteps.request(id).run(flash, () -> work.sendCode(id, kind, CurrentActor.of(auth)), "code-sent");
    }

    @PostMapping("/identity-review")
    String review(@PathVariable UUID id, @RequestParam boolean approved, Authentication auth, RedirectAttributes f) {
        return identityStep(id, f, null, Map.of(), () -> work.reviewIdentity(id, approved, CurrentActor.of(auth)));
    }

    /**
     * A step of the identity check: done, and the page says whether the request moved on or what it still waits for
     * (another check, or a reasoned refusal once the proof is rejected), rather than a bare "done".
     */
    /** What an identity step may still wait for, each said by name ({@code rq.done.identity.waiting.*}). */
    private static final java.util.Set<String> WAITING_FOR =
            java.util.Set.of("customer-check", "codes", "identity-review", "representative-review", "person-check");

    static String identityStep(
            UUID id,
            RedirectAttributes flash,
            String formName,
            Map<String, String> typed,
            java.util.function.Supplier<RightsRequest> step) {
        var after = new RightsRequest[1];
        var page =
                ConsoleSteps.request(id).form(formName, typed).labels(LABELS).run(flash, () -> after[0] = step.get());
        if (after[0] != null) {
            var rejected = after[0].identityReview() == RightsRequest.Review.REJECTED;
            // waiting: for what, by name (the officer's walk: "an identifier to verify or the proof to review")
            var outcome = after[0].identityProven()
                    ? "proven"
                    : rejected
                            ? "rejected"
                            : WAITING_FOR.contains(after[0].nextStep()) ? "waiting." + after[0].nextStep() : "waiting";
            flash.addFlashAttribute("doneKey", "identity." + outcome);
        }
        return page;
    }

    @PostMapping("/tasks/{task}/assign")
    String assign(@PathVariable UUID id, @PathVariable UUID task, Authentication auth, RedirectAttributes flash) {
        var me = CurrentActor.accountId(auth).orElse(null);
        return ConsoleSteps.request(id)
                .doneAt("#task-" + task)
                .run(flash, () -> work.assign(id, task, me, CurrentActor.of(auth)));
    }

    /** The corrections of a rectification request, applied through the connector of the task's system. */
    @PostMapping("/tasks/{task}/rectification")
    String rectify(
            @PathVariable UUID id,
            @PathVariable UUID task,
            @RequestParam(name = "table", required = false) List<String> tables,
            @RequestParam(name = "column", required = false) List<String> columns,
            @RequestParam(name = "newValue", required = false) List<String> values,
            Authentication auth,
            RedirectAttributes flash) {
        var changes = new java.util.ArrayList<RectifyChange>();
        int rows = tables == null ? 0 : tables.size();
        for (int i = 0; i < rows; i++) {
            var table = FormSteps.blank(tables.get(i));
            var column = columns == null || i >= columns.size() ? null : FormSteps.blank(columns.get(i));
            var value = values == null || i >= values.size() ? null : values.get(i);
            if (table != null || column != null) { // a row left empty is no change
                changes.add(new RectifyChange(table, column, value));
            }
        }
        return ConsoleSteps.request(id)
                .run(flash, () -> rectifications.apply(id, task, changes, CurrentActor.of(auth)));
    }

    /** A note on the request; a refused note comes back with what was typed, its error next to the field. */
    @PostMapping("/notes")
    String note(
            @PathVariable UUID id,
            @RequestParam(required = false) String note,
            Authentication auth,
            RedirectAttributes flash) {
        var typed = FormSteps.typed("note", note);
        return ConsoleSteps.request(id)
                .form("noteForm", typed)
                .labels(LABELS)
                .run(flash, () -> work.addNote(id, note, CurrentActor.of(auth)), "note-added");
    }

    /** A file attached to the request (a scan, a call summary), within the upload limit. */
    @PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Authentication auth,
            RedirectAttributes flash)
            throws IOException {
        var upload = RequestEntryPage.upload(file);
        return ConsoleSteps.request(id)
                .form("fileForm", Map.of())
                .labels(LABELS)
                .run(flash, () -> work.attach(id, upload, CurrentActor.of(auth)), "attached");
    }

    /** One of the request's files, for those who work requests; each download is a ledger fact. */
    @GetMapping("/documents/{document}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID document, Authentication auth) {
        var file = work.download(id, document, CurrentActor.of(auth));
        // the name it was uploaded under; a file stored without one is named for its id
        var name = file.fileName() != null
                ? file.fileName()
                : document.toString().substring(0, 8) + ConsoleFiles.extension(file.mediaType());
        return attachment(name, file.content());
    }

    /**
     * A file of the console, downloaded: served as bytes whatever type the uploader declared, so an HTML or SVG "scan"
     * never renders in Gardien's origin.
     */
    static ResponseEntity<byte[]> attachment(String filename, byte[] content) {
        return attachment(filename, MediaType.APPLICATION_OCTET_STREAM, content);
    }

    /** A download, never shown in the browser's tab (attachment, no sniffing). */
    static ResponseEntity<byte[]> attachment(String filename, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ca.gardien.shared.FileNames.disposition(filename))
                .body(content);
    }

    /**
     * A task completed by hand, with what was found when it was found: rows of category, source, field and value. A
     * refused completion comes back with what was typed ({@code taskForm}, for this task), each error next to its row.
     */
    @PostMapping("/tasks/{task}/complete")
    String complete(
            @PathVariable UUID id,
            @PathVariable UUID task,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note,
            jakarta.servlet.http.HttpServletRequest form, // each row's values as sent (a comma is no separator)
            Authentication auth,
            RedirectAttributes flash) {
        var sent = TaskForm.read(task, outcome, note, form);
        return ConsoleSteps.request(id)
                .doneAt("#task-" + task)
                .form(TaskForm.NAME, sent.typed())
                .run(
                        flash,
                        () -> work.complete(id, task, outcome, note, sent.rows(), CurrentActor.of(auth)),
                        "task-done");
    }
}
