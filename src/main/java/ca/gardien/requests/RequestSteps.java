package ca.gardien.requests;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.Map;

/** The one way a request changes status: checks the arrow, moves it conditionally, records the step. */
final class RequestSteps {

    private RequestSteps() {}

    static void move(
            RequestStore store,
            RequestFacts facts,
            RightsRequest request,
            RequestStatus to,
            Actor actor,
            Map<String, String> payload,
            Instant at) {
        if (!request.status().canMoveTo(to) || !store.move(request.id(), request.status(), to, at)) {
            throw wrongState(request, to);
        }
        facts.moved(request, to, actor, payload);
    }

    static RequestProblem wrongState(RightsRequest request, RequestStatus wanted) {
        return new RequestProblem(
                Refusal.WRONG_STATE,
                "wrong-state",
                Map.of("requestStatus", request.status().name()),
                request.status(),
                wanted);
    }
}
