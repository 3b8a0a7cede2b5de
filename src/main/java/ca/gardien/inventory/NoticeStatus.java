package ca.gardien.inventory;

import java.util.List;
import java.util.Optional;

/**
 * The privacy notice as the console's data-map page shows it, read once per page ({@link NoticeVersions#status}): the
 * approved versions, whether the notice generated from the current map differs from the one in force, and what stands
 * against approving it now. Each draft is rendered once for all three.
 */
public record NoticeStatus(List<NoticeVersion> versions, boolean awaitsApproval, Warnings warnings) {

    public NoticeStatus {
        versions = List.copyOf(versions);
    }

    /** The version the public page shows: the last approved, none until a first approval. */
    public Optional<NoticeVersion> inForce() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /**
     * What stands against approving the notice now: high gaps still open or in progress, and placeholders — each from a
     * purpose without a description in a language ({@code undescribed}, so that the page can say which and link to its
     * form: officer's review, "2 placeholders" named none, and "Purpose to be specified" was published).
     */
    public record Warnings(long openHighGaps, long placeholders, List<Purpose> undescribed) {

        public Warnings {
            undescribed = List.copyOf(undescribed);
        }

        public boolean any() {
            return openHighGaps > 0 || placeholders > 0;
        }

        /** The counts as the approval's ledger fact keeps them. */
        java.util.Map<String, String> facts() {
            return java.util.Map.of(
                    "openHighGaps", String.valueOf(openHighGaps), "placeholders", String.valueOf(placeholders));
        }
    }
}
