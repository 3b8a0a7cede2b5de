package ca.gardien.requests;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A rights request as the API and other modules see it.
 *
 * @param identifiers every identifier the request matches on, with its verification state (values are shown only in
 *     the detail view, {@link #withoutIdentifierValues()} hides them)
 * @param identityReview a staff review of the proof of identity, required when sensitive information is in scope
 * @param representativeProof the review of the document of a parent, tutor or mandatary acting for the person
 * @param duplicateOf an open request of the same type for one of the same identifiers, when there was one at intake
 * @param purgedAt when the request's personal information was destroyed at the end of its retention period (identifier
 *     values, details, documents, response message, task records, codes and download links); null while it is kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RightsRequest(
        UUID id,
        RequestType type,
        RequestStatus status,
        String jurisdiction,
        Channel channel,
        String language,
        String subjectCategory,
        String details,
        Representative representative,
        Review identityReview,
        Review representativeProof,
        Instant receivedAt,
        LocalDate dueOn,
        LocalDate extendedDueOn,
        UUID duplicateOf,
        List<IdentifierState> identifiers,
        Instant purgedAt,
        @JsonIgnore int version) {

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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdentifierState(
            IdentifierKind kind, String value, boolean verified, String verifiedBy, boolean locked) {
        @Override
        public String toString() {
            return "IdentifierState[" + kind + ", verified=" + verified + "]";
        }
    }

    /**
     * Whether every identifier the request matches on is verified and every required review approved: until then
     * nothing is released or changed.
     */
    @JsonIgnore
    public boolean identityProven() {
        return !identifiers.isEmpty()
                && identifiers.stream().allMatch(IdentifierState::verified)
                && identityReview.satisfied()
                && representativeProof.satisfied();
    }

    public RightsRequest withoutIdentifierValues() {
        var hidden = identifiers.stream()
                .map(i -> new IdentifierState(i.kind(), null, i.verified(), i.verifiedBy(), i.locked()))
                .toList();
        return new RightsRequest(
                id,
                type,
                status,
                jurisdiction,
                channel,
                language,
                subjectCategory,
                null,
                representative,
                identityReview,
                representativeProof,
                receivedAt,
                dueOn,
                extendedDueOn,
                duplicateOf,
                hidden,
                purgedAt,
                version);
    }

    @Override
    public String toString() {
        return "RightsRequest[" + id + ", " + type + ", " + status + "]";
    }
}
