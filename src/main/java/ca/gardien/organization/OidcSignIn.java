package ca.gardien.organization;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Turns the person an identity provider vouches for (ID token checked, user info read) into a Gardien account holder:
 * roles from the configured claim, refused when none maps, account found or created by issuer and subject.
 */
final class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    private final OidcUserService provider = new OidcUserService();
    private final OidcRoles roles;
    private final OidcAccounts accounts;

    OidcSignIn(OrganizationProperties.Oidc settings, OidcAccounts accounts) {
        this.roles = new OidcRoles(settings);
        this.accounts = accounts;
        if (settings.rolesClaimSource() != OrganizationProperties.ClaimSource.ID_TOKEN) {
            // Spring reads user info only when the scopes ask for profile data; the roles claim may be there alone.
            provider.setRetrieveUserInfo(request -> StringUtils.hasText(request.getClientRegistration()
                    .getProviderDetails()
                    .getUserInfoEndpoint()
                    .getUri()));
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        var user = provider.loadUser(request);
        var idToken = user.getIdToken();
        var issuer = String.valueOf(idToken.getIssuer());
        var subject = idToken.getSubject();
        var reading = roles.read(idToken, user.getUserInfo());
        if (reading.roles().isEmpty()) {
            throw new SsoRefused(
                    SsoRefusal.NO_ROLE,
                    issuer,
                    subject,
                    null,
                    reading.claimFound()
                            ? "none of the " + reading.values() + " values of the roles claim is mapped to a role"
                            : "the roles claim is absent from the " + source());
        }
        Account account;
        try {
            account =
                    accounts.signIn(issuer, subject, reading.roles(), user.getPreferredUsername(), user.getFullName());
        } catch (DataIntegrityViolationException e) {
            // the same person's first sign-in on two tabs or nodes at once: the other one created the account
            log.debug("Account of a first single sign-on created concurrently; reading it again");
            account =
                    accounts.signIn(issuer, subject, reading.roles(), user.getPreferredUsername(), user.getFullName());
        }
        var authorities = account.roles().stream()
                .sorted()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        return new AccountOidcUser(account.id(), List.copyOf(authorities), idToken, user.getUserInfo());
    }

    private String source() {
        return switch (roles.source()) {
            case ID_TOKEN -> "ID token";
            case USER_INFO -> "user-info response";
            case ANY -> "ID token and user-info response";
        };
    }
}
