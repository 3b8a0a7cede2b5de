package ca.gardien.connectors.webhook;

import ca.gardien.connectors.ConnectorCatalog;
import ca.gardien.connectors.ConnectorRuns;
import ca.gardien.connectors.RunCounts;
import ca.gardien.connectors.runs.RunOutcomes;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Where a webhook service reports a dispatched run done ({@code {"counts":{"table":n}}}) or failed
 * ({@code {"failure":"short reason"}}); authenticated by the HMAC signature of the body only.
 */
@RestController
@Tag(name = "Connector callbacks", description = "Signed callbacks of webhook services")
public class CallbackController {

    private final ConnectorRuns runs;
    private final RunStore store;
    private final ConnectorCatalog catalog;
    private final Clock clock;

    CallbackController(ConnectorRuns runs, RunStore store, ConnectorCatalog catalog, Clock clock) {
        this.runs = runs;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Exactly one of the two: the rows acted on per table, or why the service could not act. */
    public record Callback(Map<String, Long> counts, String failure) {}

    @PostMapping("/connectors/callbacks/{runId}")
    @Operation(
            summary = "A webhook service reports a run done, {\"counts\":{\"table\":n}}, or failed,"
                    + " {\"failure\":\"short reason\"}; signed like the request")
    ResponseEntity<Void> callback(
            @PathVariable UUID runId,
            @RequestHeader(name = WebhookSignature.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = WebhookSignature.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) String body) {
        var signed = body == null ? "" : body;
        var run = store.find(runId).orElse(null);
        var settings = run == null ? null : catalog.settings(run.connector());
        // One answer for an unknown run and a bad signature: the endpoint does not reveal which runs exist.
        if (settings == null
                || !"webhook".equals(settings.type())
                || !WebhookSignature.valid(settings.secret(), timestamp, signature, signed, clock.instant())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        var callback = parse(signed);
        var actor = new Actor(Actor.Kind.SYSTEM, "connector:" + run.connector());
        if (callback.failure() != null) {
            runs.fail(runId, callback.failure(), actor);
        } else {
            runs.complete(runId, callback.counts(), actor);
        }
        return ResponseEntity.noContent().build();
    }

    /** Reads a signed body; anything else than one of the two shapes is a 400 naming the field, before any change. */
    public static Callback parse(String body) {
        JsonNode json;
        try {
            json = RunStore.JSON.readTree(body);
        } catch (JacksonException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("body", "connectors.field.callback-body");
        }
        boolean hasCounts = json.has("counts");
        boolean hasFailure = json.has("failure");
        if (hasCounts == hasFailure) {
            var key = hasCounts ? "connectors.field.counts-and-failure" : "connectors.field.counts-or-failure";
            throw new InvalidInputException(List.of(FieldError.of("counts", key), FieldError.of("failure", key)));
        }
        if (hasFailure) {
            var failure = json.get("failure");
            var reason = failure.isString() ? RunOutcomes.reported(failure.asString()) : null;
            if (reason == null) {
                throw new InvalidInputException("failure", "connectors.field.failure-reason");
            }
            return new Callback(null, reason);
        }
        var parsed = RunCounts.parse(json.get("counts"));
        return new Callback(parsed, null);
    }
}
