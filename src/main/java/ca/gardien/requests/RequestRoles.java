package ca.gardien.requests;

import ca.gardien.organization.Role;
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
        boolean works = works(roles);
        var status = request.status();
        return new RequestView.Actions(
                decides(roles) && status == RequestStatus.RECEIVED && request.personProof() == null,
                works && status.isOpen(),
                decides(roles) && status == RequestStatus.RESPONSE_DRAFTED,
                works && status == RequestStatus.APPROVED,
                works && status == RequestStatus.SENT,
                works
                        && status.isOpen()
                        && request.extendedDueOn() != null
                        && !request.extendedDueOn().equals(request.dueOn()));
    }
}
