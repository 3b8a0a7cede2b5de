package ca.gardien.assessments;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records every step of an assessment in the evidence ledger ({@code assessments.<step>}) inside the caller's
 * transaction. Payloads carry ids, statuses, counts and digests of text and documents, never the text itself.
 */
@Component
class AssessmentFacts {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentFacts(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(String step, UUID assessmentId, Actor actor, Map<String, String> payload) {
        events.publishEvent(Evidence.of(
                clock.instant(), actor, "assessments." + step, "assessment", assessmentId, new HashMap<>(payload)));
    }
}
