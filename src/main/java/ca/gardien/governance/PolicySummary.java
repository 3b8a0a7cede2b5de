package ca.gardien.governance;

import java.time.Instant;

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
        Instant publishedAt) {}
