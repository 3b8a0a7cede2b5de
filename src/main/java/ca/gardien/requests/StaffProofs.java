package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proofs of identity made by staff, always with a basis and a reason: a customer number confirmed against the customer
 * file ({@link #confirm}), or the person as a whole checked in person or through another channel by the person in
 * charge or a delegate ({@link #provePerson}). An email or a phone cannot be confirmed: only the code sent to it proves
 * it, and a person proof does not mark it verified either (connectors search and answers go only by verified
 * identifiers). The ledger fact carries the basis and the reason's length, never its text.
 */
@Service
public class StaffProofs {

    private final IdentityVerification verification;
    private final RequestStore store;
    private final IdentifierCounters counters;
    private final StaffProofStore proofs;
    private final RequestFacts facts;
    private final RequestProgress progress;
    private final Clock clock;

    StaffProofs(
            IdentityVerification verification,
            RequestStore store,
            IdentifierCounters counters,
            StaffProofStore proofs,
            RequestFacts facts,
            RequestProgress progress,
            Clock clock) {
        this.verification = verification;
        this.store = store;
        this.counters = counters;
        this.proofs = proofs;
        this.facts = facts;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Staff confirm a staff-provable identifier (the customer number) themselves.
     *
     * @param basis {@code CUSTOMER_RECORD_MATCH}, {@code IN_PERSON_ID_CHECK} or {@code OTHER}
     * @param reason what was checked, 1-500 characters
     * @throws RequestProblem 409 {@code code-required} for an email or phone
     * @throws InvalidInputException naming {@code basis} or {@code reason}
     */
    @Transactional
    public RightsRequest confirm(UUID requestId, IdentifierKind kind, String basis, String reason, Actor actor) {
        verification.open(requestId);
        verification.row(requestId, kind);
        if (kind != IdentifierKind.CUSTOMER) { // only a customer number is staff-provable
            throw codeRequired(kind);
        }
        var proof = proof(StaffProof.Basis.CUSTOMER_RECORD_MATCH, basis, reason, false, actor);
        return record(requestId, kind, proof, actor);
    }

    /**
     * OpenCompliance: the controller's own customer id, sent with the controller's token, is vouched for by the
     * controller (basis {@code CONTROLLER_ASSERTION}); emails and phones still need their codes.
     */
    @Transactional
    public RightsRequest confirmForController(UUID requestId, Actor controller) {
        verification.open(requestId);
        verification.row(requestId, IdentifierKind.CUSTOMER);
        var proof = new StaffProof(
                StaffProof.Basis.CONTROLLER_ASSERTION,
                "Customer id sent by the controller with its API token (OpenCompliance).",
                clock.instant(),
                controller.kind() + ":" + controller.id());
        return record(requestId, IdentifierKind.CUSTOMER, proof, controller);
    }

    /**
     * The person in charge or a delegate checked the person as a whole (identity documents in person, or another
     * channel described in the reason): the request's identity is proven without any identifier being marked verified.
     * After a rejected proof of identity, this check stands for the review and moves the request on.
     *
     * @param basis {@code IN_PERSON_ID_CHECK} or {@code OTHER}
     */
    @Transactional
    public RightsRequest provePerson(UUID requestId, String basis, String reason, Actor actor) {
        var request = verification.open(requestId);
        var proof = proof(StaffProof.Basis.IN_PERSON_ID_CHECK, basis, reason, true, actor);
        store.lock(requestId, clock.instant());
        if (request.personProof() != null || !proofs.insert(requestId, StaffProofStore.PERSON, proof)) {
            throw new RequestProblem(Refusal.ALREADY_PROVEN, "already-proven", Map.of());
        }
        facts.record("person-verified", requestId, actor, fact(proof));
        if (request.identityReview() == RightsRequest.Review.REJECTED) {
            // the proof was rejected and the person in charge or a delegate checked the person another way: that check
            // is the review of the identity now (it moves the request on; the rejection stays in the ledger)
            store.review(requestId, RightsRequest.Review.APPROVED, clock.instant());
            facts.record("identity-reviewed", requestId, actor, Map.of("review", "APPROVED", "by", "person-verified"));
        }
        progress.afterProof(request, actor);
        return store.find(requestId).orElseThrow();
    }

    private RightsRequest record(UUID requestId, IdentifierKind kind, StaffProof proof, Actor actor) {
        var before = store.find(requestId).orElseThrow();
        if (counters.markVerified(requestId, kind, proof.recordedAt(), "STAFF")) {
            proofs.insert(requestId, kind.name(), proof);
            var payload = fact(proof);
            payload.put("kind", kind.name());
            payload.put("method", "STAFF");
            facts.record("identifier-verified", requestId, actor, payload);
        }
        progress.afterProof(before, actor);
        return store.find(requestId).orElseThrow();
    }

    private StaffProof proof(StaffProof.Basis fallback, String basis, String reason, boolean person, Actor actor) {
        var errors = new ArrayList<FieldError>();
        var chosen = basis == null || basis.isBlank() ? fallback : parse(basis);
        if (chosen == null || !chosen.chosenByStaff(person)) {
            errors.add(FieldError.of("basis", "shared.field.one-of", allowed(person)));
        }
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            errors.add(FieldError.of("reason", "requests.field.reason-required"));
        } else if (text.length() > StaffProof.MAX_REASON
                || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(FieldError.of("reason", "requests.field.reason-too-long", StaffProof.MAX_REASON));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StaffProof(chosen, text, clock.instant(), actor.kind() + ":" + actor.id());
    }

    private static Map<String, String> fact(StaffProof proof) {
        var payload = new java.util.HashMap<String, String>();
        payload.put("basis", proof.basis().name());
        payload.put("reasonLength", String.valueOf(proof.reason().length()));
        return payload;
    }

    private static StaffProof.Basis parse(String basis) {
        return Arrays.stream(StaffProof.Basis.values())
                .filter(b -> b.name().equals(basis.strip()))
                .findFirst()
                .orElse(null);
    }

    private static java.util.List<String> allowed(boolean person) {
        return Arrays.stream(StaffProof.Basis.values())
                .filter(b -> b.chosenByStaff(person))
                .map(Enum::name)
                .toList();
    }

    private static RequestProblem codeRequired(IdentifierKind kind) {
        return new RequestProblem(Refusal.CODE_REQUIRED, "code-required", Map.of("kind", kind.name()), kind);
    }
}
