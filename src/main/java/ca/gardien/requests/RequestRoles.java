package ca.gardien.requests;

import ca.gardien.organization.Role;
import ca.gardien.shared.IdentifierKind;
import java.util.EnumSet;
import java.util.Set;

/** Who may do what on a request: the rules the request page shows and the workflow endpoints enforce. */
final class RequestRoles {

    private RequestRoles() {}

    /** Those who work requests: they see identifiers in clear and take the steps of an open request. */
    static boolean works(Set<Role> roles) {
        return roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE) || roles.contains(Role.STAFF);
    }

    /** The person in charge and delegates: they approve responses and prove the person as a whole. */
    static boolean decides(Set<Role> roles) {
        return roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
    }

    static RequestView.Actions allowed(RightsRequest request, Set<Role> roles) {
        return allowed(request, roles, false, true);
    }

    /**
     * @param proofFiled the person's letter was filed with the request: a proof staff can review before any code is
     *     typed (a representative's document has its own review)
     * @param tasksDone every task of the request is done (a response is drafted only then: the draft step refuses it
     *     before, so the page must not offer the form)
     */
    static RequestView.Actions allowed(RightsRequest request, Set<Role> roles, boolean proofFiled, boolean tasksDone) {
        boolean works = works(roles);
        var status = request.status();
        return new RequestView.Actions(
                decides(roles)
                        && (status == RequestStatus.RECEIVED || identityRefusalDrafted(request))
                        && request.personProof() == null,
                works && status.isOpen(),
                decides(roles) && status == RequestStatus.RESPONSE_DRAFTED,
                works && status == RequestStatus.APPROVED,
                works && status == RequestStatus.SENT,
                works
                        && status.isOpen()
                        && request.extendedDueOn() != null
                        && !request.extendedDueOn().equals(request.dueOn()),
                works && reviewable(request, proofFiled),
                works
                        && (DRAFTABLE.contains(status) && (status != RequestStatus.IN_PROGRESS || tasksDone)
                                || identityRefusable(request)),
                works && status == RequestStatus.RECEIVED ? codeKinds(request) : Set.of(),
                works && request.purgedAt() == null,
                works && Deliveries.byHand(request));
    }

    /**
     * The proof of identity was rejected: the request can be answered with a reasoned refusal (identity not established)
     * while nothing else moves it on.
     */
    static boolean identityRefusable(RightsRequest request) {
        return request.status() == RequestStatus.RECEIVED
                && request.identityReview() == RightsRequest.Review.REJECTED
                && !request.identityProven();
    }

    /**
     * A refusal was drafted (or approved, not yet sent) because the identity was not established: the identity can
     * still be verified another way (a check of the person, the proof accepted on a second look), which withdraws it.
     * Only such a request is drafted or approved while its identity is unproven.
     */
    static boolean identityRefusalDrafted(RightsRequest request) {
        return (request.status() == RequestStatus.RESPONSE_DRAFTED || request.status() == RequestStatus.APPROVED)
                && !request.identityProven();
    }

    /** Statuses from which a draft response can be saved (the tasks are open or done). */
    private static final Set<RequestStatus> DRAFTABLE =
            EnumSet.of(RequestStatus.IN_PROGRESS, RequestStatus.RESPONSE_DRAFTED, RequestStatus.APPROVED);

    /**
     * A pending (or rejected) proof review has something to review: the person's letter, a check of the person, or
     * every identifier proven and one of them by staff (a customer number confirmed against the file). Codes typed alone
     * are no proof to review: a portal request without any is reviewed once staff record a check.
     */
    private static boolean reviewable(RightsRequest request, boolean proofFiled) {
        var proven = !request.identifiers().isEmpty()
                && request.identifiers().stream().allMatch(RightsRequest.IdentifierState::verified)
                && request.identifiers().stream().anyMatch(i -> i.proof() != null);
        return request.status().isOpen()
                && (request.identityReview() == RightsRequest.Review.PENDING
                        // a rejected proof can be reviewed again and accepted while the request is not answered
                        || request.identityReview() == RightsRequest.Review.REJECTED
                                && (request.status() == RequestStatus.RECEIVED || identityRefusalDrafted(request)))
                && (proofFiled || request.personProof() != null || proven);
    }

    /** The unverified, unlocked identifiers a new code can prove (email and phone). */
    private static Set<IdentifierKind> codeKinds(RightsRequest request) {
        var kinds = EnumSet.noneOf(IdentifierKind.class);
        request.identifiers().stream()
                .filter(i -> IdentityVerification.takesCode(i.kind()) && !i.verified() && !i.locked())
                .forEach(i -> kinds.add(i.kind()));
        return kinds;
    }
}
