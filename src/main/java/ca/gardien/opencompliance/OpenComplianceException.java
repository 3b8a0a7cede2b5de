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

    static OpenComplianceException invalid(List<Detail> details) {
        return new OpenComplianceException(400, details.getFirst().message(), details);
    }

    static OpenComplianceException invalid(String reason, String message) {
        return invalid(List.of(new Detail("Validation", reason, message)));
    }
}
