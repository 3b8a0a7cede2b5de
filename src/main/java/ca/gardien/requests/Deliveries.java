package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands the answer over once, through the link sent to the person (the download is recorded and closes the request), or,
 * for a request with no verified email or phone, to the officer who delivers it by post or in person.
 */
@Service
class Deliveries {

    private final ResponseStore responses;
    private final RequestStore requests;
    private final AccessPackage packages;
    private final KeyedDigest key;
    private final RequestFacts facts;
    private final Deadlines deadlines;
    private final Clock clock;

    Deliveries(
            ResponseStore responses,
            RequestStore requests,
            AccessPackage packages,
            @Qualifier(RequestsConfiguration.KEY) KeyedDigest key,
            RequestFacts facts,
            Deadlines deadlines,
            Clock clock) {
        this.responses = responses;
        this.requests = requests;
        this.packages = packages;
        this.key = key;
        this.facts = facts;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * What the link designates and whether it still works, for the page it opens; it does not use the link.
     *
     * @throws NotFoundException for a token that was never issued
     */
    @Transactional(readOnly = true)
    public DownloadLink look(String token) {
        var link = link(token);
        var request = requests.find(link.requestId()).orElseThrow();
        var zone = deadlines.zone(request.jurisdiction());
        var files = responses
                .find(request.id())
                .map(draft -> packages.files(request, draft))
                .orElse(List.of());
        var state = link.downloadedAt() != null
                ? DownloadLink.State.USED
                : clock.instant().isBefore(link.expiresAt()) ? DownloadLink.State.READY : DownloadLink.State.EXPIRED;
        return new DownloadLink(
                request.reference(),
                files,
                link.expiresAt().atZone(zone).toLocalDate(),
                state,
                link.downloadedAt() == null
                        ? null
                        : link.downloadedAt().atZone(zone).toLocalDate(),
                files.contains("data.json")
                        && files.stream().noneMatch(f -> f.startsWith(AnswerDocuments.FOLDER))
                        && packages.found(request).isEmpty(),
                request.language());
    }

    private ResponseStore.Link link(String token) {
        return responses.link(digest(token)).orElseThrow(() -> new NotFoundException("requests.object.download-link"));
    }

    private String digest(String token) {
        return key.digest("download", token == null ? "" : token);
    }

    /**
     * @throws NotFoundException for a token that was never issued
     * @throws RequestProblem 410 for a link already used or expired
     */
    @Transactional
    public AnswerFile download(String token) {
        var digest = digest(token);
        var link = link(token);
        var now = clock.instant();
        if (link.downloadedAt() != null || !now.isBefore(link.expiresAt())) {
            throw new RequestProblem(Refusal.DOWNLOAD_GONE, "download-gone", Map.of());
        }
        var request = requests.find(link.requestId()).orElseThrow();
        var draft = responses.find(request.id()).orElseThrow();
        // the package is built before the link is spent: a build that fails leaves the link as it was
        var file = packages.file(request, draft);
        var zip = file.zip();
        if (!responses.use(digest, now)) { // another download of the same link got there first
            throw new RequestProblem(Refusal.DOWNLOAD_GONE, "download-gone", Map.of());
        }
        var person = new Actor(Actor.Kind.SUBJECT, "request:" + request.id());
        facts.record(
                "downloaded",
                request.id(),
                person,
                Map.of("sha256", ca.gardien.shared.Digests.sha256Hex(zip), "size", String.valueOf(zip.length)));
        // the person downloaded; Gardien closed the request (the person did not ask to close it). A request the
        // officer closed already (their bookkeeping, the answer not yet delivered) stays closed: its link works until
        // it expires or is used (officer's walk of 2026-12-07: its download answered a 500)
        if (request.status() != RequestStatus.CLOSED) {
            RequestSteps.move(
                    requests, facts, request, RequestStatus.CLOSED, Actor.SYSTEM, Map.of("by", "download"), now);
        }
        return file;
    }

    /**
     * The approved answer of a request that no link can reach, for those who work requests to print or hand over
     * ({@code requests.answer-taken}, with the package's SHA-256 and size).
     *
     * @throws RequestProblem 409 while the answer is not approved, once the personal information is destroyed, or when
     *     the answer goes by link to a verified email or phone (only the person downloads it then)
     */
    @Transactional
    public AnswerFile byHand(java.util.UUID requestId, Actor actor) {
        var request =
                requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        var draft = responses.find(requestId).filter(d -> byHand(request));
        if (draft.isEmpty()) { // the one reason, not the three (officer's walk)
            throw RequestSteps.notNow(
                    request,
                    request.purgedAt() != null
                            ? "answer-destroyed"
                            : request.linkTo() != null ? "answer-by-link" : "answer-not-approved");
        }
        var file = packages.file(request, draft.get());
        facts.record(
                "answer-taken",
                requestId,
                actor,
                Map.of(
                        "sha256",
                        ca.gardien.shared.Digests.sha256Hex(file.zip()),
                        "size",
                        String.valueOf(file.zip().length)));
        return file;
    }

    /**
     * The drafted or approved answer's letter as it would go out now ({@link AccessPackage#preview}): nothing sent,
     * kept or recorded.
     *
     * @throws RequestProblem 409 when there is no answer to read before sending: none drafted yet, or sent already
     */
    @Transactional(readOnly = true)
    public AnswerLetter preview(java.util.UUID requestId) {
        var request =
                requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        if (request.status() != RequestStatus.RESPONSE_DRAFTED && request.status() != RequestStatus.APPROVED) {
            var sent = request.status() == RequestStatus.SENT || request.status() == RequestStatus.CLOSED;
            throw RequestSteps.notNow(request, sent ? "preview-sent" : "preview-no-draft");
        }
        var draft = responses.find(requestId).orElseThrow(() -> RequestSteps.notNow(request, "preview-no-draft"));
        return packages.preview(request, draft);
    }

    /** Whether the request's approved answer is handed over by post or in person, and is still kept. */
    static boolean byHand(RightsRequest request) {
        return request.linkTo() == null
                && request.purgedAt() == null
                && java.util.EnumSet.of(RequestStatus.APPROVED, RequestStatus.SENT, RequestStatus.CLOSED)
                        .contains(request.status());
    }

    /** How an answer may be handed over when no link can reach the person: chosen by staff on sending. */
    static final List<String> BY_HAND = List.of("POSTAL", "IN_PERSON");

    /**
     * How the answer goes: {@code EMAIL} or {@code SMS} when a link can reach the person, else the way staff chose
     * ({@code POSTAL}, {@code IN_PERSON}); null when none was (or a way that is not one of those).
     */
    static String channel(ca.gardien.shared.IdentifierKind linkTo, String delivery) {
        if (linkTo != null) {
            return linkTo == ca.gardien.shared.IdentifierKind.EMAIL ? "EMAIL" : "SMS";
        }
        return delivery != null && BY_HAND.contains(delivery.strip()) ? delivery.strip() : null;
    }
}
