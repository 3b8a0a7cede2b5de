package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.ProblemTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves every identifier a request matches on: a one-time code by email or SMS (six digits, stored as a keyed digest,
 * expiring, rate-limited, locked after repeated failures), or a staff check for a customer number. When every
 * identifier and every required review is done, {@link RequestProgress} moves the request on.
 */
@Service
public class IdentityVerification {

    private final RequestStore store;
    private final RequestKey key;
    private final CodeDelivery delivery;
    private final RequestFacts facts;
    private final RequestProgress progress;
    private final RequestsProperties.Verification settings;
    private final Clock clock;

    IdentityVerification(
            RequestStore store,
            RequestKey key,
            CodeDelivery delivery,
            RequestFacts facts,
            RequestProgress progress,
            RequestsProperties properties,
            Clock clock) {
        this.store = store;
        this.key = key;
        this.delivery = delivery;
        this.facts = facts;
        this.progress = progress;
        this.settings = properties.verification();
        this.clock = clock;
    }

    /** Sends a new one-time code to the identifier (replacing any earlier one), within the hourly limit. */
    @Transactional
    public void sendCode(UUID requestId, IdentifierKind kind, Actor actor) {
        var request = open(requestId);
        var row = row(requestId, kind);
        var now = clock.instant();
        if (!kind.takesCode() || row.verified()) {
            throw failed(HttpStatus.CONFLICT, "This identifier takes no code.");
        }
        if (row.lockedAt(now)) {
            throw failed(HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts; try again later.");
        }
        boolean sameWindow =
                row.codesSince() != null && now.isBefore(row.codesSince().plus(Duration.ofHours(1)));
        int sent = sameWindow ? row.codesSent() : 0;
        if (sent >= settings.maxCodesPerHour()) {
            throw failed(HttpStatus.TOO_MANY_REQUESTS, "Too many codes sent; try again later.");
        }
        var code = RequestKey.code();
        store.update(new IdentifierRow(
                requestId,
                kind,
                row.value(),
                row.digest(),
                null,
                null,
                key.digest("code:" + requestId + ":" + kind, code),
                now.plus(settings.codeValidFor()),
                row.failedAttempts(),
                row.lockedUntil(),
                sameWindow ? row.codesSince() : now,
                sent + 1));
        delivery.deliver(request, row, code);
        facts.record("code-sent", requestId, actor, Map.of("kind", kind.name()));
    }

    /**
     * Checks a code typed by the person. A wrong code counts (and is committed) even though the call fails.
     *
     * @throws RequestProblem 400 for a wrong or expired code, 429 while the identifier is locked
     */
    @Transactional(noRollbackFor = RequestProblem.class)
    public RightsRequest verify(UUID requestId, IdentifierKind kind, String code) {
        open(requestId);
        var row = row(requestId, kind);
        var now = clock.instant();
        if (row.verified()) {
            return store.find(requestId).orElseThrow();
        }
        if (row.lockedAt(now)) {
            throw failed(HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts; try again later.");
        }
        if (row.codeDigest() == null || !now.isBefore(row.codeExpiresAt())) {
            throw failed(HttpStatus.BAD_REQUEST, "The code has expired; ask for a new one.");
        }
        var actor = new Actor(Actor.Kind.SUBJECT, "request:" + requestId);
        var given = code == null ? "" : code.strip();
        if (!RequestKey.sameDigest(row.codeDigest(), key.digest("code:" + requestId + ":" + kind, given))) {
            wrongCode(row, now, actor);
            throw failed(HttpStatus.BAD_REQUEST, "The code is not valid.");
        }
        store.update(verified(row, now, "CODE"));
        facts.record("identifier-verified", requestId, actor, Map.of("kind", kind.name(), "method", "CODE"));
        progress.afterProof(requestId, actor);
        return store.find(requestId).orElseThrow();
    }

    /** Staff confirm an identifier themselves (a customer number checked against the customer file). */
    @Transactional
    public RightsRequest confirm(UUID requestId, IdentifierKind kind, Actor actor) {
        open(requestId);
        var row = row(requestId, kind);
        if (!row.verified()) {
            store.update(verified(row, clock.instant(), "STAFF"));
            facts.record("identifier-verified", requestId, actor, Map.of("kind", kind.name(), "method", "STAFF"));
        }
        progress.afterProof(requestId, actor);
        return store.find(requestId).orElseThrow();
    }

    /** Staff review of the proof of identity, required when sensitive information is in scope. */
    @Transactional
    public RightsRequest review(UUID requestId, boolean approved, Actor actor) {
        var request = open(requestId);
        if (request.identityReview() != RightsRequest.Review.PENDING) {
            throw RequestSteps.wrongState(request, request.status());
        }
        var review = approved ? RightsRequest.Review.APPROVED : RightsRequest.Review.REJECTED;
        store.review(requestId, review, clock.instant());
        facts.record("identity-reviewed", requestId, actor, Map.of("review", review.name()));
        progress.afterProof(requestId, actor);
        return store.find(requestId).orElseThrow();
    }

    private void wrongCode(IdentifierRow row, Instant now, Actor actor) {
        int failures = row.failedAttempts() + 1;
        boolean lock = failures >= settings.maxAttempts();
        store.update(new IdentifierRow(
                row.requestId(),
                row.kind(),
                row.value(),
                row.digest(),
                null,
                null,
                lock ? null : row.codeDigest(),
                lock ? null : row.codeExpiresAt(),
                lock ? 0 : failures,
                lock ? now.plus(settings.lockFor()) : row.lockedUntil(),
                row.codesSince(),
                row.codesSent()));
        facts.record(
                lock ? "verification-locked" : "verification-failed",
                row.requestId(),
                actor,
                Map.of("kind", row.kind().name(), "attempt", String.valueOf(failures)));
    }

    private static IdentifierRow verified(IdentifierRow row, Instant now, String method) {
        return new IdentifierRow(
                row.requestId(),
                row.kind(),
                row.value(),
                row.digest(),
                now,
                method,
                null,
                null,
                0,
                null,
                row.codesSince(),
                row.codesSent());
    }

    private RightsRequest open(UUID requestId) {
        var request = store.find(requestId).orElseThrow(() -> new NotFoundException("request", requestId));
        if (!request.status().isOpen()) {
            throw RequestSteps.wrongState(request, request.status());
        }
        return request;
    }

    private IdentifierRow row(UUID requestId, IdentifierKind kind) {
        return store.identifiers(requestId).stream()
                .filter(i -> i.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("identifier of kind", kind));
    }

    private static RequestProblem failed(HttpStatus status, String detail) {
        return new RequestProblem(status, ProblemTypes.VERIFICATION_FAILED, "Verification failed", detail, Map.of());
    }
}
