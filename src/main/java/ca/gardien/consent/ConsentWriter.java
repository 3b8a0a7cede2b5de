package ca.gardien.consent;

import ca.gardien.consent.ConsentBatch.Pending;
import ca.gardien.consent.ConsentBatch.WriteAlone;
import ca.gardien.consent.ConsentBatch.Written;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Group commit of consent writes, as the ledger's writer does for its entries: concurrent writes wait in a queue and
 * a writer thread writes everything waiting in one transaction ({@link ConsentBatch}), so that they share the round
 * trips and the commit; {@code gardien.consent.writer-threads} threads (2) write groups side by side, so that a group
 * fills while another waits for its commit. A write that finds the writer idle is written in its own thread, as a group of one. A write the group
 * cannot take (the group rolled back: another node linked one of its identifiers first, a subject was destroyed) is
 * made again on its own by {@link ConsentLedger}; a write whose group failed while committing is not (it may have been
 * written), its caller gets the error.
 */
@Component
class ConsentWriter implements SmartLifecycle, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ConsentWriter.class);
    private static final int MAX_GROUP = 64;

    private final ConsentBatch batch;
    private final ConsentDecisions decisions;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(10_000);
    /** One permit per writer thread: held while a group is written, by a writer thread or by a caller inline. */
    private final Semaphore writing;

    private final int threads;
    private final AtomicInteger queued = new AtomicInteger();
    /** Whether the last group held several writes: then writes keep queueing to share commits. */
    private volatile boolean concurrent;
    /** Groups committed, and the writes they held: their ratio is the mean group size. */
    private final AtomicLong groups = new AtomicLong();

    private final AtomicLong grouped = new AtomicLong();

    private volatile boolean running;
    private List<Thread> workers = List.of();

    ConsentWriter(
            ConsentBatch batch,
            ConsentDecisions decisions,
            PlatformTransactionManager transactionManager,
            @Value("${gardien.consent.writer-threads:2}") int threads) {
        if (threads < 1 || threads > 32) {
            throw new IllegalArgumentException("gardien.consent.writer-threads must be between 1 and 32");
        }
        this.threads = threads;
        this.writing = new Semaphore(threads);
        this.batch = batch;
        this.decisions = decisions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Queued(Pending pending, CompletableFuture<List<Written>> result) {}

    /**
     * Writes the draft in the next group; empty when it must be written on its own instead (the writer is stopped or
     * full, or the group rolled back). Throws what refused this write alone (a rule, a conflict of subjects).
     */
    Optional<List<Written>> write(List<Subjects.Keyed> identifiers, ConsentBatch.Draft draft) {
        if (!running) {
            return Optional.empty();
        }
        var entry = new Queued(new Pending(identifiers, draft), new CompletableFuture<>());
        if (!writtenInline(entry)) {
            queued.incrementAndGet();
            if (!queue.offer(entry)) {
                queued.decrementAndGet();
                return Optional.empty();
            }
        }
        try {
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

    private boolean writtenInline(Queued entry) {
        if (concurrent || queued.get() != 0 || !writing.tryAcquire(threads)) { // only when no group is being written
            return false;
        }
        try {
            if (queued.get() != 0) {
                return false;
            }
            write(List.of(entry));
            return true;
        } finally {
            writing.release(threads);
        }
    }

    private void run() {
        var group = new ArrayList<Queued>(MAX_GROUP);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                writing.acquireUninterruptibly();
                try {
                    queue.drainTo(group, MAX_GROUP - 1);
                    concurrent = group.size() > 1 || writing.availablePermits() < threads - 1;
                    write(group);
                } finally {
                    queued.addAndGet(-group.size());
                    writing.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    /** Writes the group in one transaction, applies what committed to this node's decisions, completes every entry. */
    private void write(List<Queued> group) {
        var pending = group.stream().map(Queued::pending).toList();
        boolean[] committing = {false};
        try {
            transactions.executeWithoutResult(status -> {
                batch.write(pending);
                committing[0] = true;
            });
        } catch (RuntimeException e) {
            // before the commit nothing was written: each write goes again on its own; a failed commit may have
            // written the group, so its writes are not made again
            var outcome = committing[0] ? e : new WriteAlone();
            if (committing[0]) {
                log.warn("A group of {} consent writes failed while committing: {}", group.size(), e.getClass());
            }
            group.forEach(q -> q.result().completeExceptionally(outcome));
            return;
        }
        groups.incrementAndGet();
        grouped.addAndGet(group.size());
        for (var entry : group) {
            var refused = entry.pending().refusal();
            if (refused != null) {
                entry.result().completeExceptionally(refused);
                continue;
            }
            entry.pending().written().forEach(w -> decisions.applied(w.record(), w.seq()));
            entry.result().complete(List.copyOf(entry.pending().written()));
        }
    }

    /** The writes committed so far and the groups that held them. */
    long[] groupsAndWrites() {
        return new long[] {groups.get(), grouped.get()};
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("gardien.consent.writer.groups", groups, AtomicLong::get)
                .description("Transactions of the consent writer's group commit")
                .register(registry);
        FunctionCounter.builder("gardien.consent.writer.writes", grouped, AtomicLong::get)
                .description("Consent writes committed by the group commit (divided by the groups: the group size)")
                .register(registry);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        var started = new ArrayList<Thread>();
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofPlatform().name("consent-writer-" + i).daemon().start(this::run));
        }
        workers = List.copyOf(started);
    }

    @Override
    public void stop() {
        List<Thread> writers;
        synchronized (this) {
            running = false;
            writers = workers;
        }
        for (var writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Queued left; (left = queue.poll()) != null; ) { // each goes again on its own
            queued.decrementAndGet();
            left.result().completeExceptionally(new WriteAlone());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
