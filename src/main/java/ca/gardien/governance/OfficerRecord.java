package ca.gardien.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One written record about the person in charge (s. 3.1): a delegation of the function ({@code WHOLE} or {@code PART},
 * to whom, from when, the signed instrument's SHA-256), the designation of the substitute who acts during an absence or
 * inability to act, or a recorded absence (from, to). A later record of the same kind supersedes an earlier one.
 * {@code recordedBy} is who recorded it ({@link GovernanceCaller#writer()}; null for records kept before it was).
 */
public record OfficerRecord(
        UUID id,
        Kind kind,
        UUID accountId,
        String name,
        String title,
        String email,
        String scope,
        String part,
        LocalDate startsOn,
        LocalDate endsOn,
        String documentSha256,
        Instant recordedAt,
        @com.fasterxml.jackson.annotation.JsonIgnore String recordedBy) {

    public enum Kind {
        DELEGATION,
        SUBSTITUTE,
        ABSENCE
    }

    /** The same record ending on {@code day}, as {@link OfficerRecords#end} writes it. */
    OfficerRecord endingOn(LocalDate day) {
        return new OfficerRecord(
                id,
                kind,
                accountId,
                name,
                title,
                email,
                scope,
                part,
                startsOn,
                day,
                documentSha256,
                recordedAt,
                recordedBy);
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
}
