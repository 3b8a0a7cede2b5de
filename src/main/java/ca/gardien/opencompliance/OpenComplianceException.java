package ca.gardien.opencompliance;

import java.util.List;

/** A refusal rendered in the specification's error shape: {@code {"error":{"code","message","errors":[…]}}}. */
class OpenComplianceException extends RuntimeException {

    /** One error detail; {@code message} never quotes an identity value. */
    record Detail(String domain, String reason, String message) {}

    final int status;
    final transient List<Detail> details;

    OpenComplianceException(int status, String message, List<Detail> details) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
    }

    /**
     * The most validation details an answer lists (as the API's problems): 12,000 bad identities made a signed answer
     * of 1.2 MB (attacker's review); the first ones are enough to correct a submission.
     */
    static final int MAX_DETAILS = 100;

    static OpenComplianceException invalid(List<Detail> details) {
        return new OpenComplianceException(
                400,
                details.getFirst().message(),
                details.size() > MAX_DETAILS ? List.copyOf(details.subList(0, MAX_DETAILS)) : details);
    }

    static OpenComplianceException invalid(String reason, String message) {
        return invalid(List.of(new Detail("Validation", reason, message)));
    }
}
