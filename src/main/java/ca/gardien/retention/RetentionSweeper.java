package ca.gardien.retention;

import ca.gardien.connectors.ExpirySweeps;
import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries runs forward on this node, table by table and batch by batch, from the run's checkpoint. A real batch is
 * recorded as pending (fenced by the lease) while its target transaction is still open, the target commits, and the
 * batch is then counted; a run resumed with a pending batch asks the target whether its rows are still there to know
 * whether it took effect, so that no batch is counted twice or lost. Between batches the sweeper pauses, renews the
 * lease and stops if the officer paused the run.
 */
@Component
class RetentionSweeper {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private final RetentionRunStore store;
    private final RetentionSchedules schedules;
    private final RetentionHolds holds;
    private final ExpirySweeps sweeps;
    private final RetentionProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final RetentionFinish finish;
    private final Clock clock;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    RetentionSweeper(
            RetentionRunStore store,
            RetentionSchedules schedules,
            RetentionHolds holds,
            ExpirySweeps sweeps,
            RetentionProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            RetentionFinish finish,
            Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.holds = holds;
        this.sweeps = sweeps;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.finish = finish;
        this.clock = clock;
    }

    /** Claims the run (if no live node holds it) and sweeps it on a virtual thread. */
    void submit(UUID id) {
        if (!running.add(id)) return;
        executor.submit(() -> {
            try {
                store.claim(id, clock.instant(), clock.instant().plus(properties.lease()))
                        .ifPresent(this::sweep);
            } catch (RuntimeException e) {
                log.warn("Retention run {} stopped: {}", id, e.getClass().getSimpleName());
            } finally {
                running.remove(id);
            }
        });
    }

    /** Sweeps a run this node holds, to its end, a pause, or the loss of its lease. */
    void sweep(RetentionRun claimed) {
        var run = claimed;
        try {
            for (int index = run.tableIndex(); index < run.counts().tables().size(); index++) {
                var schedule = inScope(run);
                var key = run.counts().tables().get(index).table();
                var table = schedule.tables().stream()
                        .filter(t -> t.key().equals(key))
                        .findFirst()
                        .orElseThrow(ScopeChanged::new);
                var target = new ExpirySweeps.Target(
                        table.connector(), table.table(), table.triggerColumn(), schedule.anonymize());
                if (holds.wholeTable(table.connector(), table.table())) {
                    var sweep = sweeps.open(target, Map.of(), Set.of(), Actor.SYSTEM, false);
                    long held = sweep.expired(run.cutoff());
                    var counts = run.counts()
                            .with(index, run.counts().tables().get(index).allHeld(held));
                    store.settle(run, index + 1, counts, null, leaseEnd());
                    run = run.with(counts, index + 1, null);
                    continue;
                }
                var version = holds.version();
                var sweep = open(target, table);
                run = resolvePending(run, sweep);
                var last = index == run.tableIndex() ? run.lastKey() : null;
                for (boolean more = true; more; ) {
                    var now = holds.version();
                    if (!now.equals(version)) { // a hold placed or released meanwhile counts from this batch on
                        version = now;
                        sweep = open(target, table);
                    }
                    var current = run;
                    int at = index;
                    long started = System.nanoTime();
                    var batch = sweep.next(
                            last,
                            properties.batchSize(),
                            run.cutoff(),
                            run.dryRun(),
                            b -> store.pending(current, at, b, leaseEnd()));
                    var counts = run.counts()
                            .with(index, run.counts().tables().get(index).plus(batch));
                    store.settle(run, index, counts, batch.last(), leaseEnd());
                    var took = java.time.Duration.ofNanos(System.nanoTime() - started);
                    run = run.with(counts, index, batch.last());
                    last = batch.last();
                    more = batch.more();
                    if (more && paused(run)) return;
                    if (more) inScope(run);
                    var pause = properties.pauseAfter(took);
                    if (more && !pause.isZero()) Thread.sleep(pause);
                }
                store.settle(run, index + 1, run.counts(), null, leaseEnd());
                run = run.with(run.counts(), index + 1, null);
            }
            finish.completed(run);
        } catch (RetentionRunStore.LeaseLost e) {
            log.info("Retention run {}: another node took it over", run.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Retention run {} failed: {}", run.id(), e.getClass().getSimpleName());
            finish.failed(run, e);
        }
    }

    /** The rule as the run was approved and started; a change in the data map since then ends the run. */
    private RetentionSchedules.Schedule inScope(RetentionRun run) {
        var schedule = schedules.get(run.rule());
        if (!schedule.scope().equals(run.scope())) {
            throw new ScopeChanged();
        }
        return schedule;
    }

    /** A sweep of the table with the holds as they stand: held persons anywhere, tables of its connector held whole. */
    private ExpirySweeps.Sweep open(ExpirySweeps.Target target, RetentionSchedules.Table table) {
        var tables = new java.util.HashSet<>(holds.tables(table.connector()));
        if (holds.wholeTable(table.connector(), table.table())) tables.add(table.table());
        return sweeps.open(target, holds.subjects(table.connector()), tables, Actor.SYSTEM, false);
    }

    /** The rule's tables, duration, disposal or annotations changed since the run started. */
    static final class ScopeChanged extends RuntimeException {
        ScopeChanged() {
            super("the retention rule changed since the run started");
        }
    }

    /** A pending batch took effect when its rows are no longer there to sweep; it is counted once, or dropped. */
    private RetentionRun resolvePending(RetentionRun run, ExpirySweeps.Sweep sweep) throws Exception {
        var pending = run.pending();
        if (pending == null || pending.tableIndex() != run.tableIndex()) return run;
        var batch = pending.batch();
        if (sweep.remaining(run.cutoff(), batch.keys()) < batch.keys().size()
                || batch.keys().isEmpty()) {
            int index = pending.tableIndex();
            var counts =
                    run.counts().with(index, run.counts().tables().get(index).plus(batch));
            store.settle(run, index, counts, batch.last(), leaseEnd());
            transactions.executeWithoutResult(s -> events.publishEvent(Evidence.of(
                    clock.instant(),
                    Actor.SYSTEM,
                    "retention.run.resumed",
                    "retention-run",
                    run.id(),
                    java.util.Map.of(
                            "pendingBatch",
                            "committed",
                            "rows",
                            String.valueOf(batch.keys().size())))));
            return run.with(counts, index, batch.last());
        }
        store.dropPending(run);
        return run.with(run.counts(), run.tableIndex(), run.lastKey());
    }

    private boolean paused(RetentionRun run) {
        if (store.status(run.id()) == RetentionRun.Status.PAUSED) {
            store.release(run);
            return true;
        }
        return false;
    }

    private java.time.Instant leaseEnd() {
        return clock.instant().plus(properties.lease());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
