package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a version in review back to draft with the reasons, instead of approving it: whoever may approve it (the
 * person in charge, or the substitute during a recorded absence) may send it back, a version the substitute wrote too
 * (sending back approves nothing). The version is editable again; its page lists every return (when, as whom, why),
 * approved or not; the ledger fact {@code governance.returned-to-draft} names the actor and the reasons' digest and length.
 * Race-safe with approval: both update the row only at the version read, so a version approved meanwhile is a 409
 * that says so, and the approval stands.
 */
@Service
class PolicyReturns {

    static final int MAX_REASON = 4000;

    /** The reasons, as the API reads them. */
    record Reasons(String reason) {}

    private final PolicyStore store;
    private final PolicyReads reads;
    private final ActingOfficer officer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyReturns(
            PolicyStore store,
            PolicyReads reads,
            ActingOfficer officer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.reads = reads;
        this.officer = officer;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    PolicyVersion toDraft(String policyId, int number, String reason, GovernanceCaller caller) {
        caller.requireWriter();
        var version = reads.find(policyId, number);
        var as = officer.approvesAs(caller);
        if (as.isEmpty()) {
            fact("return-refused", caller, version, Map.of());
            throw new AccessDeniedException("governance.approval");
        }
        var errors = new ArrayList<FieldError>();
        var text = GovernanceText.WORDS.prose(errors, "reason", reason, MAX_REASON, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        refuseUnlessInReview(version);
        var stripped = text.strip();
        var returned = new PolicyVersion.Returned(clock.instant(), as.get(), stripped);
        var draft = new PolicyVersion(
                policyId,
                number,
                PolicyStatus.DRAFT,
                version.sections(),
                null,
                version.createdAt(),
                null,
                null,
                null,
                null,
                returned,
                version.rowVersion());
        if (!store.update(draft)) {
            // approved (or sent back) between our read and our update: the approval stands, and the answer says so
            refuseUnlessInReview(reads.find(policyId, number));
            throw new ConflictException("governance.conflict.changed", number);
        }
        store.addReturn(policyId, number, returned);
        fact(
                "returned-to-draft",
                caller,
                version,
                Map.of(
                        "as", as.get(),
                        "reasonSha256", Digests.sha256Hex(stripped),
                        "reasonLength", String.valueOf(stripped.length())));
        return reads.shown(store.version(policyId, number).orElseThrow());
    }

    /** Every return of the version to draft (when, as whom, why), the first first: kept once it is approved. */
    List<PolicyVersion.Returned> of(String policyId, int number) {
        return store.returns(policyId, number);
    }

    private static void refuseUnlessInReview(PolicyVersion version) {
        switch (version.status()) {
            case REVIEW -> {}
            case APPROVED, PUBLISHED ->
                throw new ConflictException("governance.conflict.return-approved", version.number());
            default -> throw new ConflictException("governance.conflict.return-not-in-review", version.number());
        }
    }

    private void fact(String step, GovernanceCaller caller, PolicyVersion v, Map<String, String> more) {
        var payload = new java.util.HashMap<>(more);
        payload.put("version", String.valueOf(v.number()));
        if (v.sha256() != null) {
            payload.put("sha256", v.sha256());
        }
        events.publishEvent(
                Evidence.of(clock.instant(), caller.actor(), "governance." + step, "policy", v.policyId(), payload));
    }
}
