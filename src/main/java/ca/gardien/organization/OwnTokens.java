package ca.gardien.organization;

import ca.gardien.shared.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A person's own API tokens as the console shows and changes them: a token carries only roles its issuer holds, and
 * only one's own active token is revoked here.
 */
@Service
@NamedInterface({"views", "actions"})
public class OwnTokens {

    private final TokenService tokens;

    OwnTokens(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The signed-in account's tokens, revoked ones included; none for a principal without a local account. */
    public List<ApiToken> of(Authentication auth) {
        return CurrentActor.accountId(auth).map(tokens::ofAccount).orElse(List.of());
    }

    /** The roles a new token of the signed-in person may carry: their own, in order. */
    public List<Role> grantable(Authentication auth) {
        return CurrentActor.roles(auth).stream().sorted().toList();
    }

    /**
     * Issues a token with these roles, which must be among the issuer's own.
     *
     * @return the token's secret, shown once
     */
    public String issue(Authentication auth, String name, Set<Role> roles) {
        var account = CurrentActor.accountId(auth).orElseThrow(() -> new AccessDeniedException("no local account"));
        var requested = roles == null ? Set.<Role>of() : roles;
        if (!CurrentActor.roles(auth).containsAll(requested)) {
            throw new InvalidInputException("roles", "organization.field.own-roles");
        }
        try {
            return tokens.issueToCaller(account, name, requested, CurrentActor.of(auth))
                    .secret();
        } catch (TokenService.PasswordChangeRequired e) { // reset while the page was open: the session has ended
            throw new AccessDeniedException("the account must change its password first");
        }
    }

    /** Revokes one of the signed-in person's active tokens; false when they have no such active token. */
    public boolean revoke(Authentication auth, UUID id) {
        var own = tokens.byId(id)
                .filter(ApiToken::active)
                .filter(t -> CurrentActor.accountId(auth)
                        .filter(t.accountId()::equals)
                        .isPresent());
        if (own.isEmpty()) {
            return false;
        }
        tokens.revoke(id, CurrentActor.of(auth));
        return true;
    }
}
