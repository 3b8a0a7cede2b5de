package ca.gardien.opencompliance;

import ca.gardien.opencompliance.OpenComplianceException.Detail;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A well-formed OpenCompliance request, mapped to Gardien's terms.
 *
 * @param type Gardien's request type ({@code ACCESS}, {@code RECTIFICATION}, …)
 * @param jurisdiction Gardien's jurisdiction profile ({@code QC}, {@code GDPR}, {@code CCPA})
 * @param email the raw {@code email} identity, if any
 * @param customerId the raw {@code controller_customer_id} identity, if any
 * @param phone a phone number given in Gardien's extension, if any
 */
record SubmittedRequest(
        UUID subjectRequestId,
        String regulation,
        String type,
        String jurisdiction,
        String email,
        String customerId,
        String phone,
        Instant submittedTime,
        String apiVersion,
        List<URI> callbackUrls,
        String language,
        String details) {

    @Override
    public String toString() {
        return "SubmittedRequest[" + subjectRequestId + ", " + type + ", " + jurisdiction + "]";
    }

    static Detail validation(String reason, String message) {
        return new Detail("Validation", reason, message);
    }
}
