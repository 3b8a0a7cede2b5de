package ca.gardien.organization;

import java.util.Collection;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in through their identity provider, acting as the Gardien account linked to their issuer and
 * subject, with the roles that account holds. Keeps the ID token for the logout at the provider.
 */
public final class AccountOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final UUID accountId;

    AccountOidcUser(
            UUID accountId,
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo);
        this.accountId = accountId;
    }

    public UUID accountId() {
        return accountId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountOidcUser o && accountId.equals(o.accountId) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + accountId.hashCode();
    }

    /** Never print the claims or the token. */
    @Override
    public String toString() {
        return "AccountOidcUser[" + accountId + "]";
    }
}
