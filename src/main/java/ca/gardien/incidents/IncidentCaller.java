package ca.gardien.incidents;

import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * Who acts on the register, as for rights requests: the person in charge and delegates read and write every entry,
 * auditors read every entry, a staff member reads only the entries assigned to them and records their measures.
 */
@org.springframework.modulith.NamedInterface("views")
public record IncidentCaller(Actor actor, Set<Role> roles, Optional<UUID> accountId) {

    public IncidentCaller {
        roles = Set.copyOf(roles);
    }

    public static IncidentCaller of(Authentication auth) {
        return new IncidentCaller(CurrentActor.of(auth), CurrentActor.roles(auth), CurrentActor.accountId(auth));
    }

    /** The person in charge and delegates: every entry, every step, the assignment. */
    public boolean writes() {
        return roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
    }

    /** Whether this caller may read the entry. */
    public boolean reads(Incident incident) {
        return writes() || roles.contains(Role.AUDITOR) || assignedTo(incident);
    }

    /**
     * Whether this caller may read the notices' texts: those who write the register and auditors, as in the API; a
     * staff member works on measures, not on what the Commission and the persons are told.
     */
    public boolean readsNotices() {
        return writes() || roles.contains(Role.AUDITOR);
    }

    /** Whether this caller may record and complete the entry's measures. */
    public boolean works(Incident incident) {
        return writes() || assignedTo(incident);
    }

    private boolean assignedTo(Incident incident) {
        return roles.contains(Role.STAFF)
                && incident.assignedTo() != null
                && accountId.filter(incident.assignedTo()::equals).isPresent();
    }
}
