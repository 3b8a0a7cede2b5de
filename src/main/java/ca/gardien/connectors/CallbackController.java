package ca.gardien.connectors;

import ca.gardien.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Where a webhook service reports a dispatched run done; authenticated by the HMAC signature of the body only. */
@RestController
@Tag(name = "Connector callbacks", description = "Signed callbacks of webhook services")
class CallbackController {

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

    record Callback(Map<String, Long> counts) {}

    @PostMapping("/connectors/callbacks/{runId}")
    @Operation(summary = "A webhook service reports a run done: {\"counts\":{\"table\":n}}, signed like the request")
    ResponseEntity<Void> callback(
            @PathVariable UUID runId,
            @RequestHeader(name = WebhookSignature.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = WebhookSignature.SIGNATURE, required = false) String signature,
            @RequestBody String body) {
        var run = store.find(runId).orElse(null);
        var settings = run == null ? null : catalog.settings(run.connector());
        // One answer for an unknown run and a bad signature: the endpoint does not reveal which runs exist.
        if (settings == null
                || !"webhook".equals(settings.type())
                || !WebhookSignature.valid(settings.secret(), timestamp, signature, body, clock.instant())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        var callback = RunStore.JSON.readValue(body, Callback.class);
        runs.complete(runId, callback.counts(), new Actor(Actor.Kind.SYSTEM, "connector:" + run.connector()));
        return ResponseEntity.noContent().build();
    }
}
