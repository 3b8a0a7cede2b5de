package ca.gardien.connectors.runs;

import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Resumes runs left by a node that died or by a failure whose retry time has come. */
@Component
class RunResumer {

    private final RunStore store;
    private final RunWorker worker;
    private final Clock clock;

    RunResumer(RunStore store, RunWorker worker, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        resume();
    }

    @Scheduled(
            fixedDelayString = "${gardien.connectors.resume-every:5s}",
            initialDelayString = "${gardien.connectors.resume-every:5s}")
    void resume() {
        store.resumable(clock.instant()).forEach(worker::submit);
    }
}
