package ca.gardien.opencompliance;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Serializes an answer once and signs exactly the bytes sent, under the current and the legacy (OpenGDPR) header
 * names, so that a controller can verify the raw body before parsing it.
 */
@Component
class SignedResponses {

    static final String DOMAIN = "X-OpenCompliance-Processor-Domain";
    static final String SIGNATURE = "X-OpenCompliance-Signature";
    static final String LEGACY_DOMAIN = "X-OpenGDPR-Processor-Domain";
    static final String LEGACY_SIGNATURE = "X-OpenGDPR-Signature";

    private final ProcessorKey key;
    private final OpenComplianceProperties properties;

    SignedResponses(ProcessorKey key, OpenComplianceProperties properties) {
        this.key = key;
        this.properties = properties;
    }

    ResponseEntity<byte[]> json(HttpStatus status, Object body) {
        var bytes = SubmissionReader.JSON.writeValueAsBytes(body);
        var signature = key.sign(bytes);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(DOMAIN, properties.processorDomain())
                .header(SIGNATURE, signature)
                .header(LEGACY_DOMAIN, properties.processorDomain())
                .header(LEGACY_SIGNATURE, signature)
                .header("Cache-Control", "no-store")
                .body(bytes);
    }
}
