package ca.gardien.requests;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/requests/{id}")
@Tag(name = "Rights requests", description = "Verification, tasks, responses")
class WorkflowController {

    private final IdentityVerification verification;
    private final StaffProofs proofs;
    private final Representatives representatives;
    private final RequestTasks tasks;
    private final Responses responses;
    private final Extensions extensions;
    private final MessageSource messages;

    WorkflowController(
            IdentityVerification verification,
            StaffProofs proofs,
            Representatives representatives,
            RequestTasks tasks,
            Responses responses,
            Extensions extensions,
            MessageSource messages) {
        this.verification = verification;
        this.proofs = proofs;
        this.representatives = representatives;
        this.tasks = tasks;
        this.responses = responses;
        this.extensions = extensions;
        this.messages = messages;
    }

    record Extension(String reasons) {}

    @PostMapping("/extend")
    @Operation(summary = "Extend the time limit once, with reasons sent to the person (GDPR, CCPA; never Québec)")
    RightsRequest extend(@PathVariable UUID id, @RequestBody Extension body, Authentication auth) {
        return extensions.extend(id, body.reasons(), CurrentActor.of(auth));
    }

    @PostMapping("/close")
    @Operation(summary = "Close a sent request whose link was not used")
    RightsRequest close(@PathVariable UUID id, Authentication auth) {
        return responses.close(id, CurrentActor.of(auth));
    }

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "RequestApproval") // one name per schema (OpenApiSchemaNamesTest)
    record Approval(boolean approved) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "RequestAssignment") // one name per schema (OpenApiSchemaNamesTest)
    record Assignment(UUID assignee) {}

    @PostMapping("/identifiers/{kind}/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a new one-time code to an email or phone identifier (rate-limited)")
    void code(@PathVariable UUID id, @PathVariable IdentifierKind kind, Authentication auth) {
        verification.sendCode(id, kind, CurrentActor.of(auth));
    }

    /**
     * @param basis {@code CUSTOMER_RECORD_MATCH} (default for an identifier), {@code IN_PERSON_ID_CHECK} or
     *     {@code OTHER}
     * @param reason what was checked (required, at most 500 characters); kept with the request, not in the ledger
     */
    record StaffCheck(String basis, String reason) {
        @Override
        public String toString() {
            return "StaffCheck[" + basis + "]";
        }
    }

    @PostMapping("/identifiers/{kind}/confirm")
    @Operation(
            summary = "Staff confirm a customer number themselves, with the basis and the reason (what was checked);"
                    + " an EMAIL or PHONE is refused with 409 code-required: only its code proves it")
    RightsRequest confirm(
            @PathVariable UUID id,
            @PathVariable IdentifierKind kind,
            @RequestBody(required = false) StaffCheck check,
            Authentication auth) {
        var body = check == null ? new StaffCheck(null, null) : check;
        return proofs.confirm(id, kind, body.basis(), body.reason(), CurrentActor.of(auth));
    }

    @PostMapping("/identity-proof")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')")
    @Operation(
            summary = "The person in charge or a delegate records that they checked the person as a whole (basis"
                    + " IN_PERSON_ID_CHECK or OTHER, with the reason); proves the identity without verifying any email"
                    + " or phone")
    RightsRequest proveIdentity(
            @PathVariable UUID id, @RequestBody(required = false) StaffCheck check, Authentication auth) {
        var body = check == null ? new StaffCheck(null, null) : check;
        return proofs.provePerson(id, body.basis(), body.reason(), CurrentActor.of(auth));
    }

    @PostMapping("/identity-review")
    @Operation(summary = "Staff review of the proof of identity (required when sensitive information is in scope)")
    RightsRequest review(@PathVariable UUID id, @RequestBody Approval approval, Authentication auth) {
        return verification.review(id, approval.approved(), CurrentActor.of(auth));
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a representative's document (mandate, proof of parental authority or tutorship)")
    Map<String, UUID> document(
            @PathVariable UUID id, @RequestPart("document") MultipartFile document, Authentication auth)
            throws IOException {
        return Map.of("id", representatives.upload(id, RequestController.upload(document), CurrentActor.of(auth)));
    }

    @PostMapping("/documents/{documentId}/review")
    RightsRequest reviewDocument(
            @PathVariable UUID id, @PathVariable UUID documentId, @RequestBody Approval approval, Authentication auth) {
        return representatives.review(id, documentId, approval.approved(), CurrentActor.of(auth));
    }

    @GetMapping("/tasks")
    List<RequestTask> tasks(@PathVariable UUID id) {
        var locale = ApiLanguage.current();
        return tasks.of(id).stream().map(t -> t.speaking(messages, locale)).toList();
    }

    @PostMapping("/tasks/{taskId}/assign")
    RequestTask assign(
            @PathVariable UUID id, @PathVariable UUID taskId, @RequestBody Assignment body, Authentication auth) {
        return tasks.assign(id, taskId, body.assignee(), CurrentActor.of(auth));
    }

    @PostMapping("/tasks/{taskId}/complete")
    @Operation(summary = "Record what was found or done in the task's system")
    RequestTask complete(
            @PathVariable UUID id, @PathVariable UUID taskId, @RequestBody TaskResult result, Authentication auth) {
        return tasks.completeFor(CurrentActor.accountId(auth).orElse(null), id, taskId, result, CurrentActor.of(auth));
    }

    @GetMapping("/response")
    @Operation(summary = "The drafted answer; its ETag is what an approval's If-Match names (the answer read)")
    org.springframework.http.ResponseEntity<ResponseDraft> response(@PathVariable UUID id) {
        var draft = responses.of(id);
        return org.springframework.http.ResponseEntity.ok()
                .eTag(draft.fingerprint())
                .body(draft);
    }

    @PutMapping("/response")
    @Operation(summary = "Draft the answer; a refusal without reasons, provisions, remedy and time limit is a 422")
    ResponseDraft draft(@PathVariable UUID id, @RequestBody ResponseDraft draft, Authentication auth) {
        return responses.draft(id, draft, CurrentActor.of(auth));
    }

    @PostMapping("/approve")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')")
    @Operation(
            summary = "Approve the drafted answer (person in charge or delegate only); with If-Match (the ETag of GET"
                    + " …/response), a 409 when the answer was edited since it was read")
    RightsRequest approve(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String seen,
            Authentication auth) {
        var read = IfMatch.of(seen); // garbage is a 400 naming the header, never taken as a version
        return responses.approve(id, read == null ? null : read::matches, CurrentActor.of(auth));
    }

    @PostMapping("/send")
    @Operation(
            summary = "Send the approved answer as a one-time download link to a verified email or phone; a request"
                    + " with neither is handed over by post or in person: say which with delivery=POSTAL|IN_PERSON")
    RightsRequest send(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String delivery,
            Authentication auth) {
        return responses.send(id, delivery, CurrentActor.of(auth));
    }
}
