package ca.gardien.requests;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
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

    /**
     * The payload of {@code requests.received}: kinds, dates and flags, never a value ({@code postalAddress: true} when
     * staff entered one, never the name or the address itself; no {@code identifiers} when none was given).
     */
    static Map<String, String> received(RightsRequest r, List<IdentifierRow> rows) {
        var payload = new HashMap<String, String>();
        payload.put("reference", r.reference());
        payload.put("type", r.type().name());
        payload.put("jurisdiction", r.jurisdiction());
        payload.put("channel", r.channel().name());
        payload.put("dueOn", r.dueOn().toString());
        if (!rows.isEmpty()) { // none for a letter that gives only a name and a postal address (a value is never empty)
            payload.put(
                    "identifiers",
                    String.join(",", rows.stream().map(i -> i.kind().name()).toList()));
        }
        payload.put("identityReview", r.identityReview().name());
        if (r.duplicateOf() != null) {
            payload.put("duplicateOf", r.duplicateOf().toString());
        }
        if (r.representative() != null) {
            payload.put("representative", r.representative().name());
        }
        if (r.addressee() != null && r.addressee().postalAddress() != null) {
            payload.put("postalAddress", "true"); // that one was given, never the name or the address itself
        }
        return payload;
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
        if (stored.purgedAt() != null || (stored.identifiers().isEmpty() && stored.addressee() == null)) {
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
