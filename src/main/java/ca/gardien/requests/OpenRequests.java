package ca.gardien.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The open requests counted by jurisdiction, due date and status (one {@code GROUP BY}, never the requests
 * themselves), for the queue's burn-down and the dashboard tile. The counts are kept until a request changes status or
 * due date on this node, and at most {@link #FRESH} (changes made by another node show within that time): at 100,000
 * requests the count is a scan of every open request, which the queue page would otherwise pay on every load.
 */
@Component
class OpenRequests {

    static final Duration FRESH = Duration.ofSeconds(10);

    /** The open requests of one jurisdiction, due date and status. */
    record Group(String jurisdiction, LocalDate dueOn, RequestStatus status, long count) {}

    private record Snapshot(long generation, Instant takenAt, List<Group> groups) {}

    private final RequestStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    OpenRequests(RequestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The groups, from the kept snapshot while no request changed and it is fresh, else counted again. */
    List<Group> groups() {
        var now = clock.instant();
        var kept = snapshot;
        long generation = store.generation();
        if (kept != null
                && kept.generation() == generation
                && !now.isBefore(kept.takenAt())
                && now.isBefore(kept.takenAt().plus(FRESH))) {
            return kept.groups();
        }
        var groups = List.copyOf(store.openGroups());
        snapshot = new Snapshot(generation, now, groups);
        return groups;
    }

    /** Open requests counted by due date, all jurisdictions together. */
    Map<LocalDate, Integer> byDueDate() {
        var counts = new TreeMap<LocalDate, Integer>();
        groups().forEach(g -> counts.merge(g.dueOn(), (int) g.count(), Integer::sum));
        return counts;
    }
}
