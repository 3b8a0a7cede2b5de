package ca.gardien.ledger;

import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records each committed checkpoint outside the database: appended to the {@link CheckpointLog} and, when
 * {@code gardien.ledger.tsa-url} is set, timestamped by that authority. Both run on threads of their own, after the
 * commit, so that appends never wait for a disk flush of the log or for the authority. When checkpoints come faster than
 * the authority answers, only the newest waiting one is timestamped (its token vouches for everything before it). A
 * failed timestamp is logged; the first of a series is also recorded as {@code ledger.timestamp-failed}.
 */
@Component
class CheckpointWitness implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWitness.class);

    private final CheckpointLog checkpointLog;
    private final LedgerCheckpoints checkpoints;
    private final TimeStampAuthority authority;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService logWriter = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ledger-checkpoint-log").daemon(true).factory());
    private final ExecutorService stamper = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ledger-timestamp").daemon(true).factory());
    private final AtomicReference<Checkpoint> awaitingTimestamp = new AtomicReference<>();
    /** Whether the last timestamp request failed: a run of failures is recorded once. */
    private volatile boolean failing;

    CheckpointWitness(
            CheckpointLog checkpointLog,
            LedgerCheckpoints checkpoints,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            LedgerProperties properties) {
        this.checkpointLog = checkpointLog;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.authority = properties.tsaUrl() == null
                ? null
                : new TimeStampAuthority(properties.tsaUrl(), properties.tsaTimeout());
    }

    /** Called once the checkpoint is committed; returns at once. */
    void witness(Checkpoint c) {
        try {
            logWriter.execute(() -> appendToLog(c));
            if (authority != null && awaitingTimestamp.getAndSet(c) == null) {
                stamper.execute(this::timestampWaiting);
            }
        } catch (RejectedExecutionException e) {
            log.warn("Checkpoint {} signed while Gardien stops: not added to the checkpoint log", c.sequence());
        }
    }

    private void appendToLog(Checkpoint c) {
        try {
            checkpointLog.append(c);
        } catch (Exception e) {
            log.error("Cannot append checkpoint {} to {}: {}", c.sequence(), checkpointLog.file(), e.toString());
        }
    }

    private void timestampWaiting() {
        for (var c = awaitingTimestamp.getAndSet(null); c != null; c = awaitingTimestamp.getAndSet(null)) {
            try {
                checkpoints.insertTimestamp(c.sequence(), authority.timestamp(c));
                failing = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failed(c, e);
            }
        }
    }

    private void failed(Checkpoint c, Exception e) {
        log.warn("No timestamp for ledger checkpoint {}: {}", c.sequence(), e.toString());
        if (failing) {
            return;
        }
        failing = true;
        var reason = e instanceof java.net.http.HttpTimeoutException
                ? "timeout"
                : e.getClass().getSimpleName();
        try {
            transactions.executeWithoutResult(s -> events.publishEvent(Evidence.of(
                    clock.instant(),
                    Actor.SYSTEM,
                    "ledger.timestamp-failed",
                    "ledger",
                    "checkpoints",
                    Map.of("sequence", String.valueOf(c.sequence()), "reason", reason))));
        } catch (RuntimeException recording) {
            log.warn("Cannot record the failed timestamp: {}", recording.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        logWriter.shutdown();
        stamper.shutdownNow();
        logWriter.awaitTermination(5, TimeUnit.SECONDS);
    }
}
