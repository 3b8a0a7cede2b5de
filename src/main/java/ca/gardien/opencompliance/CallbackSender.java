package ca.gardien.opencompliance;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.OutboundAddresses;
import ca.gardien.shared.OutboundHttp;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers owed callbacks, signed like the responses, and retries failures with exponential backoff
 * ({@code first-retry-after}, doubled each time) until {@code max-attempts}. Every delivery and every abandonment is a
 * ledger fact. Each attempt goes only to public addresses (or those in {@code callbacks.allow}), checked when the
 * host is resolved for that attempt; redirects are not followed, so a 3xx is a failed attempt.
 */
@Component
class CallbackSender {

    private final Callbacks callbacks;
    private final ProcessorKey key;
    private final OpenComplianceProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OutboundHttp http;

    CallbackSender(
            Callbacks callbacks,
            ProcessorKey key,
            OpenComplianceProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.callbacks = callbacks;
        this.key = key;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.http = new OutboundHttp(
                new OutboundAddresses(properties.callbacks().allow()),
                properties.callbacks().timeout(),
                properties.callbacks().timeout());
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    @Scheduled(
            fixedDelayString = "${gardien.opencompliance.callbacks.tick:15s}",
            initialDelayString = "${gardien.opencompliance.callbacks.tick:15s}")
    void tick() {
        deliverDue(clock.instant());
    }

    /** Sends the callbacks due at {@code now}; returns how many were delivered. */
    int deliverDue(Instant now) {
        int delivered = 0;
        var claimFor = properties.callbacks().timeout().multipliedBy(3);
        var started = clock.instant();
        long budgetEnds = System.nanoTime() + claimFor.toNanos();
        for (var id : callbacks.due(now, 100)) {
            if (System.nanoTime() > budgetEnds) {
                break; // slow controllers do not hold the scheduler: the rest are sent at the next tick
            }
            // Each slow send moves time on: claim and schedule from the time it is now, not when the tick began,
            // or a claim could already have lapsed and another node send the same callback.
            var at = now.plus(java.time.Duration.between(started, clock.instant()));
            var claimed = callbacks.claim(id, at, at.plus(claimFor));
            if (claimed.isPresent() && send(claimed.get(), at)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean send(Callbacks.Callback callback, Instant now) {
        int attempts = callback.attempts() + 1;
        String error = post(callback);
        transactions.executeWithoutResult(tx -> {
            if (error == null) {
                callbacks.delivered(callback.id(), attempts, clock.instant());
                record("callback-delivered", callback, attempts);
            } else if (attempts >= properties.callbacks().maxAttempts()) {
                callbacks.abandoned(callback.id(), attempts, clock.instant(), error);
                record("callback-abandoned", callback, attempts);
            } else {
                var wait = properties.callbacks().firstRetryAfter().multipliedBy(1L << Math.min(attempts - 1, 20));
                callbacks.failed(callback.id(), attempts, now.plus(wait), error);
            }
        });
        return error == null;
    }

    /** Posts the callback; null when the controller answered 2xx, otherwise a short reason (no body, no URL). */
    private String post(Callbacks.Callback callback) {
        var body = callback.body().getBytes(StandardCharsets.UTF_8);
        var signature = key.sign(body);
        try {
            var headers = Map.of(
                    SignedResponses.DOMAIN,
                    properties.processorDomain(),
                    SignedResponses.SIGNATURE,
                    signature,
                    SignedResponses.LEGACY_DOMAIN,
                    properties.processorDomain(),
                    SignedResponses.LEGACY_SIGNATURE,
                    signature);
            int status = http.postJson(URI.create(callback.url()), headers, body);
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (OutboundAddresses.Refused e) {
            return "address refused (" + e.reason() + ")";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private void record(String action, Callbacks.Callback callback, int attempts) {
        var payload = new HashMap<String, String>(Map.of(
                "status", callback.requestStatus(),
                "attempts", String.valueOf(attempts),
                "urlSha256", ca.gardien.shared.Digests.sha256Hex(callback.url().getBytes(StandardCharsets.UTF_8))));
        events.publishEvent(Evidence.of(
                clock.instant(),
                Actor.SYSTEM,
                "opencompliance." + action,
                "opencompliance-request",
                callback.subjectRequestId(),
                payload));
    }
}
