package ca.gardien.consent;

import ca.gardien.consent.ConsentBatch.Pending;
import ca.gardien.consent.ConsentBatch.WriteAlone;
import ca.gardien.consent.ConsentBatch.Written;
import ca.gardien.shared.GroupCommit;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of consent writes ({@link GroupCommit}, as the ledger's writer has): concurrent writes wait in a queue
 * and a writer thread writes everything waiting in one transaction ({@link ConsentBatch}), so that they share the round
 * trips and the commit; {@code gardien.consent.writer-threads} threads (2) write groups side by side, so that a group
 * fills while another waits for its commit. A write that finds the writer idle is written in its own thread, as a group
 * of one. A write the group cannot take (the group rolled back: another node linked one of its identifiers first, a
 * subject was destroyed) is made again on its own by {@link ConsentLedger}; a write whose group failed while committing
 * is not (it may have been written), its caller gets the error.
 */
@Component
class ConsentWriter implements SmartLifecycle, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ConsentWriter.class);
    private static final int MAX_GROUP = 64;

    private final ConsentBatch batch;
    private final ConsentDecisions decisions;
    private final TransactionTemplate transactions;
    private final GroupCommit<Queued> groups;
    /** Groups committed, and the writes they held: their ratio is the mean group size. */
    private final AtomicLong committed = new AtomicLong();

    private final AtomicLong writes = new AtomicLong();
    /** Groups that rolled back before their commit, their writes sent back to be made one by one. */
    private final AtomicLong sentBack = new AtomicLong();

    private volatile long lastWarned = System.nanoTime() - TimeUnit.MINUTES.toNanos(2);

    ConsentWriter(
            ConsentBatch batch,
            ConsentDecisions decisions,
            PlatformTransactionManager transactionManager,
            @Value("${gardien.consent.writer-threads:2}") int threads) {
        if (threads < 1 || threads > 32) {
            throw new IllegalArgumentException("gardien.consent.writer-threads must be between 1 and 32");
        }
        this.batch = batch;
        this.decisions = decisions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.groups = new GroupCommit<>("consent-writer", threads, MAX_GROUP, 10_000, this::commit);
    }

    private record Queued(Pending pending, CompletableFuture<List<Written>> result) {}

    /**
     * Writes the draft in the next group; empty when it must be written on its own instead (the writer is stopped or
     * full, or the group rolled back). Throws what refused this write alone (a rule, a conflict of subjects).
     */
    Optional<List<Written>> write(Pending pending) {
        var entry = new Queued(pending, new CompletableFuture<>());
        try {
            if (!groups.writeInline(entry) && !groups.offer(entry, Duration.ZERO)) {
                return Optional.empty();
            }
            return Optional.of(entry.result().get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WriteAlone) {
                return Optional.empty();
            }
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new TransientDataAccessResourceException("the consent writer did not answer within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDataAccessResourceException("interrupted while the consent was being written");
        }
    }

    /** Writes the group in one transaction, applies what committed to this node's decisions, completes every entry. */
    private void commit(List<Queued> group) {
        var pending = group.stream().map(Queued::pending).toList();
        boolean[] committing = {false};
        List<ConsentBatch.Outcome> outcomes;
        try {
            outcomes = transactions.execute(status -> {
                var written = batch.write(pending);
                committing[0] = true;
                return written;
            });
        } catch (RuntimeException e) {
            // before the commit nothing was written: each write goes again on its own; a failed commit may have
            // written the group, so its writes are not made again
            var outcome = committing[0] ? e : new WriteAlone();
            if (committing[0]) {
                log.warn("A group of {} consent writes failed while committing: {}", group.size(), e.getClass());
            } else {
                sentBack.incrementAndGet();
                warnSentBack(group.size(), e);
            }
            group.forEach(q -> q.result().completeExceptionally(outcome));
            return;
        }
        committed.incrementAndGet();
        writes.addAndGet(group.size());
        for (int i = 0; i < group.size(); i++) {
            var outcome = outcomes.get(i);
            var result = group.get(i).result();
            if (outcome.refused() != null) {
                result.completeExceptionally(outcome.refused());
                continue;
            }
            outcome.written().forEach(w -> decisions.applied(w.record(), w.seq()));
            result.complete(outcome.written());
        }
    }

    /**
     * A group sent back is expected now and then (another node linked an identifier first); groups sent back again and
     * again cost a transaction per write, so it is said, at most once a minute, with the cause's class (never its
     * message, which may quote a person's values).
     */
    private void warnSentBack(int size, RuntimeException e) {
        long now = System.nanoTime();
        if (now - lastWarned > TimeUnit.MINUTES.toNanos(1)) {
            lastWarned = now;
            var cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
            log.warn(
                    "A group of {} consent writes rolled back and is written one by one ({} groups so far): {}",
                    size,
                    sentBack.get(),
                    cause.getClass().getName());
        }
    }

    /** The groups sent back so far to be written one by one. */
    long sentBack() {
        return sentBack.get();
    }

    /** The groups committed so far and the writes they held. */
    long[] groupsAndWrites() {
        return new long[] {committed.get(), writes.get()};
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("gardien.consent.writer.groups", committed, AtomicLong::get)
                .description("Transactions of the consent writer's group commit")
                .register(registry);
        FunctionCounter.builder("gardien.consent.writer.writes", writes, AtomicLong::get)
                .description("Consent writes committed by the group commit (divided by the groups: the group size)")
                .register(registry);
        FunctionCounter.builder("gardien.consent.writer.sent.back", sentBack, AtomicLong::get)
                .description("Groups that rolled back before their commit, their writes then made one by one")
                .register(registry);
    }

    @Override
    public void start() {
        groups.start();
    }

    @Override
    public void stop() {
        groups.stop().forEach(left -> left.result().completeExceptionally(new WriteAlone())); // each goes on its own
    }

    @Override
    public boolean isRunning() {
        return groups.running();
    }
}
