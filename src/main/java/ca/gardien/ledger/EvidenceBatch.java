package ca.gardien.ledger;

import java.util.List;
import java.util.Objects;

/**
 * Several facts made true by one transaction, published as one application event: the event publication registry then
 * writes one row for them instead of one per fact (a group of consent writes records dozens at once). The ledger
 * appends each entry as if published alone, in this order; each keeps its own event id, so a re-delivery is a no-op.
 */
public record EvidenceBatch(List<Evidence> entries) {

    public EvidenceBatch {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one entry");
        }
    }
}
