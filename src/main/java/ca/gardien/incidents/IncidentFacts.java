package ca.gardien.incidents;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records every change of the register in the evidence ledger ({@code incidents.<step>}), inside the caller's
 * transaction. Payloads carry ids, kinds, dates, counts and digests of text and documents, never the text itself.
 */
@Component
class IncidentFacts {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentFacts(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(String step, UUID incidentId, Actor actor, Map<String, String> payload) {
        events.publishEvent(Evidence.of(
                clock.instant(), actor, "incidents." + step, "incident", incidentId, new HashMap<>(payload)));
    }
}
