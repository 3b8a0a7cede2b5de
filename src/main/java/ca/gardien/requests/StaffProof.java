package ca.gardien.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A proof of identity made by staff rather than by a code: a customer number confirmed against the customer file, or
 * the person as a whole checked in person or through another channel. The basis is a closed list (it goes into the
 * ledger); the reason is the free text staff wrote, kept with the request only (it may name what was checked) and
 * destroyed with the request's other personal information.
 *
 * @param recordedBy the actor who recorded it ({@code ACCOUNT:<id>}, {@code TOKEN:<id>})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaffProof(Basis basis, String reason, Instant recordedAt, String recordedBy) {

    /** The longest reason accepted. */
    public static final int MAX_REASON = 500;

    /** On what staff relied. */
    public enum Basis {
        /** The customer number matched the customer file (with what else was checked in the reason). */
        CUSTOMER_RECORD_MATCH,
        /** The person showed identity documents in person. */
        IN_PERSON_ID_CHECK,
        /** Another channel (a call back to a number on file, a signed letter...), described in the reason. */
        OTHER,
        /** OpenCompliance: the controller's own customer id, vouched for by the controller's token (Gardien only). */
        CONTROLLER_ASSERTION;

        /** The bases staff may choose to confirm a customer number. */
        public static java.util.List<Basis> forIdentifier() {
            return java.util.Arrays.stream(values())
                    .filter(b -> b.chosenByStaff(false))
                    .toList();
        }

        /** The bases the person in charge or a delegate may choose for the person as a whole. */
        public static java.util.List<Basis> forPerson() {
            return java.util.Arrays.stream(values())
                    .filter(b -> b.chosenByStaff(true))
                    .toList();
        }

        /** Whether staff may choose this basis for an identifier (the customer number) or for the whole person. */
        boolean chosenByStaff(boolean person) {
            return switch (this) {
                case CUSTOMER_RECORD_MATCH -> !person;
                case IN_PERSON_ID_CHECK, OTHER -> true;
                case CONTROLLER_ASSERTION -> false;
            };
        }
    }

    /** What an auditor sees: the basis and when, not the reason text. */
    StaffProof withoutReason() {
        return new StaffProof(basis, null, recordedAt, recordedBy);
    }

    @Override
    public String toString() {
        return "StaffProof[" + basis + "]";
    }
}
