package ca.gardien.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single writer of this node. Callers enqueue evidence and wait for the future; the writer drains the queue and
 * appends everything waiting in one transaction (group commit), so concurrent writers share one commit. A caller that
 * finds the writer idle appends in its own thread instead, under the same lock. The head compare-and-set done by
 * {@link ChainAppender} serializes writers of different nodes.
 */
@Component
class LedgerWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);

    private final ChainAppender appender;
    private final CheckpointWitness witness;
    private final TransactionTemplate transactions;
    /** For appends that are one statement: it commits on its own, outside any transaction of the calling thread. */
    private final TransactionTemplate withoutTransaction;

    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<ChainAppender.Pending> queue;
    /** Held while a batch is written, by the writer thread or by a caller appending inline. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Appends offered to the queue and not yet written. */
    private final AtomicInteger queued = new AtomicInteger();
    /**
     * Whether the writer's last batch grouped several appends: then callers keep queueing, so that they share commits
     * instead of taking turns with one-append inline writes. It falls back to inline when batches shrink to one.
     */
    private volatile boolean concurrent;

    private volatile boolean running;
    private boolean stopped;
    private Thread thread;

    LedgerWriter(
            ChainAppender appender,
            CheckpointWitness witness,
            TransactionTemplate transactions,
            Clock clock,
            LedgerProperties properties) {
        this.appender = appender;
        this.witness = witness;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.withoutTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.withoutTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
        this.maxBatch = properties.maxBatch();
        this.queue = new LinkedBlockingQueue<>(properties.queueCapacity());
    }

    /** Completes once the entry is committed, with the entry (or the one already recorded for the same event id). */
    CompletableFuture<LedgerEntry> append(Evidence evidence) {
        return enqueue(new ChainAppender.Pending(evidence, new CompletableFuture<>()));
    }

    /** Asks the writer to sign a checkpoint now if one is due by time; used by the scheduled tick. */
    CompletableFuture<LedgerEntry> tick() {
        return enqueue(new ChainAppender.Pending(null, new CompletableFuture<>()));
    }

    private CompletableFuture<LedgerEntry> enqueue(ChainAppender.Pending pending) {
        startBeforeLifecycle();
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("the ledger writer is not running"));
        }
        if (writtenInline(pending)) {
            return pending.result();
        }
        queued.incrementAndGet();
        try {
            if (!queue.offer(pending, 5, TimeUnit.SECONDS)) {
                queued.decrementAndGet();
                return CompletableFuture.failedFuture(new IllegalStateException("the ledger writer is overloaded"));
            }
        } catch (InterruptedException e) {
            queued.decrementAndGet();
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return pending.result();
    }

    /**
     * When nothing is queued and nobody is writing, the caller appends in its own thread: still one writer at a time
     * (the lock), but without two thread hand-offs per append. Under load, appends queue and group-commit as before.
     * Only with an empty queue, so that the appends of one thread keep their order.
     */
    private boolean writtenInline(ChainAppender.Pending pending) {
        if (concurrent || queued.get() != 0 || !writing.tryLock()) {
            return false;
        }
        try {
            if (queued.get() != 0 || !running) {
                return false;
            }
            write(List.of(pending));
            return true;
        } finally {
            writing.unlock();
        }
    }

    private void run() {
        var batch = new ArrayList<ChainAppender.Pending>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                writing.lock();
                try {
                    queue.drainTo(batch, maxBatch - 1);
                    concurrent = batch.size() > 1;
                    write(batch);
                } finally {
                    queued.addAndGet(-batch.size());
                    writing.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<ChainAppender.Pending> batch) {
        try {
            var results = appendCommitted(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            log.warn("Ledger batch of {} failed and will be retried by its publishers: {}", batch.size(), e.getClass());
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    /**
     * The event publication registry re-delivers outstanding evidence while the context is still starting, before
     * lifecycle beans are started: the first append starts the writer then. Once stopped, only the lifecycle restarts
     * it (a context may be stopped and started again, as the test context cache does when it pauses contexts).
     */
    private synchronized void startBeforeLifecycle() {
        if (!stopped) {
            start();
        }
    }

    /** Retries while another node moves the head, and once with the duplicate lookup if an event id is refused. */
    private List<LedgerEntry> appendCommitted(List<ChainAppender.Pending> batch) {
        boolean lookForDuplicates = false;
        for (int attempt = 1; ; attempt++) {
            try {
                boolean lookup = lookForDuplicates;
                var now = clock.instant();
                var results = appender.needsTransaction(batch, now, lookup)
                        ? transactions.execute(status -> appender.append(batch, now, lookup))
                        : withoutTransaction.execute(status -> appender.append(batch, now, lookup));
                var signed = appender.committed();
                if (signed != null) {
                    witness.witness(signed); // hands it over: the log and the authority are written off this thread
                }
                return results;
            } catch (ChainAppender.HeadMoved | DataIntegrityViolationException e) {
                appender.forget();
                if (attempt >= 20 || (e instanceof DataIntegrityViolationException && lookForDuplicates)) {
                    throw e;
                }
                lookForDuplicates |= e instanceof DataIntegrityViolationException;
            } catch (RuntimeException e) {
                appender.forget();
                throw e;
            }
        }
    }

    @Override
    public synchronized void start() {
        stopped = false;
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform().name("ledger-writer").daemon(true).start(this::run);
        }
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (thread == null) {
            return;
        }
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        writing.lock(); // waits for an append being written inline
        writing.unlock();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before and stop after the components that publish evidence. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
