package ca.gardien.ledger;

import ca.gardien.shared.GroupCommit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single writer of this node. Callers enqueue evidence and wait for the future; the writer appends everything
 * waiting in one transaction ({@link GroupCommit}), so concurrent writers share one commit; a caller that finds the
 * writer idle appends in its own thread instead. The head compare-and-set done by
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
    /** One writer thread: the appends of one caller keep their order. */
    private final GroupCommit<ChainAppender.Pending> group;

    private boolean stopped;

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
        this.group =
                new GroupCommit<>("ledger-writer", 1, properties.maxBatch(), properties.queueCapacity(), this::write);
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
        if (!group.running()) {
            return CompletableFuture.failedFuture(notRunning());
        }
        if (group.writeInline(pending)) { // the writer idle: appended in this thread, without two hand-offs
            return pending.result();
        }
        try {
            if (!group.offer(pending, Duration.ofSeconds(5))) {
                return CompletableFuture.failedFuture(
                        group.running() ? new IllegalStateException("the ledger writer is overloaded") : notRunning());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return pending.result();
    }

    private static IllegalStateException notRunning() {
        return new IllegalStateException("the ledger writer is not running");
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
        group.start();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        group.stop().forEach(left -> left.result().completeExceptionally(notRunning()));
    }

    @Override
    public boolean isRunning() {
        return group.running();
    }

    /** Start before and stop after the components that publish evidence. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
