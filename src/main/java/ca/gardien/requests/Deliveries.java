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
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    /** The links whose package this node is building now: one at a time per link. */
    private final java.util.Set<String> building = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Deliveries(
            ResponseStore responses,
            RequestStore requests,
            AccessPackage packages,
            @Qualifier(RequestsConfiguration.KEY) KeyedDigest key,
            RequestFacts facts,
            Deadlines deadlines,
            Clock clock,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
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
     * The answer, once: its package is built (the letter's PDF rendered) before any transaction, then the link is spent
     * and the request closed in a short one; a build that fails leaves the link as it was, and no rendering holds the
     * link's row while it runs (code review: a write waited for a PDF's turn with its transaction open). It takes no
     * reader's download turn ({@link ca.gardien.shared.PdfDownloads}); one build at a time per link instead, another
     * asked for meanwhile refused at once (429), so that one link posted many times at once cannot hold the processors.
     *
     * @throws NotFoundException for a token that was never issued
     * @throws RequestProblem 410 for a link already used or expired
     */
    public AnswerFile download(String token) {
        var digest = digest(token);
        if (!building.add(digest)) {
            throw ca.gardien.shared.BusyException.callersOwn("answer-download", java.time.Duration.ofSeconds(5));
        }
        try {
            return download(token, digest);
        } finally {
            building.remove(digest);
        }
    }

    private AnswerFile download(String token, String digest) {
        var now = clock.instant();
        var answer = transactions.execute(status -> {
            var link = link(token);
            if (link.downloadedAt() != null || !now.isBefore(link.expiresAt())) {
                throw new RequestProblem(Refusal.DOWNLOAD_GONE, "download-gone", Map.of());
            }
            var request = requests.find(link.requestId()).orElseThrow();
            return new Answer(request, responses.find(request.id()).orElseThrow());
        });
        var file = packages.file(answer.request(), answer.draft());
        var zip = file.zip();
        transactions.executeWithoutResult(status -> {
            if (!responses.use(digest, now)) { // another download of the same link got there first
                throw new RequestProblem(Refusal.DOWNLOAD_GONE, "download-gone", Map.of());
            }
            var request = requests.find(answer.request().id()).orElseThrow();
            var person = new Actor(Actor.Kind.SUBJECT, "request:" + request.id());
            facts.record(
                    "downloaded",
                    request.id(),
                    person,
                    Map.of("sha256", ca.gardien.shared.Digests.sha256Hex(zip), "size", String.valueOf(zip.length)));
            // the person downloaded; Gardien closed the request (the person did not ask to close it). A request the
            // officer closed already (their bookkeeping, the answer not yet delivered) stays closed: its link works
            // until it expires or is used (officer's walk of 2026-12-07: its download answered a 500)
            if (request.status() != RequestStatus.CLOSED) {
                RequestSteps.move(
                        requests, facts, request, RequestStatus.CLOSED, Actor.SYSTEM, Map.of("by", "download"), now);
            }
        });
        return file;
    }

    /** A request and its approved answer, as read before its package is built. */
    private record Answer(RightsRequest request, ResponseDraft draft) {}

    /**
     * The approved answer of a request that no link can reach, for those who work requests to print or hand over
     * ({@code requests.answer-taken}, with the package's SHA-256 and size).
     *
     * Its package is built between two short transactions, the second recording it ({@link #download}).
     *
     * @throws RequestProblem 409 while the answer is not approved, once the personal information is destroyed, or when
     *     the answer goes by link to a verified email or phone (only the person downloads it then)
     */
    public AnswerFile byHand(java.util.UUID requestId, Actor actor) {
        var answer = transactions.execute(status -> handedOver(requestId));
        var file = packages.file(answer.request(), answer.draft()); // before the transaction that records it
        transactions.executeWithoutResult(status -> {
            handedOver(requestId); // still to hand over: not destroyed meanwhile
            facts.record(
                    "answer-taken",
                    requestId,
                    actor,
                    Map.of(
                            "sha256",
                            ca.gardien.shared.Digests.sha256Hex(file.zip()),
                            "size",
                            String.valueOf(file.zip().length)));
        });
        return file;
    }

    private Answer handedOver(java.util.UUID requestId) {
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
        return new Answer(request, draft.get());
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
