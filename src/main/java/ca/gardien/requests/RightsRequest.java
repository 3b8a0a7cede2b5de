package ca.gardien.requests;

import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.SubjectIdentifier;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A rights request as the API and other modules see it.
 *
 * @param reference the reference the person was given and staff quote ("R-2026-00042", {@link
 *     ca.gardien.shared.References})
 * @param identifiers every identifier the request matches on, with its verification state (values are shown only in
 *     the detail view, {@link #withoutIdentifierValues()} hides them)
 * @param addressee the person's name and postal address entered by staff for an answer by post; null when none was
 *     given, for readers who do not see identifiers in clear, and once the request's key is destroyed
 * @param identityReview a staff review of the proof of identity, required when sensitive information is in scope
 * @param representativeProof the review of the document of a parent, tutor or mandatary acting for the person
 * @param duplicateOf an open request of the same type for one of the same identifiers, when there was one at intake
 * @param personProof the person as a whole checked by the person in charge or a delegate (in person or through another
 *     channel, with a reason); it proves the identity without verifying any email or phone, which only a code does
 * @param purgedAt when the request's personal information was destroyed at the end of its retention period (identifier
 *     values, details, documents, response message, task records, codes and download links); null while it is kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@org.springframework.modulith.NamedInterface("views")
public record RightsRequest(
        UUID id,
        String reference,
        RequestType type,
        RequestStatus status,
        String jurisdiction,
        Channel channel,
        String language,
        String subjectCategory,
        String details,
        Addressee addressee,
        Representative representative,
        Review identityReview,
        Review representativeProof,
        Instant receivedAt,
        LocalDate dueOn,
        LocalDate extendedDueOn,
        UUID duplicateOf,
        List<IdentifierState> identifiers,
        StaffProof personProof,
        Instant purgedAt,
        @JsonIgnore int version) {

    /**
     * The day staff said a letter or a call came, when that is all they said ({@link ReceivedDay} keeps it as noon UTC
     * that day); null for a moment the request was filed at. Pages show that day, not an invented time of it.
     */
    public static java.time.LocalDate saidDay(Channel channel, Instant receivedAt) {
        var utc = receivedAt.atOffset(java.time.ZoneOffset.UTC);
        return (channel == Channel.MAIL || channel == Channel.PHONE)
                        && utc.toLocalTime().equals(java.time.LocalTime.NOON)
                ? utc.toLocalDate()
                : null;
    }

    /** {@link #saidDay(Channel, Instant)} of this request. */
    public java.time.LocalDate receivedDay() {
        return saidDay(channel, receivedAt);
    }

    public enum Channel {
        API,
        PORTAL,
        MAIL,
        PHONE
    }

    /** Who acts for the person concerned. */
    public enum Representative {
        PARENT,
        TUTOR,
        MANDATARY
    }

    public enum Review {
        NOT_REQUIRED,
        PENDING,
        APPROVED,
        REJECTED;

        boolean satisfied() {
            return this == NOT_REQUIRED || this == APPROVED;
        }
    }

    /**
     * @param verifiedBy {@code CODE} (the person typed the code sent to it) or {@code STAFF} (a customer number confirmed
     *     by staff, {@code proof} says on what basis)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdentifierState(
            IdentifierKind kind, String value, boolean verified, String verifiedBy, boolean locked, StaffProof proof) {

        /** The value as a page shows it: a phone number grouped ({@code +1 418-555-0123}), anything else as it is. */
        @JsonIgnore
        public String readable() {
            return ca.gardien.shared.SubjectIdentifier.readable(value);
        }

        /** This state showing {@code shown} as its value, and its staff proof without the reason text. */
        IdentifierState redacted(String shown) {
            return new IdentifierState(kind, shown, verified, verifiedBy, locked, redactedProof(proof));
        }

        @Override
        public String toString() {
            return "IdentifierState[" + kind + ", verified=" + verified + "]";
        }
    }

    /**
     * Where a download link to the answer can go: a code-verified email, else a code-verified phone; null when the
     * request has neither (a customer number only, a letter received on paper), and the answer is handed over by post
     * or in person instead.
     */
    @JsonIgnore
    public IdentifierKind linkTo() {
        for (var kind : List.of(IdentifierKind.EMAIL, IdentifierKind.PHONE)) {
            if (identifiers.stream().anyMatch(i -> i.kind() == kind && i.verified())) {
                return kind;
            }
        }
        return null;
    }

    /**
     * Whether every identifier the request matches on is verified (or the person was checked by the person in charge or
     * a delegate, the only proof of a letter that gives no identifier) and every required review approved: until then
     * nothing is released or changed.
     */
    @JsonIgnore
    public boolean identityProven() {
        return (personProof != null
                        || (!identifiers.isEmpty() && identifiers.stream().allMatch(IdentifierState::verified)))
                && identityReview.satisfied()
                && representativeProof.satisfied();
    }

    /**
     * What the person waits for once no code is awaited from them, as the public code page tells them: {@code finished}
     * (the request is no longer open: see {@link #status}), {@code processing} (identity proven), {@code
     * identity-rejected}, {@code customer-check} (staff check the customer number against their records), {@code
     * representative-review} (staff review the document of whoever acts for the person), {@code identity-review} (staff
     * confirm the identity because sensitive information is in scope), {@code codes} (a code is still to be typed), or
     * {@code person-check} (no identifier was given: the person in charge or a delegate checks the person).
     */
    @JsonIgnore
    public String nextStep() {
        if (!status.isOpen()) {
            return "finished";
        }
        if (identityProven()) {
            return "processing";
        }
        if (identityReview == Review.REJECTED) {
            return "identity-rejected";
        }
        if (personProof == null
                && identifiers.stream().anyMatch(i -> !i.verified() && i.kind() == IdentifierKind.CUSTOMER)) {
            return "customer-check";
        }
        if (personProof == null && identifiers.stream().anyMatch(i -> !i.verified())) {
            return "codes";
        }
        if (personProof == null && identifiers.isEmpty()) {
            return "person-check"; // a letter with a name and an address only: staff check the person themselves
        }
        return representativeProof == Review.PENDING ? "representative-review" : "identity-review";
    }

    public RightsRequest withoutIdentifierValues() {
        return copy(identifiers.stream().map(i -> i.redacted(null)).toList(), null, redactedProof(personProof));
    }

    /**
     * The request as an auditor sees it (least exposure): identifiers masked ({@code a•••@example.test}), no name or
     * postal address, staff proofs without their reason text; the workflow, dates and details stay readable.
     */
    public RightsRequest masked() {
        var shown = identifiers.stream()
                .map(i -> i.redacted(SubjectIdentifier.masked(i.kind(), i.value())))
                .toList();
        return copy(shown, details, redactedProof(personProof));
    }

    private static StaffProof redactedProof(StaffProof proof) {
        return proof == null ? null : proof.withoutReason();
    }

    private RightsRequest copy(List<IdentifierState> shown, String shownDetails, StaffProof shownProof) {
        return new RightsRequest(
                id,
                reference,
                type,
                status,
                jurisdiction,
                channel,
                language,
                subjectCategory,
                shownDetails,
                null, // the name and postal address: only with the identifiers in clear, never masked
                representative,
                identityReview,
                representativeProof,
                receivedAt,
                dueOn,
                extendedDueOn,
                duplicateOf,
                shown,
                shownProof,
                purgedAt,
                version);
    }

    @Override
    public String toString() {
        return "RightsRequest[" + id + ", " + type + ", " + status + "]";
    }
}
