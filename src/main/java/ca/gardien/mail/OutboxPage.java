package ca.gardien.mail;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * One page of the outbox, newest first.
 *
 * @param search the normalized search (recipient or subject contains it, ignoring case), or null for every message
 * @param page the page number, from 1
 * @param size how many messages a full page holds
 * @param total how many messages match the search
 * @param heldOnly whether only the held messages are listed ({@link HeldMail})
 */
@NamedInterface("views")
public record OutboxPage(List<OutboxEntry> entries, String search, int page, int size, long total, boolean heldOnly) {

    public OutboxPage {
        entries = List.copyOf(entries);
    }

    /** How many pages the matching messages fill (at least one, possibly empty). */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
