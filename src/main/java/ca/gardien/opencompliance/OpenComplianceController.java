package ca.gardien.opencompliance;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.WebProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenCompliance v1.0 processor endpoints, under {@code /opencompliance/v1} and, for OpenGDPR clients, under
 * {@code /opengdpr/v1}, each request route with the {@code opengdpr_requests} resource name as well: the four spellings
 * of every route (docs/opencompliance.md).
 */
@RestController
@Tag(name = "OpenCompliance", description = "OpenCompliance v1.0 (formerly OpenGDPR) processor endpoints")
class OpenComplianceController {

    static final String CERTIFICATE = "/opencompliance/v1/certificate.pem";

    private final OpenComplianceProcessor processor;
    private final SubmissionStatuses statuses;
    private final SignedResponses signed;
    private final ProcessorKey key;
    private final WebProperties web;

    OpenComplianceController(
            OpenComplianceProcessor processor,
            SubmissionStatuses statuses,
            SignedResponses signed,
            ProcessorKey key,
            WebProperties web) {
        this.processor = processor;
        this.statuses = statuses;
        this.signed = signed;
        this.key = key;
        this.web = web;
    }

    @GetMapping({"/opencompliance/v1/discovery", "/opengdpr/v1/discovery"})
    @Operation(summary = "What this processor supports, and where its signing certificate is")
    ResponseEntity<byte[]> discovery() {
        var body = new LinkedHashMap<String, Object>();
        body.put("api_version", "1.0");
        body.put(
                "supported_identities",
                List.of(
                        Map.of("identity_type", "email", "identity_format", "raw"),
                        Map.of("identity_type", "controller_customer_id", "identity_format", "raw")));
        body.put("supported_subject_request_types", List.of("access", "portability", "erasure"));
        body.put("processor_certificate", web.link(CERTIFICATE));
        return signed.json(HttpStatus.OK, body);
    }

    @GetMapping(
            path = {CERTIFICATE, "/opengdpr/v1/certificate.pem"},
            produces = "application/x-pem-file")
    @Operation(summary = "The X.509 certificate (PEM) of the key that signs responses and callbacks")
    String certificate() {
        return key.certificatePem();
    }

    @PostMapping({
        "/opencompliance/v1/opencompliance_requests",
        "/opencompliance/v1/opengdpr_requests",
        "/opengdpr/v1/opengdpr_requests",
        "/opengdpr/v1/opencompliance_requests"
    })
    @Operation(summary = "Submit a request; the signed 201 carries the expected completion time")
    ResponseEntity<byte[]> submit(@RequestBody(required = false) byte[] body, Authentication auth) {
        var answer = processor.submit(body == null ? new byte[0] : body, controllerId(auth), CurrentActor.of(auth));
        return signed.json(HttpStatus.CREATED, answer);
    }

    @GetMapping(
            path = {
                "/opencompliance/v1/opencompliance_requests/{id}",
                "/opencompliance/v1/opengdpr_requests/{id}",
                "/opengdpr/v1/opengdpr_requests/{id}",
                "/opengdpr/v1/opencompliance_requests/{id}"
            },
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The status of a request (pending, in_progress, completed, cancelled); only for the controller"
                    + " (the token's account) that submitted it, 404 for any other")
    ResponseEntity<byte[]> status(@PathVariable String id, Authentication auth) {
        return signed.json(HttpStatus.OK, statuses.status(uuid(id), controllerId(auth)));
    }

    @DeleteMapping({
        "/opencompliance/v1/opencompliance_requests/{id}",
        "/opencompliance/v1/opengdpr_requests/{id}",
        "/opengdpr/v1/opengdpr_requests/{id}",
        "/opengdpr/v1/opencompliance_requests/{id}"
    })
    @Operation(
            summary = "Cancel a request while it is pending; only by the controller (the token's account) that"
                    + " submitted it, 404 for any other")
    ResponseEntity<byte[]> cancel(@PathVariable String id, Authentication auth) {
        return signed.json(HttpStatus.ACCEPTED, processor.cancel(uuid(id), controllerId(auth), CurrentActor.of(auth)));
    }

    /** The controller is the account behind the token (any of its tokens), or the token itself without one. */
    private static String controllerId(Authentication auth) {
        return CurrentActor.accountId(auth)
                .map(UUID::toString)
                .orElse(CurrentActor.of(auth).id());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw OpenComplianceException.invalid("InvalidField", "subject_request_id must be a UUID.");
        }
    }
}
