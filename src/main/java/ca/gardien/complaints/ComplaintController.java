package ca.gardien.complaints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The complaint files. Confidential: the person in charge and delegates see every file, staff the files assigned to
 * them, no one else (auditors included); a caller who may not open a file gets 403 whether it exists or not.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "Complaints", description = "Complaint files, their 30-day clock and reasoned answers")
class ComplaintController {

    record InformationRequest(String details) {}

    record InformationReceived(String receivedOn) {}

    record DelayNotice(String reasons, String status, String newDueOn) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "ComplaintAssignment") // one name per schema (OpenApiSchemaNamesTest)
    record Assignment(UUID accountId) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ComplaintLink") // one name per schema (OpenApiSchemaNamesTest)
    record Link(String requestId, Boolean refused, String incidentId) {}

    record Note(String text) {}

    record Answer(String reasons) {}

    record Transmitted(String transmittedOn, String means) {}

    private final Complaints complaints;
    private final AnswerTransmitted transmitted;

    ComplaintController(Complaints complaints, AnswerTransmitted transmitted) {
        this.complaints = complaints;
        this.transmitted = transmitted;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Receive a complaint (receivedOn for one entered by staff, today when absent; channel MAIL: phone"
                    + " optional, postalAddress required without email or phone); answers id and dueOn")
    ComplaintView create(@RequestBody NewComplaint complaint, Authentication auth) {
        return complaints.enter(complaint, ComplaintCaller.of(auth));
    }

    @GetMapping
    @Operation(
            summary =
                    "The queue by due date with days left and urgency; filter by status, search a reference, or part of the subject, name, email or phone (accents and case ignored)")
    List<ComplaintView> queue(
            @RequestParam(required = false) ComplaintStatus status,
            @RequestParam(name = "q", required = false) String search,
            Authentication auth) {
        return complaints.queue(status, search, ComplaintCaller.of(auth));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One complaint file with its timeline and documents; every read is a ledger fact")
    ComplaintView get(@PathVariable UUID id, Authentication auth) {
        return complaints.read(id, ComplaintCaller.of(auth));
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assign the file to a staff member (person in charge and delegates)")
    ComplaintView assign(@PathVariable UUID id, @RequestBody Assignment body, Authentication auth) {
        return complaints.assign(id, body.accountId(), ComplaintCaller.of(auth));
    }

    @PostMapping("/{id}/links")
    @Operation(
            summary =
                    "Link the rights request (requestId; a refused one brings the CAI remedy) or the incident (incidentId) the"
                            + " complaint concerns")
    ComplaintView link(@PathVariable UUID id, @RequestBody Link body, Authentication auth) {
        return complaints.link(id, body.requestId(), body.refused(), body.incidentId(), ComplaintCaller.of(auth));
    }

    @PostMapping("/{id}/information-requests")
    @Operation(summary = "Ask the complainant for additional information: the clock stops")
    ComplaintView requestInformation(
            @PathVariable UUID id, @RequestBody(required = false) InformationRequest body, Authentication auth) {
        return complaints.requestInformation(id, body == null ? null : body.details(), ComplaintCaller.of(auth));
    }

    @PostMapping("/{id}/information-received")
    @Operation(summary = "The additional information arrived: a new 30 days from its receipt (the answer's dueOn)")
    ComplaintView informationReceived(
            @PathVariable UUID id, @RequestBody(required = false) InformationReceived body, Authentication auth) {
        return complaints.informationReceived(id, body == null ? null : body.receivedOn(), ComplaintCaller.of(auth));
    }

    @PostMapping("/{id}/delay-notices")
    @Operation(summary = "The delay notice, before the due date: reasons, status of the complaint and newDueOn")
    ComplaintView delayNotice(@PathVariable UUID id, @RequestBody DelayNotice body, Authentication auth) {
        return complaints.delayNotice(id, body.reasons(), body.status(), body.newDueOn(), ComplaintCaller.of(auth));
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "An analysis note in the file")
    ComplaintView note(@PathVariable UUID id, @RequestBody Note body, Authentication auth) {
        return complaints.note(id, body.text(), ComplaintCaller.of(auth));
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File the scanned letter (kind LETTER) or a supporting document (SUPPORTING)")
    ComplaintDocument document(
            @PathVariable UUID id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            Authentication auth)
            throws IOException {
        var type = file == null
                        || file.getContentType() == null
                        || file.getContentType().length() > 100
                ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                : file.getContentType();
        return complaints.file(
                id,
                kind,
                type,
                file == null ? null : file.getBytes(),
                file == null ? null : file.getOriginalFilename(),
                ComplaintCaller.of(auth));
    }

    @GetMapping("/{id}/documents/{documentId}")
    @Operation(summary = "A document of the file (the letter, a supporting document, the answer's PDF)")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId, Authentication auth) {
        var download = complaints.download(id, documentId, ComplaintCaller.of(auth));
        var document = download.document();
        // the name it was uploaded under (cleaned at upload), else what it is and its id; always an attachment of bytes
        var name = document.fileName() != null
                ? document.fileName()
                : document.kind().toLowerCase(java.util.Locale.ROOT) + "-" + document.id()
                        + (document.mediaType().equals("application/pdf") ? ".pdf" : "");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ca.gardien.shared.FileNames.disposition(name))
                .body(download.content());
    }

    @PostMapping("/{id}/answer")
    @Operation(
            summary = "The reasoned answer, by email and as a PDF, with the recourse to the CAI; refused when late"
                    + " without a delay notice")
    ComplaintView answer(@PathVariable UUID id, @RequestBody Answer body, Authentication auth) {
        return complaints.answer(id, body.reasons(), ComplaintCaller.of(auth));
    }

    @PostMapping("/{id}/answer-transmitted")
    @Operation(
            summary = "Record the day and the means by which an answer held in the outbox reached the complainant"
                    + " another way; refused when the answer is not held")
    ComplaintView answerTransmitted(@PathVariable UUID id, @RequestBody Transmitted body, Authentication auth) {
        return transmitted.record(id, body.transmittedOn(), body.means(), ComplaintCaller.of(auth));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the file; only after the answer was sent")
    ComplaintView close(@PathVariable UUID id, Authentication auth) {
        return complaints.close(id, ComplaintCaller.of(auth));
    }
}
