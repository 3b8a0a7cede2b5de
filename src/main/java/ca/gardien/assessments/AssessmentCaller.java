package ca.gardien.assessments;

import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * Who acts on an assessment. The person in charge and delegates see, start, assign and decide every assessment;
 * auditors read them all; a staff member sees and works only the assessments assigned to them.
 */
record AssessmentCaller(Actor actor, Set<Role> roles, Optional<UUID> accountId) {

    AssessmentCaller {
        roles = Set.copyOf(roles);
    }

    static AssessmentCaller of(Authentication auth) {
        return new AssessmentCaller(CurrentActor.of(auth), CurrentActor.roles(auth), CurrentActor.accountId(auth));
    }

    /** The person in charge and delegates: start, assign, record the consultation and decide. */
    boolean decides() {
        return roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
    }

    /** Who took a step, as recorded: the account behind a token rather than the token. */
    String by() {
        return accountId.map(id -> "account:" + id).orElseGet(() -> Assessments.by(actor));
    }

    boolean assigned(Assessment a) {
        return roles.contains(Role.STAFF)
                && a.assignedTo() != null
                && accountId.filter(a.assignedTo()::equals).isPresent();
    }

    /** The account the review is assigned to: the only one who records it, whatever its role. */
    boolean reviews(UUID assignedTo) {
        return assignedTo != null && accountId.filter(assignedTo::equals).isPresent();
    }

    boolean mayRead(Assessment a) {
        return decides() || roles.contains(Role.AUDITOR) || assigned(a);
    }

    boolean mayWork(Assessment a) {
        return decides() || assigned(a);
    }
}
