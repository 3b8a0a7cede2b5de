package ca.gardien.requests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The timeline a request's page shows, in the order things happened: by the time each fact occurred, then by its place
 * in the ledger. The facts of one transaction reach the ledger's chain after its commit, each on its own thread
 * ({@code ledger.EvidenceRecorder} is asynchronous), so their sequence may differ from the order they were recorded in
 * (officer's walk: an in-person check of identity sat after the facts it caused). The ledger keeps each fact's time to
 * the millisecond: facts of the same millisecond still read in the chain's order. Each display of a request's
 * identifiers in clear stays a fact of the ledger, but the page would fill with them: they are folded into one line,
 * where the last view sits, that says how many there were (the officer's review of 2026-12-05).
 */
final class RequestTimeline {

    static final String IDENTIFIERS_VIEWED = "requests.identifiers-viewed";

    private RequestTimeline() {}

    /** The facts, oldest first, with the views of the identifiers folded into the line of the last one. */
    static List<RequestView.TimelineEntry> folded(List<RequestView.TimelineEntry> recorded) {
        var facts = recorded.stream()
                .sorted(Comparator.comparing(RequestView.TimelineEntry::occurredAt)
                        .thenComparingLong(RequestView.TimelineEntry::sequence))
                .toList();
        var views = facts.stream()
                .filter(e -> IDENTIFIERS_VIEWED.equals(e.action()))
                .toList();
        if (views.size() < 2) {
            return facts;
        }
        var last = views.getLast();
        var timeline = new ArrayList<RequestView.TimelineEntry>();
        for (var fact : facts) {
            if (fact == last) {
                timeline.add(new RequestView.TimelineEntry(
                        last.sequence(), last.occurredAt(), last.action(), last.actor(), last.details(), views.size()));
            } else if (!IDENTIFIERS_VIEWED.equals(fact.action())) {
                timeline.add(fact);
            }
        }
        return List.copyOf(timeline);
    }
}
