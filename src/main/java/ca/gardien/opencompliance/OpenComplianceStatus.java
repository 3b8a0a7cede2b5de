package ca.gardien.opencompliance;

import ca.gardien.requests.RequestStatus;

/** Gardien's workflow seen through the four OpenCompliance statuses (section 8). */
final class OpenComplianceStatus {

    private OpenComplianceStatus() {}

    static String of(RequestStatus status) {
        return switch (status) {
            case RECEIVED, IDENTITY_VERIFIED -> "pending";
            case IN_PROGRESS, RESPONSE_DRAFTED, APPROVED -> "in_progress";
            // A Québec deemed refusal ends the request too; the extension says which ending it was.
            case SENT, CLOSED, DEEMED_REFUSED -> "completed";
            case CANCELLED -> "cancelled";
        };
    }
}
