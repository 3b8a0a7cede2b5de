package ca.gardien.ratelimits;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.RateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells that a limit refused uses: a metric per refusal ({@code gardien.rate-limits.refused}, tagged by limit) and, once
 * per limit and window on each node, a {@code ratelimits.limit-reached} fact in the ledger (the limit and the window,
 * never the key), so that a flood cannot flood the ledger. The fact is recorded in a transaction of its own after the
 * caller's ends, as the caller's usually rolls back on the refusal.
 */
@Component
class LimitReports {

    private static final Logger log = LoggerFactory.getLogger(LimitReports.class);

    private static final String REFUSED = "gardien.rate-limits.refused";

    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final TransactionTemplate own;
    private final Clock clock;
    private final Map<String, Instant> reportedUntil = new ConcurrentHashMap<>();

    LimitReports(
            ApplicationEventPublisher events,
            MeterRegistry meters,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.events = events;
        this.meters = meters;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The refusals of {@code limit}, a metric at zero until the first. */
    void watch(String limit) {
        meters.counter(REFUSED, "limit", limit);
    }

    void refused(String limit, RateLimits.Quota quota, Instant windowEnd) {
        meters.counter(REFUSED, "limit", limit).increment();
        var previous = reportedUntil.put(limit, windowEnd);
        if (windowEnd.equals(previous)) {
            return;
        }
        log.warn("Rate limit {} ({}) refused a use; its window ends at {}", limit, quota, windowEnd);
        Runnable record = () -> own.executeWithoutResult(s -> events.publishEvent(Evidence.of(
                clock.instant(),
                Actor.SYSTEM,
                "ratelimits.limit-reached",
                "rate-limit",
                limit,
                Map.of(
                        "max", String.valueOf(quota.max()),
                        "perSeconds", String.valueOf(quota.per().toSeconds()),
                        "windowEnd", windowEnd.toString()))));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }
}
