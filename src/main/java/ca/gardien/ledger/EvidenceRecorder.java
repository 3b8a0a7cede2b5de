package ca.gardien.ledger;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appends every published {@link Evidence} to the chain. Runs after the publisher's transaction commits; the event
 * publication registry keeps the event until this returns, so a crash in between re-delivers it and the event id makes
 * the second delivery a no-op.
 */
@Component
class EvidenceRecorder {

    private final LedgerWriter writer;

    EvidenceRecorder(LedgerWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(Evidence evidence) throws InterruptedException, ExecutionException, TimeoutException {
        writer.append(evidence).get(30, TimeUnit.SECONDS);
    }
}
