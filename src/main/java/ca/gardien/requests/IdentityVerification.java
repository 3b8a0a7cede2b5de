package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.RateLimitedException;
import ca.gardien.shared.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves email and phone identifiers with a one-time code (six digits, stored as a keyed digest, expiring, limited per
 * hour and per identifier, locked after repeated failures). Every limit is taken by a conditional update
 * ({@link IdentifierCounters}), so parallel calls cannot exceed it. Staff-provable proofs are {@link StaffProofs}'.
 * When every identifier and every required review is done, {@link RequestProgress} moves the request on.
 */
@Service
public class IdentityVerification {

    static final String CODES_PER_IDENTIFIER = "requests.codes-per-identifier";
    static final String STAFF_CODES_PER_IDENTIFIER = "requests.staff-codes-per-identifier";

    private final RequestStore store;
    private final IdentifierCounters counters;
    private final KeyedDigest key;
    private final CodeDelivery delivery;
    private final RequestFacts facts;
    private final RequestProgress progress;
    private final RateLimits limits;
    private final RequestsProperties properties;
    private final Clock clock;

    IdentityVerification(
            RequestStore store,
            IdentifierCounters counters,
            @Qualifier(RequestsConfiguration.KEY) KeyedDigest key,
            CodeDelivery delivery,
            RequestFacts facts,
            RequestProgress progress,
            RateLimits limits,
            RequestsProperties properties,
            Clock clock) {
        this.store = store;
        this.counters = counters;
        this.key = key;
        this.delivery = delivery;
        this.facts = facts;
        this.progress = progress;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends a new one-time code to the identifier (replacing any earlier one), within the hourly limit of the request's
     * identifier and the daily limit of the identifier across requests: the public one when the person asks (an
     * anonymous call), the staff one when staff, an API token or a controller asks ({@link #dailyLimit}). A text goes
     * out only within the organization's SMS budget, else the code is held back as the caller's answer stays the same.
     */
    @Transactional
    public void sendCode(UUID requestId, IdentifierKind kind, Actor actor) {
        var request = open(requestId);
        var row = row(requestId, kind);
        var now = clock.instant();
        var code = OneTimeSecrets.code();
        if (!row.takesCodes() || !claim(requestId, kind, now, code)) { // no text to a premium-rate number
            var current = row(requestId, kind);
            if (!takesCode(kind) || !row.takesCodes() || current.verified()) {
                throw failed(Refusal.NO_CODE_TAKEN, "no-code-taken");
            }
            if (current.lockedAt(now)) {
                throw failed(Refusal.TOO_MANY_ATTEMPTS, "too-many-attempts");
            }
            throw failed(Refusal.TOO_MANY_ATTEMPTS, "too-many-codes");
        }
        // the same email or phone, whatever the request: rolls the claim back when refused
        var daily = dailyLimit(actor);
        limits.consume(daily.getKey(), daily.getValue(), row.digest());
        delivery.deliver(request, row, code, actor);
    }

    /**
     * The first code of an identifier just received, in the intake's transaction. Beyond the identifier's daily limit
     * the request stays received and only the code is held back ({@code requests.code-withheld}, with the limit's name):
     * recording a request starts its legal time, so nobody can stop one by spending a quota (nor a premium number
     * staff entered gets one). Staff then send a code later or check the person another way. Never throws for a limit.
     */
    void sendAtIntake(RightsRequest request, IdentifierRow row, Actor actor) {
        if (!row.takesCodes()) {
            withheld(request.id(), row.kind(), actor, "requests.phone-not-textable");
            return;
        }
        var daily = dailyLimit(actor);
        try {
            limits.consume(daily.getKey(), daily.getValue(), row.digest());
        } catch (RateLimitedException e) {
            withheld(request.id(), row.kind(), actor, e.limit());
            return;
        }
        var code = OneTimeSecrets.code();
        if (!claim(request.id(), row.kind(), clock.instant(), code)) {
            throw new IllegalStateException("a new identifier takes its first code");
        }
        delivery.deliver(request, row, code, actor);
    }

    /**
     * Records that the identifier's code was held back by {@code limit} (its name, never the identifier), and stores a
     * code nobody receives: a guess is answered as at any code (attacker: "expired" there, "invalid" elsewhere).
     */
    void withheld(UUID requestId, IdentifierKind kind, Actor actor, String limit) {
        claim(requestId, kind, clock.instant(), OneTimeSecrets.code());
        facts.record("code-withheld", requestId, actor, Map.of("kind", kind.name(), "limit", limit));
    }

    /**
     * The daily limit of codes to one email or phone a call counts against: an anonymous call's (the public form and
     * code pages) or staff's, API tokens' and controllers' own, which nobody can spend through the public pages.
     */
    private Map.Entry<String, RateLimits.Quota> dailyLimit(Actor actor) {
        return actor.kind() == Actor.Kind.SUBJECT
                ? Map.entry(CODES_PER_IDENTIFIER, properties.limits().codesPerIdentifier())
                : Map.entry(STAFF_CODES_PER_IDENTIFIER, properties.limits().staffCodesPerIdentifier());
    }

    private boolean claim(UUID requestId, IdentifierKind kind, Instant now, String code) {
        var settings = properties.verification();
        return takesCode(kind)
                && counters.claimSend(
                        requestId,
                        kind,
                        now,
                        now.minus(Duration.ofHours(1)),
                        settings.maxCodesPerHour(),
                        codeDigest(requestId, kind, code),
                        now.plus(settings.codeValidFor()));
    }

    /**
     * Checks a code typed by the person. Each check first takes one attempt (at most {@code max-attempts} per code, taken
     * atomically), then compares; a wrong code counts (and is committed) even though the call fails.
     *
     * @throws RequestProblem 400 for a wrong or expired code, 429 while the identifier is locked
     */
    @Transactional(noRollbackFor = RequestProblem.class)
    public RightsRequest verify(UUID requestId, IdentifierKind kind, String code) {
        var before = open(requestId);
        row(requestId, kind);
        var now = clock.instant();
        int max = properties.verification().maxAttempts();
        if (!counters.claimAttempt(requestId, kind, now, max)) {
            var row = row(requestId, kind);
            if (row.verified()) {
                return store.find(requestId).orElseThrow();
            }
            if (row.lockedAt(now) || row.failedAttempts() >= max) {
                throw failed(Refusal.TOO_MANY_ATTEMPTS, "too-many-attempts");
            }
            throw failed(Refusal.CODE_REJECTED, "code-expired");
        }
        var row = row(requestId, kind); // this transaction holds the row: the attempt just taken is ours
        var actor = new Actor(Actor.Kind.SUBJECT, "request:" + requestId);
        var given = code == null ? "" : code.strip();
        if (!KeyedDigest.same(row.codeDigest(), codeDigest(requestId, kind, given))) {
            wrongCode(row, now, actor);
            throw failed(Refusal.CODE_REJECTED, "code-invalid");
        }
        counters.markVerified(requestId, kind, now, "CODE");
        facts.record("identifier-verified", requestId, actor, Map.of("kind", kind.name(), "method", "CODE"));
        progress.afterProof(before, actor);
        return store.find(requestId).orElseThrow();
    }

    /**
     * Staff review of the proof of identity, required when sensitive information is in scope. A rejected proof may be
     * reviewed again (a better copy, a second look) and accepted, until the request is answered; rejecting it twice
     * changes nothing and is refused.
     */
    @Transactional
    public RightsRequest review(UUID requestId, boolean approved, Actor actor) {
        var request = open(requestId);
        var again = request.identityReview() == RightsRequest.Review.REJECTED
                && (request.status() == RequestStatus.RECEIVED || RequestRoles.identityRefusalDrafted(request))
                && approved;
        if (request.identityReview() != RightsRequest.Review.PENDING && !again) {
            throw RequestSteps.notNow(request, "no-review-pending");
        }
        var review = approved ? RightsRequest.Review.APPROVED : RightsRequest.Review.REJECTED;
        store.review(requestId, review, clock.instant());
        facts.record("identity-reviewed", requestId, actor, Map.of("review", review.name()));
        progress.afterProof(request, actor);
        return store.find(requestId).orElseThrow();
    }

    private void wrongCode(IdentifierRow row, Instant now, Actor actor) {
        int attempt = row.failedAttempts();
        boolean lock = attempt >= properties.verification().maxAttempts();
        if (lock) {
            counters.lock(
                    row.requestId(),
                    row.kind(),
                    now.plus(properties.verification().lockFor()));
        }
        facts.record(
                lock ? "verification-locked" : "verification-failed",
                row.requestId(),
                actor,
                Map.of("kind", row.kind().name(), "attempt", String.valueOf(attempt)));
    }

    private String codeDigest(UUID requestId, IdentifierKind kind, String code) {
        return key.digest("code:" + requestId + ":" + kind, code);
    }

    RightsRequest open(UUID requestId) {
        var request =
                store.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        if (!request.status().isOpen()) {
            throw RequestSteps.notNow(request, "finished-identity");
        }
        return request;
    }

    IdentifierRow row(UUID requestId, IdentifierKind kind) {
        return store.identifiers(requestId).stream()
                .filter(i -> i.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("requests.object.identifier-of-kind", kind));
    }

    private static RequestProblem failed(Refusal refusal, String what) {
        return new RequestProblem(refusal, "verification-failed", what, Map.of());
    }

    /**
     * Email and phone are proven only by a one-time code sent to them: nobody can mark them verified. A customer number
     * is staff-provable instead ({@link StaffProofs}).
     */
    static boolean takesCode(IdentifierKind kind) {
        return kind == IdentifierKind.EMAIL || kind == IdentifierKind.PHONE;
    }
}
