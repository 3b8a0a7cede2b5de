package ca.gardien.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One complaint file.
 *
 * @param reference the reference the complainant was given and staff quote ("C-2026-00007")
 * @param dueOn the day the answer is due (30 days from receipt or from the additional information, moved past
 *     non-working days); null while the clock is stopped
 * @param delayDueOn the new time announced in a delay notice, when one was sent
 * @param requestId the rights request the complaint concerns, if any
 * @param concernsRefusal the complaint is about a refused request: the answer carries the recourse to the CAI
 * @param postalAddress the address a letter to the complainant is posted to, its lines separated by {@code \n}
 *     ({@link ComplaintAddress}); null when none was given
 */
@org.springframework.modulith.NamedInterface("views")
public record Complaint(
        UUID id,
        String reference,
        ComplaintStatus status,
        Channel channel,
        String language,
        String name,
        String email,
        String phone,
        String postalAddress,
        String subject,
        String reasons,
        LocalDate receivedOn,
        Instant receivedAt,
        LocalDate dueOn,
        LocalDate informationRequestedOn,
        LocalDate delayDueOn,
        UUID assignedTo,
        UUID requestId,
        boolean concernsRefusal,
        LocalDate answeredOn,
        @com.fasterxml.jackson.annotation.JsonIgnore int version) {

    /** The days the person in charge has to answer a complaint (the published policy quotes them). */
    public static final int ANSWER_DAYS = 30;

    /** How the complaint reached the organization. */
    public enum Channel {
        PORTAL,
        API,
        MAIL,
        EMAIL,
        PHONE
    }

    /** The postal address's lines, in order; none when no address was given (or it went with the file's key). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.util.List<String> addressLines() {
        return postalAddress == null ? java.util.List.of() : java.util.List.of(postalAddress.split("\n"));
    }

    /** The day the answer is due now: the new time of a delay notice, else the clock's due date. */
    public LocalDate effectiveDueOn() {
        return delayDueOn != null ? delayDueOn : dueOn;
    }

    /** The same file with another state of its clock, status, assignment, link or answer. */
    Complaint withState(
            ComplaintStatus newStatus,
            LocalDate newDueOn,
            LocalDate newInformationRequestedOn,
            LocalDate newDelayDueOn,
            UUID newAssignedTo,
            UUID newRequestId,
            boolean newConcernsRefusal,
            LocalDate newAnsweredOn) {
        return new Complaint(
                id,
                reference,
                newStatus,
                channel,
                language,
                name,
                email,
                phone,
                postalAddress,
                subject,
                reasons,
                receivedOn,
                receivedAt,
                newDueOn,
                newInformationRequestedOn,
                newDelayDueOn,
                newAssignedTo,
                newRequestId,
                newConcernsRefusal,
                newAnsweredOn,
                version);
    }

    @Override
    public String toString() {
        return "Complaint[" + id + ", " + status + "]"; // the rest is personal information
    }
}
