package ca.gardien.connectors.runs;

import ca.gardien.connectors.ConnectorRunCompleted;
import ca.gardien.connectors.ConnectorRunFailed;
import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.Step;
import ca.gardien.connectors.TargetUnavailableException;
import ca.gardien.connectors.engine.StepFailed;
import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Phrase;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** How a run ends or fails: its state, its evidence (counts and hashes only) and the events other modules hear. */
@Component
public class RunOutcomes {

    private static final Logger log = LoggerFactory.getLogger(RunOutcomes.class);

    private final RunStore store;
    private final ConnectorsProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RunOutcomes(
            RunStore store,
            ConnectorsProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Ends a run in the caller's transaction: final counts, evidence, the event other modules listen to. Fenced by the
     * run's {@link Lease}: a node that lost it records nothing ({@link LeaseLost}).
     */
    public void completed(StoredRun run, List<Step> steps, String packageSha256, Actor actor) {
        completed(run, steps, packageSha256, actor, Map.of());
    }

    public void completed(
            StoredRun run, List<Step> steps, String packageSha256, Actor actor, Map<String, String> evidence) {
        store.completed(run, steps, packageSha256, clock.instant()); // throws LeaseLost for a node that lost the run
        var counts = Step.counts(steps);
        var extra = new HashMap<>(evidence);
        if (packageSha256 != null) extra.put("packageSha256", packageSha256);
        events.publishEvent(Evidence.of(
                clock.instant(), actor, "connectors.run.completed", "connector-run", run.id(), summary(steps, extra)));
        events.publishEvent(new ConnectorRunCompleted(run.id(), run.connector(), run.action(), counts, packageSha256));
    }

    void failed(StoredRun run, Exception e) {
        var failure = describe(e);
        int attempts = run.attempts() + 1;
        boolean giveUp = attempts >= properties.maxAttempts();
        var next = clock.instant().plus(properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16)));
        // the reason's key only: its arguments may quote a database's message, which may quote a value (no personal
        // information in logs); the run's record keeps the whole reason, shown in the console
        log.warn("Connector run {} failed (attempt {}): {}", run.id(), attempts, failure.key());
        transactions.executeWithoutResult(s -> {
            store.failed(run, failure, attempts, giveUp ? null : next, giveUp, clock.instant());
            if (giveUp) {
                publishFailed(run, failure, attempts, run.actor(), Map.of());
            }
        });
    }

    /**
     * Ends a dispatched run as failed in the caller's transaction, because the service said so: no retry. The ledger
     * gets the attempts only, never the reason (a service may quote a value in it); the event carries the reason for
     * the staff note.
     */
    public void reportedFailed(StoredRun run, String reason, Actor actor) {
        var failure = Phrase.of("connectors.failure.reported", Phrase.verbatim(reason));
        store.failed(run, failure, run.attempts(), null, true, clock.instant());
        publishFailed(run, failure, run.attempts(), actor, Map.of("reportedBy", "service"));
    }

    /** The end of a failed run: ledger fact (attempts, never the reason) and the event that carries the reason. */
    private void publishFailed(StoredRun run, Phrase failure, int attempts, Actor actor, Map<String, String> extra) {
        var payload = new HashMap<String, String>(extra);
        payload.put("connector", run.connector());
        payload.put("action", run.action().name());
        payload.put("attempts", String.valueOf(attempts));
        events.publishEvent(
                Evidence.of(clock.instant(), actor, "connectors.run.failed", "connector-run", run.id(), payload));
        events.publishEvent(new ConnectorRunFailed(run.id(), run.connector(), run.action(), failure));
    }

    /** The reason a service gave, made safe to show: control characters removed, trimmed, at most 200 characters. */
    public static String reported(String reason) {
        if (reason == null) {
            return null;
        }
        var text = new StringBuilder();
        reason.codePoints().forEach(c -> {
            if (c == '\t' || c == '\n' || c == '\r') {
                text.append(' ');
            } else if (!Character.isISOControl(c)) {
                text.appendCodePoint(c);
            }
        });
        var trimmed = text.toString().strip();
        if (trimmed.length() > MAX_REASON) {
            int end = Character.isHighSurrogate(trimmed.charAt(MAX_REASON - 1)) ? MAX_REASON - 1 : MAX_REASON;
            trimmed = trimmed.substring(0, end).strip();
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static final int MAX_REASON = 200;

    /** What a run met, in words put in the reader's language where shown: a SQL state or a step, never a value. */
    public static Phrase describe(Throwable e) {
        if (e instanceof StepFailed failed) {
            var step = failed.step;
            return Phrase.of(
                    "connectors.failure.step",
                    step.order(),
                    Phrase.of("connectors.step-kind." + step.kind()),
                    step.table(),
                    describe(e.getCause()));
        }
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) { // a pool timeout has none
                return Phrase.of("connectors.failure.database", sql.getSQLState());
            }
            if (cause instanceof TargetUnavailableException unavailable) {
                return Phrase.of("connectors.failure.database", unavailable.sqlState());
            }
            if (cause instanceof ca.gardien.shared.OutboundAddresses.Refused refused) {
                return Phrase.of(
                        "connectors.failure.address-refused",
                        Phrase.of("outbound."
                                + refused.reason()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', '-')));
            }
            if (cause instanceof InvalidInputException invalid) { // Gardien's own words about the request or schema
                return invalid.errors().stream()
                        .limit(3) // a failure is kept in 1,000 characters; the plan names every table
                        .map(RunOutcomes::describe)
                        .reduce((a, b) -> Phrase.of("shared.phrase.and", a, b))
                        .orElseThrow();
            }
        }
        return Phrase.of("connectors.failure.unexpected", e.getClass().getSimpleName()); // never the message
    }

    private static Phrase describe(FieldError error) {
        var said = error.key() == null
                ? Phrase.verbatim(error.message())
                : new Phrase(error.key(), List.copyOf(error.arguments()));
        return Phrase.of("connectors.failure.field", error.field(), said);
    }

    public static Map<String, String> summary(List<Step> steps, Map<String, String> extra) {
        var sorted = new TreeMap<String, Long>(Step.counts(steps));
        var canonical = new StringBuilder();
        sorted.forEach((t, n) -> canonical.append(t).append('=').append(n).append('\n'));
        var payload = new HashMap<String, String>(extra);
        payload.put(
                "rows",
                String.valueOf(sorted.values().stream().reduce(0L, Math::addExact))); // never a total that wrapped
        payload.put("tables", String.valueOf(sorted.size()));
        payload.put("countsSha256", Digests.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        return payload;
    }
}
