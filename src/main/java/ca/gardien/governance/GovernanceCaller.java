package ca.gardien.governance;

import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Who acts on the policies: the person in charge approves, the person in charge and delegates write, all read. */
record GovernanceCaller(Actor actor, Set<Role> roles, Optional<UUID> accountId) {

    GovernanceCaller {
        roles = Set.copyOf(roles);
    }

    static GovernanceCaller of(Authentication auth) {
        return new GovernanceCaller(CurrentActor.of(auth), CurrentActor.roles(auth), CurrentActor.accountId(auth));
    }

    boolean inCharge() {
        return roles.contains(Role.PRIVACY_OFFICER);
    }

    /** The person in charge and delegates: drafting, review, publication. */
    boolean writes() {
        return inCharge() || roles.contains(Role.DELEGATE);
    }

    /**
     * Who the caller is as the records keep it (who wrote a version, who recorded an absence): the account, whether it
     * signed in or acts through one of its tokens, else the token.
     */
    String writer() {
        return accountId
                .map(UUID::toString)
                .orElse(actor.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + actor.id());
    }

    GovernanceCaller requireWriter() {
        if (!writes()) {
            throw new AccessDeniedException("governance");
        }
        return this;
    }

    GovernanceCaller requireInCharge() {
        if (!inCharge()) {
            throw new AccessDeniedException("governance");
        }
        return this;
    }

    /** An id from a path: a 400 naming {@code id} when it is not a UUID. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ca.gardien.shared.InvalidInputException("id", "governance.field.id");
        }
    }
}
