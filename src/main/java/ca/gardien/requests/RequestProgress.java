package ca.gardien.requests;

import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Moves a request on once its identity is proven: RECEIVED → IDENTITY_VERIFIED, then one task per system in scope and
 * IN_PROGRESS. Until every identifier and review is done, nothing moves (and nothing is released or changed). A refusal
 * drafted while the identity was not established is withdrawn once it is proven another way: the request returns to its
 * tasks rather than staying with a refusal whose reason no longer holds.
 */
@Component
class RequestProgress {

    private final RequestStore store;
    private final RequestTasks tasks;
    private final RequestFacts facts;
    private final Clock clock;
    private final ResponseStore responses;

    RequestProgress(RequestStore store, RequestTasks tasks, RequestFacts facts, Clock clock, ResponseStore responses) {
        this.responses = responses;
        this.store = store;
        this.tasks = tasks;
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * @param before the request as it stood before the step: when it held a refusal drafted because its identity was not
     *     established ({@link RequestRoles#identityRefusalDrafted}) and the step proved the identity another way, the
     *     refusal is withdrawn ({@code requests.refusal-withdrawn}) and the request goes to its tasks like any other
     */
    void afterProof(RightsRequest before, Actor actor) {
        var request = store.find(before.id()).orElseThrow();
        if (!request.identityProven()) {
            return;
        }
        if (RequestRoles.identityRefusalDrafted(before) && request.status() == before.status()) {
            var outcome =
                    responses.find(request.id()).map(ResponseDraft::outcome).orElse("REFUSAL");
            responses.withdraw(request.id());
            facts.record(
                    "refusal-withdrawn",
                    request.id(),
                    actor,
                    Map.of("outcome", outcome, "from", request.status().name()));
        } else if (request.status() != RequestStatus.RECEIVED) {
            return;
        }
        RequestSteps.move(store, facts, request, RequestStatus.IDENTITY_VERIFIED, actor, Map.of(), clock.instant());
        var verified = store.find(request.id()).orElseThrow();
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
