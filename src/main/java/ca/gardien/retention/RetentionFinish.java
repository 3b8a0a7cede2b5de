package ca.gardien.retention;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Digests;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a run: a real run's destruction certificate is its summary (rule, cutoff, times, counts per table and action,
 * held rows) and that summary's SHA-256, recorded as a {@code retention.run.completed} fact in the same transaction as
 * the run's end; a dry run records its counts. A scheduled dry run whose count stays within the approved bound starts
 * the real run.
 */
@Component
class RetentionFinish {

    private final RetentionRunStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final RetentionRuns runs;
    private final Clock clock;

    RetentionFinish(
            RetentionRunStore store,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            @Lazy RetentionRuns runs,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.runs = runs;
        this.clock = clock;
    }

    void completed(RetentionRun run) {
        var now = clock.instant();
        var ended = ended(run, RetentionRun.Status.COMPLETED, now);
        var summary = summary(ended);
        var sha = Digests.sha256Hex(summary);
        transactions.executeWithoutResult(s -> {
            store.finish(run, RetentionRun.Status.COMPLETED, now, null, run.dryRun() ? null : sha);
            var payload = new LinkedHashMap<String, String>();
            payload.put("rule", run.rule());
            payload.put("dryRun", String.valueOf(run.dryRun()));
            payload.put("swept", String.valueOf(run.counts().swept()));
            payload.put("held", String.valueOf(run.counts().held()));
            if (!run.dryRun()) payload.put("summarySha256", sha);
            events.publishEvent(Evidence.of(
                    now,
                    Actor.SYSTEM,
                    run.dryRun() ? "retention.dry-run.completed" : "retention.run.completed",
                    "retention-run",
                    run.id(),
                    payload));
        });
        if (run.dryRun() && RetentionRuns.SCHEDULER.equals(run.requestedBy())) {
            runs.afterScheduledDryRun(run.rule(), run.id());
        }
    }

    void failed(RetentionRun run, Exception e) {
        var now = clock.instant();
        var reason = reason(e);
        // what a real run destroyed before it failed is certified too: its summary's digest, like a completed run's
        var sha = run.dryRun() ? null : Digests.sha256Hex(summary(ended(run, RetentionRun.Status.FAILED, now)));
        try {
            transactions.executeWithoutResult(s -> {
                store.finish(run, RetentionRun.Status.FAILED, now, reason, sha);
                var payload = new LinkedHashMap<String, String>();
                payload.put("rule", run.rule());
                payload.put("reason", reason);
                payload.put("swept", String.valueOf(run.counts().swept()));
                payload.put("held", String.valueOf(run.counts().held()));
                if (sha != null) payload.put("summarySha256", sha);
                events.publishEvent(
                        Evidence.of(now, Actor.SYSTEM, "retention.run.failed", "retention-run", run.id(), payload));
            });
        } catch (RetentionRunStore.LeaseLost lost) {
            // another node holds the run now: its outcome is that node's to record
        }
    }

    /** The run as it ends, for its summary: the status and time it ends with. */
    private static RetentionRun ended(RetentionRun run, RetentionRun.Status status, java.time.Instant at) {
        return new RetentionRun(
                run.id(),
                run.rule(),
                run.scope(),
                run.dryRun(),
                status,
                run.cutoff(),
                run.requestedBy(),
                run.requestedAt(),
                at,
                run.estimated(),
                run.counts(),
                run.tableIndex(),
                null,
                null,
                null,
                null,
                run.approvedBy(),
                run.approvedAt(),
                run.generation());
    }

    private static final String SCOPE_CHANGED =
            "the rule, its tables or their annotations changed in the data map since the run started:"
                    + " start a new dry run";
    private static final String DATA_MAP = "the data map no longer allows this sweep: ";
    private static final java.util.regex.Pattern DATABASE =
            java.util.regex.Pattern.compile("database error \\(SQL state ([0-9A-Za-z]{1,5})\\)");

    /** The target's words carry no personal information: its SQL state and error class, not its message. */
    static String reason(Exception e) {
        if (e instanceof RetentionSweeper.ScopeChanged) {
            return SCOPE_CHANGED;
        }
        if (e instanceof java.sql.SQLException sql) {
            return "database error (SQL state " + sql.getSQLState() + ")";
        }
        if (e instanceof ca.gardien.shared.InvalidInputException invalid) {
            return DATA_MAP + invalid.getMessage();
        }
        return e.getClass().getSimpleName();
    }

    /**
     * Why a run failed, in the reader's language: the run keeps {@link #reason}'s words (the API's {@code failure}),
     * the console and the certificate say them in a sentence ({@code retention.failure.*}).
     */
    static String inWords(String failure, org.springframework.context.MessageSource messages, Locale locale) {
        if (failure == null) {
            return messages.getMessage("retention.failure.unknown", null, locale);
        }
        var database = DATABASE.matcher(failure);
        if (failure.equals(SCOPE_CHANGED)) {
            return messages.getMessage("retention.failure.scope-changed", null, locale);
        } else if (database.matches()) {
            return messages.getMessage("retention.failure.database", new Object[] {database.group(1)}, locale);
        } else if (failure.startsWith(DATA_MAP)) {
            return messages.getMessage("retention.failure.data-map", null, locale);
        }
        return messages.getMessage("retention.failure.other", new Object[] {failure}, locale);
    }

    /**
     * The certificate's canonical text: one {@code key=value} line per fact, tables in the run's order, counts sorted by
     * table. Its SHA-256 is in the ledger; the PDF prints the same facts and the digest.
     */
    static String summary(RetentionRun run) {
        var out = new StringBuilder();
        out.append("run=").append(run.id()).append('\n');
        out.append("rule=").append(run.rule()).append('\n');
        out.append("cutoff=").append(run.cutoff()).append('\n');
        out.append("requestedAt=").append(run.requestedAt()).append('\n');
        out.append("finishedAt=").append(run.finishedAt()).append('\n');
        out.append("status=").append(run.status()).append('\n');
        for (var t : run.counts().tables()) {
            out.append("table=").append(t.table()).append('\n');
            new TreeMap<>(t.destroyed())
                    .forEach((k, v) -> out.append(" destroyed.")
                            .append(k)
                            .append('=')
                            .append(v)
                            .append('\n'));
            new TreeMap<>(t.unlinked())
                    .forEach((k, v) -> out.append(" unlinked.")
                            .append(k)
                            .append('=')
                            .append(v)
                            .append('\n'));
            out.append(" anonymized=").append(t.anonymized()).append('\n');
            out.append(" held=").append(t.held()).append('\n');
        }
        return out.toString();
    }
}
