package ca.gardien.requests;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extends the time limit where the profile allows it (GDPR: two more months; CCPA: 45 more days), once, before the
 * first limit expires, with reasons sent to the person. Québec's profile has no extension and is refused.
 */
@Service
public class Extensions {

    private final RequestStore requests;
    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final RequestFacts facts;
    private final Clock clock;

    Extensions(
            RequestStore requests,
            Deadlines deadlines,
            JdbcClient jdbc,
            Outbox outbox,
            RequestFacts facts,
            Clock clock) {
        this.requests = requests;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.facts = facts;
        this.clock = clock;
    }

    @Transactional
    public RightsRequest extend(UUID requestId, String reasons, Actor actor) {
        if (reasons == null || reasons.isBlank() || reasons.length() > 4000) {
            throw new InvalidInputException("reasons", "requests.field.extension-reasons");
        }
        var request =
                requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        if (request.extendedDueOn() == null) {
            throw refused("extension-profile", request.jurisdiction());
        }
        var today = deadlines.dayOf(request.jurisdiction(), clock.instant());
        if (!request.status().isOpen()
                || request.dueOn().equals(request.extendedDueOn())
                || today.isAfter(request.dueOn())) {
            throw refused("extension-once");
        }
        requests.changed();
        jdbc.sql("UPDATE requests_request SET due_on = extended_due_on, version = version + 1 WHERE id = ?")
                .param(requestId)
                .update();
        facts.record(
                "extended",
                requestId,
                actor,
                Map.of(
                        "previousDueOn", request.dueOn().toString(),
                        "dueOn", request.extendedDueOn().toString(),
                        "reasonsSha256",
                                ca.gardien.shared.Digests.sha256Hex(
                                        reasons.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        requests.identifiers(requestId).stream()
                .filter(i -> i.kind() == IdentifierKind.EMAIL)
                .findFirst()
                .ifPresent(email -> outbox.queue(new Message(
                        Message.Channel.EMAIL,
                        email.value(),
                        "requests.extension",
                        Locale.forLanguageTag(request.language()),
                        List.of(
                                request.reference(),
                                deadlines.inWords(request.extendedDueOn(), request.language()),
                                reasons),
                        "request",
                        requestId.toString(),
                        true)));
        return requests.find(requestId).orElseThrow();
    }

    private static RequestProblem refused(String what, Object... arguments) {
        return new RequestProblem(Refusal.EXTENSION_NOT_ALLOWED, "extension-not-allowed", what, Map.of(), arguments);
    }
}
