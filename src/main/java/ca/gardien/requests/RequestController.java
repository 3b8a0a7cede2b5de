package ca.gardien.requests;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Rights requests", description = "Intake, deadlines and the read model of rights requests")
class RequestController {

    private final Deadlines deadlines;
    private final RequestIntake intake;
    private final Requests requests;
    private final Cancellations cancellations;

    RequestController(Deadlines deadlines, RequestIntake intake, Requests requests, Cancellations cancellations) {
        this.deadlines = deadlines;
        this.intake = intake;
        this.requests = requests;
        this.cancellations = cancellations;
    }

    @GetMapping("/deadline")
    @Operation(summary = "The due date of a request received on a day under a jurisdiction profile (QC, GDPR, CCPA)")
    Deadline deadline(
            @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String receivedOn) {
        var name = deadlines.known(jurisdiction);
        return deadlines.compute(name, date(receivedOn));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive a request; the answer carries its id, status, receivedAt and dueOn")
    RightsRequest submit(@RequestBody NewRequest request, Authentication auth) {
        return intake.submitByApi(request, CurrentActor.of(auth));
    }

    @PostMapping(path = "/officer-entry", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Staff enter a request received by mail or phone, with the scanned letter (part 'letter')")
    RightsRequest enter(
            @RequestPart("request") NewRequest request,
            @RequestPart(name = "letter", required = false) MultipartFile letter,
            Authentication auth)
            throws IOException {
        return intake.enter(request, upload(letter), CurrentActor.of(auth));
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "One request; identifiers in clear for the person in charge, delegates and staff (each such view a"
                            + " requests.identifiers-viewed fact, as in the console), masked for auditors (a•••@example.test)")
    RightsRequest get(@PathVariable UUID id, Authentication auth) {
        return requests.read(id, CurrentActor.of(auth), CurrentActor.roles(auth)); // a view in clear is a fact
    }

    @GetMapping
    @Operation(summary = "Requests by due date, soonest first; filter by status and type")
    List<RightsRequest> list(
            @RequestParam(required = false) RequestStatus status, @RequestParam(required = false) RequestType type) {
        return requests.list(status, type);
    }

    /** @param reason why it is cancelled (optional, at most 4,000 characters): kept as the request's note */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RequestCancellation") // one name per schema
    record Cancellation(String reason) {
        @Override
        public String toString() {
            return "Cancellation"; // the reason may name the person: never in a log
        }
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            summary = "Cancel an open request; no message goes to the person. An optional body {\"reason\": \"…\"}"
                    + " (at most 4,000 characters) is kept as the request's note, the ledger's fact naming it by a keyed"
                    + " digest, never its words, as the console's cancel does")
    RightsRequest cancel(@PathVariable UUID id, @RequestBody(required = false) Cancellation body, Authentication auth) {
        return cancellations.cancel(id, body == null ? null : body.reason(), CurrentActor.of(auth));
    }

    static RequestIntake.Upload upload(MultipartFile file) throws IOException {
        if (file == null) {
            return null;
        }
        var type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        return new RequestIntake.Upload(
                type.length() > 100 ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type,
                file.getBytes(),
                file.getOriginalFilename());
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("receivedOn", "requests.field.received-on-required");
        }
        var day = DateRange.day(text);
        if (day == null) {
            throw new InvalidInputException(List.of(DateRange.outside("receivedOn")));
        }
        return day;
    }
}
