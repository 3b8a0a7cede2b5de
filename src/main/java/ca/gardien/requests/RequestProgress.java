package ca.gardien.requests;

import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Moves a request on once its identity is proven: RECEIVED → IDENTITY_VERIFIED, then one task per system in scope and
 * IN_PROGRESS. Until every identifier and review is done, nothing moves (and nothing is released or changed).
 */
@Component
class RequestProgress {

    private final RequestStore store;
    private final RequestTasks tasks;
    private final RequestFacts facts;
    private final Clock clock;

    RequestProgress(RequestStore store, RequestTasks tasks, RequestFacts facts, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.facts = facts;
        this.clock = clock;
    }

    void afterProof(UUID requestId, Actor actor) {
        var request = store.find(requestId).orElseThrow();
        if (request.status() != RequestStatus.RECEIVED || !request.identityProven()) {
            return;
        }
        RequestSteps.move(store, facts, request, RequestStatus.IDENTITY_VERIFIED, actor, Map.of(), clock.instant());
        var verified = store.find(requestId).orElseThrow();
        int opened = tasks.open(verified);
        RequestSteps.move(
                store,
                facts,
                verified,
                RequestStatus.IN_PROGRESS,
                Actor.SYSTEM,
                Map.of("tasks", String.valueOf(opened)),
                clock.instant());
    }
}
