package ca.gardien.ledger;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Appends every published {@link Evidence} (alone or in an {@link EvidenceBatch}) to the chain. Runs after the publisher's transaction commits; the event
 * publication registry keeps the event until this returns, so a crash in between re-delivers it and the event id makes
 * the second delivery a no-op. Unlike an {@code @ApplicationModuleListener} it opens no transaction of its own: the
 * writer commits the entry, and a listener transaction would only hold a pooled connection while it waits for the
 * writer's batch (under load, the consent writes then queued for connections).
 */
@Component
class EvidenceRecorder {

    private final LedgerWriter writer;

    EvidenceRecorder(LedgerWriter writer) {
        this.writer = writer;
    }

    @Async
    @TransactionalEventListener
    void on(Evidence evidence) throws InterruptedException, ExecutionException, TimeoutException {
        writer.append(evidence).get(30, TimeUnit.SECONDS);
    }

    /** Each entry of the batch, in order; the writer groups them into its next commits. */
    @Async
    @TransactionalEventListener
    void on(EvidenceBatch batch) throws InterruptedException, ExecutionException, TimeoutException {
        var appended = batch.entries().stream().map(writer::append).toList();
        for (var entry : appended) {
            entry.get(30, TimeUnit.SECONDS);
        }
    }
}
