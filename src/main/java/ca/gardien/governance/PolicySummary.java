package ca.gardien.governance;

import java.time.Instant;
import java.util.List;

/**
 * A policy document in the list: its titles, its last version and that version's status, and the version published now
 * with its date (null before the first publication).
 */
public record PolicySummary(
        String id,
        String titleFr,
        String titleEn,
        int lastVersion,
        PolicyStatus lastStatus,
        Integer publishedVersion,
        Instant publishedAt) {

    static PolicySummary of(PolicyStore.Policy policy, List<PolicyVersion> versions) {
        var last = versions.getLast();
        var published = versions.stream()
                .filter(v -> v.status() == PolicyStatus.PUBLISHED)
                .reduce((a, b) -> b);
        return new PolicySummary(
                policy.id(),
                policy.titleFr(),
                policy.titleEn(),
                last.number(),
                last.status(),
                published.map(PolicyVersion::number).orElse(null),
                published.map(PolicyVersion::publishedAt).orElse(null));
    }
}
