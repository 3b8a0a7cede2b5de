package ca.gardien.governance;

/** Where a version of a policy stands: edited, frozen for review, approved, then published (and kept readable). */
public enum PolicyStatus {
    DRAFT,
    REVIEW,
    APPROVED,
    PUBLISHED
}
