package ca.gardien.requests;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline a request's page shows. Each display of a request's identifiers in clear stays a fact of the ledger, but
 * the page would fill with them: they are folded into one line, where the last view sits, that says how many there
 * were (the officer's review of 2026-12-05).
 */
final class RequestTimeline {

    static final String IDENTIFIERS_VIEWED = "requests.identifiers-viewed";

    private RequestTimeline() {}

    /** The facts, oldest first, with the views of the identifiers folded into the line of the last one. */
    static List<RequestView.TimelineEntry> folded(List<RequestView.TimelineEntry> facts) {
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
