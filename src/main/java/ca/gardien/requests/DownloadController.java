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

    /** What a program reading the link learns without using it: the link still works, until when, and how. */
    record LinkState(String reference, java.util.List<String> files, java.time.LocalDate lastDay, String download) {}

    /**
     * Reading the link never uses it (GET and HEAD are safe methods): a mail scanner, a link checker or a preview that
     * follows it leaves the person's one download intact. A browser gets the link's page ({@link DownloadPages}); a
     * program gets the link's state, and downloads with a POST to the same address.
     */
    @GetMapping(PATH + "{token}")
    @Operation(
            summary = "What the link designates, without using it: reference, files, last day (410 once used or"
                    + " expired). The answer is downloaded once with POST to the same address (ZIP); a browser"
                    + " (Accept: text/html) gets the link's page, whose button posts")
    LinkState look(@PathVariable String token) {
        var link = deliveries.look(token);
        if (!link.ready()) {
            throw new RequestProblem(Refusal.DOWNLOAD_GONE, "download-gone", java.util.Map.of());
        }
        return new LinkState(link.reference(), link.files(), link.lastDay(), "POST " + PATH + "{token}");
    }

    /** The download by a program: the answer once (ZIP); 410 {@code download-gone} once used or expired. */
    @PostMapping(PATH + "{token}")
    @Operation(summary = "Download the answer once (ZIP); a second download is refused with 410")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        return zip(deliveries.download(token));
    }

    /** The package as the person's browser saves it: a ZIP named for the reference in its language, never cached. */
    static ResponseEntity<byte[]> zip(AnswerFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name())
                                .build()
                                .toString())
                .body(file.zip());
    }
}
