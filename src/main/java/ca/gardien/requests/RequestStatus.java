package ca.gardien.requests;

import java.util.EnumSet;
import java.util.Set;

/** Where a request stands. A request moves only along the arrows of {@link #next()}. */
@org.springframework.modulith.NamedInterface("views")
public enum RequestStatus {
    RECEIVED,
    IDENTITY_VERIFIED,
    IN_PROGRESS,
    RESPONSE_DRAFTED,
    APPROVED,
    SENT,
    CLOSED,
    CANCELLED,
    /** Québec: no answer by the due date is a refusal (P-39.1 s. 32). */
    DEEMED_REFUSED;

    /** Statuses in which the statutory clock still runs. */
    public static final Set<RequestStatus> OPEN =
            EnumSet.of(RECEIVED, IDENTITY_VERIFIED, IN_PROGRESS, RESPONSE_DRAFTED, APPROVED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    Set<RequestStatus> next() {
        return switch (this) {
            // a refusal because the identity could not be established is drafted from here (Responses.draft)
            case RECEIVED -> EnumSet.of(IDENTITY_VERIFIED, RESPONSE_DRAFTED, CANCELLED, DEEMED_REFUSED);
            case IDENTITY_VERIFIED -> EnumSet.of(IN_PROGRESS, CANCELLED, DEEMED_REFUSED);
            case IN_PROGRESS -> EnumSet.of(RESPONSE_DRAFTED, CANCELLED, DEEMED_REFUSED);
            // back to IDENTITY_VERIFIED: a refusal drafted because the identity was not established is withdrawn once
            // the identity is verified another way, and the request goes to its tasks (RequestProgress)
            case RESPONSE_DRAFTED ->
                EnumSet.of(RESPONSE_DRAFTED, APPROVED, IDENTITY_VERIFIED, CANCELLED, DEEMED_REFUSED);
            case APPROVED -> EnumSet.of(RESPONSE_DRAFTED, SENT, IDENTITY_VERIFIED, CANCELLED, DEEMED_REFUSED);
            case SENT -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED, DEEMED_REFUSED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }
}
