package ca.gardien.ledger;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-delivers evidence (alone or in an {@link EvidenceBatch}) whose append did not finish, so that the facts of an acknowledged write reach the chain within
 * seconds of a fault (issue 21: the once-a-minute retry left them 40 to 90 s late). Every few seconds: evidence whose
 * append failed (the database went away after the write committed) and evidence still incomplete
 * {@code gardien.ledger.redeliver-after} after it was published (its node died, or the failure could not be recorded
 * while the database was away). A second delivery of evidence already appended changes nothing (the event id), so
 * re-delivering one that is merely slow costs only the check. Other modules' events keep the one-minute rule of
 * {@link LedgerConfiguration}.
 */
@Component
class EvidenceRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration after;
    private volatile boolean away;

    EvidenceRedelivery(
            IncompleteEventPublications incomplete,
            Clock clock,
            @Value("${gardien.ledger.redeliver-after:10s}") Duration after) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(
            fixedDelayString = "${gardien.ledger.redeliver-every:2s}",
            initialDelayString = "${gardien.ledger.redeliver-every:2s}")
    void redeliver() {
        var due = clock.instant().minus(after);
        try {
            incomplete.resubmitIncompletePublications(
                    p -> (p.getEvent() instanceof Evidence || p.getEvent() instanceof EvidenceBatch)
                            && (failed(p) || p.getPublicationDate().isBefore(due))
                            && notJustResubmitted(p, due)); // a slow one is not sent again every round
            if (away) {
                away = false;
                log.info("Evidence re-delivery works again");
            }
        } catch (RuntimeException e) { // the database is away: the next round tries again
            if (!away) {
                away = true;
                log.warn(
                        "Evidence re-delivery failed, retrying every few seconds: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** Whether the event is evidence for the chain, alone or in a batch: this class re-delivers it. */
    static boolean isEvidence(Object event) {
        return event instanceof Evidence || event instanceof EvidenceBatch;
    }

    private static boolean notJustResubmitted(EventPublication publication, java.time.Instant due) {
        var last = publication.getLastResubmissionDate();
        return last == null || last.isBefore(due);
    }

    private static boolean failed(EventPublication publication) {
        return publication.getStatus() == EventPublication.Status.FAILED;
    }
}
