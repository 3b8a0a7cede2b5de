package ca.gardien.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * When a request received on a day must be answered, and why.
 *
 * @param dueOn the last day to answer
 * @param rule the legal rule applied
 * @param movedFrom the day the time limit would have expired if it had not fallen on a closed day
 * @param movedBecause each closed day skipped, {@code date:reason}
 * @param extendedDueOn the last day with the longest extension the profile allows (absent when none is allowed)
 * @param deemedRefusalOnExpiry whether silence at {@code dueOn} is a deemed refusal
 * @param acknowledgeBy the day by which receipt must be confirmed, when the profile requires it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deadline(
        String jurisdiction,
        LocalDate receivedOn,
        LocalDate dueOn,
        String rule,
        LocalDate movedFrom,
        List<String> movedBecause,
        LocalDate extendedDueOn,
        boolean extensionAllowed,
        boolean deemedRefusalOnExpiry,
        LocalDate acknowledgeBy) {}
