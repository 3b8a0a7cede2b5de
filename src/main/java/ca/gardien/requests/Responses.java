package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.WebProperties;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The written answer: drafted once every task is done, approved by the person in charge or a delegate, then sent as a
 * one-time, expiring download link to a verified identifier, or handed over by post or in person when there is none. A
 * refusal lacking what the law requires is refused at every step.
 */
@Service
public class Responses {

    private final RequestStore requests;
    private final TaskStore tasks;
    private final ResponseStore responses;
    private final KeyedDigest key;
    private final AnswerNotice notice;
    private final RequestFacts facts;
    private final RequestsProperties properties;
    private final Clock clock;
    private final WebProperties web;

    private final Deadlines deadlines;
    private final AnswerDocuments documents;

    Responses(
            RequestStore requests,
            TaskStore tasks,
            ResponseStore responses,
            @Qualifier(RequestsConfiguration.KEY) KeyedDigest key,
            AnswerNotice notice,
            RequestFacts facts,
            RequestsProperties properties,
            Clock clock,
            Deadlines deadlines,
            WebProperties web,
            AnswerDocuments documents) {
        this.deadlines = deadlines;
        this.documents = documents;
        this.web = web;
        this.requests = requests;
        this.tasks = tasks;
        this.responses = responses;
        this.key = key;
        this.notice = notice;
        this.facts = facts;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ResponseDraft of(UUID requestId) {
        return responses
                .find(requestId)
                .orElseThrow(() -> new NotFoundException("requests.object.response-of-request", requestId));
    }

    @Transactional
    public ResponseDraft draft(UUID requestId, ResponseDraft draft, Actor actor) {
        save(requestId, draft, actor);
        return draft;
    }

    /** Writes the draft ({@link #draft}); true when that withdrew the answer's approval (it waits for a new one). */
    @Transactional
    boolean save(UUID requestId, ResponseDraft draft, Actor actor) {
        var request = request(requestId);
        var errors = draft.errors(deadlines.remedyDays(request.jurisdiction()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        draft.requireComplete();
        if (!request.identityProven() && !identityRefusal(request, draft)) {
            // the proof was rejected: only the reasoned refusal (identity not established) can be written
            throw request.identityReview() == RightsRequest.Review.REJECTED
                    ? new InvalidInputException("outcome", "shared.field.one-of", List.of("REFUSAL"))
                    : RequestSteps.wrongState(request, RequestStatus.RESPONSE_DRAFTED);
        }
        if (request.status() == RequestStatus.IN_PROGRESS
                && !tasks.of(requestId).stream().allMatch(RequestTask::done)) {
            throw RequestSteps.notNow(request, "tasks-open");
        }
        var joinable = documents.errors(request, draft); // once the request may take a draft at all
        if (request.status().canMoveTo(RequestStatus.RESPONSE_DRAFTED) && !joinable.isEmpty()) {
            throw new InvalidInputException(joinable);
        }
        if (request.status() == RequestStatus.APPROVED
                && responses
                        .find(requestId)
                        .map(ResponseDraft::fingerprint)
                        .orElse("")
                        .equals(draft.fingerprint())) {
            return false; // saved as it was approved: the approval stands
        }
        var said = new java.util.HashMap<>(Map.of("outcome", draft.outcome()));
        if (!draft.documents().isEmpty())
            said.put("documents", "" + draft.documents().size());
        if (request.status() == RequestStatus.APPROVED) said.put("approval", "withdrawn"); // the timeline says so
        RequestSteps.move(requests, facts, request, RequestStatus.RESPONSE_DRAFTED, actor, said, clock.instant());
        responses.save(requestId, draft, actor.kind() + ":" + actor.id(), clock.instant());
        return request.status() == RequestStatus.APPROVED;
    }

    /**
     * Approval by the person in charge or a delegate (the caller checks the role) of the answer they read: {@code seen},
     * its {@link ResponseDraft#fingerprint} (null: not checked), compared once the request is held by this transaction.
     */
    @Transactional
    public RightsRequest approve(UUID requestId, String seen, Actor actor) {
        var unread = seen != null && seen.isEmpty(); // a form that named none: read it again
        var conflict = unread ? "requests.conflict.answer-unread" : "requests.conflict.answer-changed";
        return approve(requestId, seen == null ? null : seen::equals, conflict, actor);
    }

    /** Through the API: {@code read} accepts the fingerprint read (its If-Match; null: not checked). */
    @Transactional
    public RightsRequest approve(UUID requestId, Predicate<String> read, Actor actor) {
        return approve(requestId, read, "requests.conflict.answer-changed", actor);
    }

    private RightsRequest approve(UUID requestId, Predicate<String> read, String conflict, Actor actor) {
        var request = request(requestId);
        var draft =
                responses.find(requestId).orElseThrow(() -> RequestSteps.wrongState(request, RequestStatus.APPROVED));
        draft.requireComplete();
        RequestSteps.move(
                requests,
                facts,
                request,
                RequestStatus.APPROVED,
                actor,
                Map.of("outcome", draft.outcome()),
                clock.instant());
        if (read != null && !read.test(responses.find(requestId).orElseThrow().fingerprint())) {
            throw new ConflictException(conflict); // edited since read
        }
        responses.approve(requestId, actor.kind() + ":" + actor.id(), clock.instant());
        return requests.find(requestId).orElseThrow();
    }

    /**
     * Sends the approved answer: a one-time link by email (or SMS) to a code-verified identifier of the person. A
     * request with neither (a paper request with a customer number only) is answered by post or in person: staff say
     * which ({@code delivery}: {@code POSTAL} or {@code IN_PERSON}), no link is made, and they take the package from
     * the console ({@link Deliveries#byHand}). The {@code requests.sent} fact records the {@code channel}.
     *
     * @param delivery how staff hand the answer over; ignored when a link can reach the person
     * @throws InvalidInputException naming {@code delivery} when no link can reach the person and none was chosen
     */
    @Transactional
    public RightsRequest send(UUID requestId, String delivery, Actor actor) {
        var request = request(requestId);
        var draft = responses.find(requestId).orElseThrow(() -> RequestSteps.wrongState(request, RequestStatus.SENT));
        draft.requireComplete();
        if (!request.identityProven() && !identityRefusal(request, draft)) {
            throw RequestSteps.notNow(request, "send-unproven"); // defence in depth: nothing leaves unproven
        }
        var linkTo = request.linkTo();
        var channel = Deliveries.channel(linkTo, delivery);
        if (channel == null) {
            throw new InvalidInputException("delivery", "shared.field.one-of", Deliveries.BY_HAND);
        }
        // a link whose message stays in the outbox is recorded as such: the ledger does not say it left
        var payload = linkTo != null && notice.holds(linkTo)
                ? Map.of("outcome", draft.outcome(), "channel", channel, "outbox", "held")
                : Map.of("outcome", draft.outcome(), "channel", channel);
        RequestSteps.move(requests, facts, request, RequestStatus.SENT, actor, payload, clock.instant());
        if (linkTo != null) {
            var token = OneTimeSecrets.token();
            var expires = clock.instant().plus(properties.delivery().linkValidFor());
            responses.link(key.digest("download", token), requestId, expires);
            var url = web.link(DownloadController.PATH + token);
            // the last day the link works, in the request's jurisdiction (was UTC's day)
            var lastDay = expires.atZone(deadlines.zone(request.jurisdiction())).toLocalDate();
            notice.send(
                    request, linkTo, List.of(request.reference(), url, deadlines.inWords(lastDay, request.language())));
        }
        return requests.find(requestId).orElseThrow();
    }

    /**
     * A refusal because the identity could not be established (its proof was rejected): it releases nothing, so it may
     * be written and sent although the identity is not proven (P-39.1 s. 34: a refusal is written and reasoned).
     */
    static boolean identityRefusal(RightsRequest request, ResponseDraft draft) {
        return request.identityReview() == RightsRequest.Review.REJECTED && "REFUSAL".equals(draft.outcome());
    }

    /** Closes a sent request (e.g. the person never used the link). */
    @Transactional
    public RightsRequest close(UUID requestId, Actor actor) {
        RequestSteps.move(requests, facts, request(requestId), RequestStatus.CLOSED, actor, Map.of(), clock.instant());
        return requests.find(requestId).orElseThrow();
    }

    private RightsRequest request(UUID requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
    }
}
