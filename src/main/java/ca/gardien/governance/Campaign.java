package ca.gardien.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A training or awareness campaign: a policy version to acknowledge (or a training module to complete), the audience
 * (accounts holding one of the roles when it started), the due date, and how far it is: {@code acknowledged} of
 * {@code audience}, {@code completionPercent} rounded down.
 */
public record Campaign(
        UUID id,
        String title,
        String policyId,
        Integer policyVersion,
        String module,
        List<String> roles,
        LocalDate dueOn,
        Instant createdAt,
        int audience,
        int acknowledged,
        int completionPercent) {

    public Campaign {
        roles = List.copyOf(roles);
    }

    /** One person of the audience and what they acknowledged. */
    public record Member(
            UUID accountId,
            String username,
            String displayName,
            Integer versionSeen,
            String moduleSeen,
            Instant acknowledgedAt,
            int reminders) {}
}
