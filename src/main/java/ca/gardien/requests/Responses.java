package ca.gardien.requests;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.SmsSender;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.WebProperties;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The written answer: drafted once every task is done, approved by the person in charge or a delegate, then sent as a
 * one-time, expiring download link to a verified identifier. A refusal lacking what the law requires is refused at
 * every step.
 */
@Service
public class Responses {

    private final RequestStore requests;
    private final TaskStore tasks;
    private final ResponseStore responses;
    private final KeyedDigest key;
    private final Outbox outbox;
    private final SmsSender sms;
    private final RequestFacts facts;
    private final RequestsProperties properties;
    private final Clock clock;
    private final WebProperties web;

    private final Deadlines deadlines;

    Responses(
            RequestStore requests,
            TaskStore tasks,
            ResponseStore responses,
            @Qualifier(RequestsConfiguration.KEY) KeyedDigest key,
            Outbox outbox,
            SmsSender sms,
            RequestFacts facts,
            RequestsProperties properties,
            Clock clock,
            Deadlines deadlines,
            WebProperties web) {
        this.deadlines = deadlines;
        this.web = web;
        this.requests = requests;
        this.tasks = tasks;
        this.responses = responses;
        this.key = key;
        this.outbox = outbox;
        this.sms = sms;
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
        var errors = draft.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireComplete(draft);
        var request = request(requestId);
        if (request.status() == RequestStatus.IN_PROGRESS
                && !tasks.of(requestId).stream().allMatch(RequestTask::done)) {
            throw RequestSteps.notNow(request, "tasks-open");
        }
        RequestSteps.move(
                requests,
                facts,
                request,
                RequestStatus.RESPONSE_DRAFTED,
                actor,
                Map.of("outcome", draft.outcome()),
                clock.instant());
        responses.save(requestId, draft, actor.kind() + ":" + actor.id(), clock.instant());
        return draft;
    }

    /** Approval by the person in charge or a delegate (the caller checks the role). */
    @Transactional
    public RightsRequest approve(UUID requestId, Actor actor) {
        var request = request(requestId);
        var draft =
                responses.find(requestId).orElseThrow(() -> RequestSteps.wrongState(request, RequestStatus.APPROVED));
        requireComplete(draft);
        RequestSteps.move(
                requests,
                facts,
                request,
                RequestStatus.APPROVED,
                actor,
                Map.of("outcome", draft.outcome()),
                clock.instant());
        responses.approve(requestId, actor.kind() + ":" + actor.id(), clock.instant());
        return requests.find(requestId).orElseThrow();
    }

    /** Sends the approved answer: a one-time link by email (or SMS) to a verified identifier of the person. */
    @Transactional
    public RightsRequest send(UUID requestId, Actor actor) {
        var request = request(requestId);
        var draft = responses.find(requestId).orElseThrow(() -> RequestSteps.wrongState(request, RequestStatus.SENT));
        requireComplete(draft);
        if (!request.identityProven()) {
            throw RequestSteps.notNow(request, "send-unproven"); // defence in depth: nothing leaves unproven
        }
        RequestSteps.move(
                requests,
                facts,
                request,
                RequestStatus.SENT,
                actor,
                Map.of("outcome", draft.outcome()),
                clock.instant());
        var token = OneTimeSecrets.token();
        var expires = clock.instant().plus(properties.delivery().linkValidFor());
        responses.link(key.digest("download", token), requestId, expires);
        var url = web.link(DownloadController.PATH + token);
        // the last day the link works, in the request's jurisdiction (was UTC's day)
        var lastDay = expires.atZone(deadlines.zone(request.jurisdiction())).toLocalDate();
        notify(request, List.of(request.reference(), url, lastDay.toString()));
        return requests.find(requestId).orElseThrow();
    }

    /** Closes a sent request (e.g. the person never used the link). */
    @Transactional
    public RightsRequest close(UUID requestId, Actor actor) {
        RequestSteps.move(requests, facts, request(requestId), RequestStatus.CLOSED, actor, Map.of(), clock.instant());
        return requests.find(requestId).orElseThrow();
    }

    private void notify(RightsRequest request, List<String> args) {
        var locale = Locale.forLanguageTag(request.language());
        var ids = requests.identifiers(request.id());
        var email = ids.stream()
                .filter(i -> i.kind() == IdentifierKind.EMAIL && i.verified())
                .findFirst();
        if (email.isPresent()) {
            outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    email.get().value(),
                    "requests.delivery",
                    locale,
                    args,
                    "request",
                    request.id().toString()));
            return;
        }
        ids.stream()
                .filter(i -> i.kind() == IdentifierKind.PHONE && i.verified())
                .findFirst()
                .ifPresent(phone -> sms.send(new Message(
                        Message.Channel.SMS,
                        phone.value(),
                        "requests.delivery",
                        locale,
                        args,
                        "request",
                        request.id().toString())));
    }

    private RightsRequest request(UUID requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
    }

    static void requireComplete(ResponseDraft draft) {
        var missing = draft.missingForRefusal();
        if (!missing.isEmpty()) {
            throw new RequestProblem(
                    Refusal.REFUSAL_INCOMPLETE,
                    "refusal-incomplete",
                    Map.of("missing", missing),
                    String.join(", ", missing));
        }
    }
}
