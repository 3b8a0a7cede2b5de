package ca.gardien.requests;

import ca.gardien.shared.IdentifierKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public endpoints for the person: the one-time code check and the one-time download. They act only on what a code or
 * an unguessable token designates, so they need no session.
 */
@RestController
@Tag(name = "Rights requests (public)", description = "Verification codes and downloads for data subjects")
class DownloadController {

    static final String PATH = "/requests/download/";

    private final Deliveries deliveries;
    private final IdentityVerification verification;
    private final PublicLimits limits;

    DownloadController(Deliveries deliveries, IdentityVerification verification, PublicLimits limits) {
        this.deliveries = deliveries;
        this.verification = verification;
        this.limits = limits;
    }

    record CodeCheck(IdentifierKind kind, String code) {}

    /** What the person learns after a check: only the state, never the identifiers. */
    record Verification(RequestStatus status, boolean identityProven) {}

    @PostMapping("/requests/{id}/verify")
    @Operation(summary = "Check the one-time code sent to one identifier of a request (limited per address: 429)")
    Verification verify(@PathVariable UUID id, @RequestBody CodeCheck check, HttpServletRequest http) {
        limits.codeCheck(http.getRemoteAddr());
        if (check.kind() == null) {
            throw new ca.gardien.shared.InvalidInputException("kind", "shared.field.one-of", "EMAIL, PHONE");
        }
        var request = verification.verify(id, check.kind(), check.code());
        return new Verification(request.status(), request.identityProven());
    }

    record CodeRequest(IdentifierKind kind) {}

    @PostMapping("/requests/{id}/code")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send a new code to one identifier of a request (limited per hour, identifier and address: 429)")
    void code(@PathVariable UUID id, @RequestBody CodeRequest body, HttpServletRequest http) {
        limits.codeSend(http.getRemoteAddr());
        if (body.kind() == null) {
            throw new ca.gardien.shared.InvalidInputException("kind", "shared.field.one-of", "EMAIL, PHONE");
        }
        verification.sendCode(
                id, body.kind(), new ca.gardien.shared.Actor(ca.gardien.shared.Actor.Kind.SUBJECT, "request:" + id));
    }

    @GetMapping(PATH + "{token}")
    @Operation(
            summary = "Download the answer once (ZIP); a second download is refused with 410. A browser (Accept:"
                    + " text/html) gets the link's page instead, whose button posts to the same address")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        return zip(deliveries.download(token));
    }

    /** The package as the person's browser saves it: a ZIP named after nothing personal, never cached. */
    static ResponseEntity<byte[]> zip(byte[] zip) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("response.zip")
                                .build()
                                .toString())
                .body(zip);
    }
}
