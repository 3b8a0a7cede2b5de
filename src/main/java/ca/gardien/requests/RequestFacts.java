package ca.gardien.requests;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records each step of a request in the evidence ledger ({@code requests.<step>}) and publishes the domain events,
 * inside the caller's transaction. Payloads carry ids, kinds, dates and digests, never identifiers or text.
 */
@Component
class RequestFacts {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestFacts(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(String step, UUID requestId, Actor actor, Map<String, String> payload) {
        events.publishEvent(
                Evidence.of(clock.instant(), actor, "requests." + step, "request", requestId, new HashMap<>(payload)));
    }

    void moved(RightsRequest request, RequestStatus to, Actor actor, Map<String, String> payload) {
        var body = new HashMap<>(payload);
        body.put("from", request.status().name());
        body.put("to", to.name());
        record(step(to), request.id(), actor, body);
        events.publishEvent(
                new RequestEvents.RequestStatusChanged(request.id(), request.status(), to, clock.instant()));
    }

    void publish(Object event) {
        events.publishEvent(event);
    }

    private static String step(RequestStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * Records that {@code reader} was shown the request's identifiers in clear ({@code requests.identifiers-viewed},
     * with their kinds, never their values), the name and postal address entered for a paper answer among them
     * ({@code NAME}, {@code POSTAL_ADDRESS}); nothing when it holds none (purged, or none given).
     */
    void viewed(RightsRequest stored, Actor reader) {
        if (stored.purgedAt() != null || stored.identifiers().isEmpty()) {
            return;
        }
        var kinds = new java.util.ArrayList<>(
                stored.identifiers().stream().map(i -> i.kind().name()).toList());
        if (stored.addressee() != null && stored.addressee().name() != null) {
            kinds.add("NAME");
        }
        if (stored.addressee() != null && stored.addressee().postalAddress() != null) {
            kinds.add("POSTAL_ADDRESS");
        }
        record("identifiers-viewed", stored.id(), reader, Map.of("kinds", String.join(",", kinds)));
    }
}
