package ca.gardien.complaints;

import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * Who acts on a complaint file. The file is confidential: the person in charge and delegates see every file; a staff
 * member only the files assigned to them; no one else, auditors included.
 */
record ComplaintCaller(Actor actor, Set<Role> roles, Optional<UUID> accountId) {

    ComplaintCaller {
        roles = Set.copyOf(roles);
    }

    static ComplaintCaller of(Authentication auth) {
        return new ComplaintCaller(CurrentActor.of(auth), CurrentActor.roles(auth), CurrentActor.accountId(auth));
    }

    /** The person in charge and delegates: every file, the assignment of files. */
    boolean decides() {
        return roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
    }

    /** Whether this caller may open the file. */
    boolean mayOpen(Complaint complaint) {
        return decides()
                || (roles.contains(Role.STAFF)
                        && complaint.assignedTo() != null
                        && accountId.filter(complaint.assignedTo()::equals).isPresent());
    }

    /** Takes intake of new complaints (officer entry, the API): those who may work files. */
    boolean receives() {
        return decides() || roles.contains(Role.STAFF);
    }
}
