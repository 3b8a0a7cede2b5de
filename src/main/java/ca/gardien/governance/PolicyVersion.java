package ca.gardien.governance;

import ca.gardien.shared.Language;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A numbered version of a policy document. A draft shows the live values of its variables; from review on its text is
 * frozen and {@code sha256} is the digest of both languages' text, the one approved and published.
 */
public record PolicyVersion(
        String policyId,
        int number,
        PolicyStatus status,
        List<PolicySection> sections,
        String sha256,
        Instant createdAt,
        Instant reviewedAt,
        Instant approvedAt,
        String approvedBy,
        Instant publishedAt,
        Returned returned,
        @com.fasterxml.jackson.annotation.JsonIgnore int rowVersion) {

    /** The last time the version was sent back from review to draft: when, as whom, and why (null: never). */
    public record Returned(Instant at, String by, String reason) {}

    public PolicyVersion {
        sections = List.copyOf(sections);
    }

    /** A new draft: numbered, dated, nothing frozen yet. */
    static PolicyVersion draft(String policyId, int number, List<PolicySection> sections, Instant createdAt) {
        return new PolicyVersion(
                policyId, number, PolicyStatus.DRAFT, sections, null, createdAt, null, null, null, null, null, 0);
    }

    PolicyVersion with(PolicyStatus status, List<PolicySection> sections) {
        return new PolicyVersion(
                policyId,
                number,
                status,
                sections,
                sha256,
                createdAt,
                reviewedAt,
                approvedAt,
                approvedBy,
                publishedAt,
                returned,
                rowVersion);
    }

    /** The whole text in one language, section by section, as the diff and the digest read it. */
    String text(Language language) {
        return sections.stream()
                .map(s -> "## " + s.heading(language) + "\n\n" + (s.text(language) == null ? "" : s.text(language)))
                .collect(Collectors.joining("\n\n"));
    }
}
