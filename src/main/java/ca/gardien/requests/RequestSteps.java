package ca.gardien.requests;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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

    /** The arrow from the request's status to {@code wanted} does not exist; both statuses said in words. */
    static RequestProblem wrongState(RightsRequest request, RequestStatus wanted) {
        if (wanted == request.status()) {
            return new RequestProblem(
                    Refusal.WRONG_STATE, "wrong-state", "already", properties(request), words(wanted));
        }
        return new RequestProblem(
                Refusal.WRONG_STATE, "wrong-state", properties(request), words(request.status()), words(wanted));
    }

    /**
     * A step the request's status (or its state of proof) does not allow now, said by its own sentence
     * ({@code requests.problem.<why>.detail}, without arguments) rather than as an arrow between two statuses.
     */
    static RequestProblem notNow(RightsRequest request, String why) {
        return new RequestProblem(Refusal.WRONG_STATE, "wrong-state", why, properties(request));
    }

    private static Map<String, Object> properties(RightsRequest request) {
        return Map.of("requestStatus", request.status().name()); // the API's stable code; the detail says it in words
    }

    private static DefaultMessageSourceResolvable words(RequestStatus status) {
        return new DefaultMessageSourceResolvable("rq.status." + status.name());
    }
}
