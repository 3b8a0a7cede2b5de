package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.gardien.organization.OrganizationProperties.ClaimSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * The person a provider vouches for becomes the holder of a Gardien account with exactly the mapped roles: the
 * provider's own authorities ({@code OIDC_USER}, scopes) never become roles, and nobody without a mapped role gets in.
 */
class OidcSignInTest {

    private final OidcAccounts accounts = mock(OidcAccounts.class);
    private final OidcSignIn signIn = new OidcSignIn(
            OrganizationProperties.Oidc.of("groups", ClaimSource.ID_TOKEN, Map.of("auditors", Role.AUDITOR)), accounts);

    private static OidcUserRequest request(Object groups) {
        var registration = ClientRegistration.withRegistrationId("corp")
                .clientId("gardien")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri("https://idp.example.test/authorize")
                .tokenUri("https://idp.example.test/token")
                .jwkSetUri("https://idp.example.test/jwks")
                .build();
        var claims = new java.util.HashMap<String, Object>(Map.of(
                "sub", "subject-1",
                "iss", "https://idp.example.test",
                "preferred_username", "Élise.Tremblay@example.test",
                "name", "Élise Synthétique"));
        if (groups != null) {
            claims.put("groups", groups);
        }
        var token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), claims);
        var access = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                "access",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Set.of("openid", "profile"));
        return new OidcUserRequest(registration, access, token);
    }

    @Test
    void thePrincipalHoldsTheAccountsRolesAndNothingTheProviderGrants() {
        var account = Account.create("elise", "E", null, Set.of(Role.AUDITOR), false, Instant.now());
        when(accounts.signIn(eq("https://idp.example.test"), eq("subject-1"), eq(Set.of(Role.AUDITOR)), any(), any()))
                .thenReturn(account);

        var user = (AccountOidcUser) signIn.loadUser(request(List.of("auditors", "everyone")));

        assertThat(user.accountId()).isEqualTo(account.id());
        assertThat(user.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_AUDITOR");
        verify(accounts)
                .signIn(
                        "https://idp.example.test",
                        "subject-1",
                        Set.of(Role.AUDITOR),
                        "Élise.Tremblay@example.test",
                        "Élise Synthétique");
    }

    @Test
    void refusesWithoutAMappedRoleBeforeAnyAccountIsTouched() {
        assertThatThrownBy(() -> signIn.loadUser(request(List.of("everyone"))))
                .isInstanceOfSatisfying(SsoRefused.class, r -> {
                    assertThat(r.refusal()).isEqualTo(SsoRefusal.NO_ROLE);
                    assertThat(r.issuer()).isEqualTo("https://idp.example.test");
                    assertThat(r.subject()).isEqualTo("subject-1");
                    assertThat(r.getError().getDescription())
                            .isEqualTo("none of the 1 values of the roles claim is mapped to a role");
                });
        assertThatThrownBy(() -> signIn.loadUser(request(null)))
                .isInstanceOfSatisfying(
                        SsoRefused.class,
                        r -> assertThat(r.getError().getDescription())
                                .isEqualTo("the roles claim is absent from the ID token"));
        verify(accounts, never()).signIn(anyString(), anyString(), any(), any(), any());
    }

    @Test
    void derivesAValidUsernameFromWhatTheProviderSuggests() {
        assertThat(OidcAccounts.usernameFrom("Élise.Tremblay@example.test")).isEqualTo("elise.tremblay-example.test");
        assertThat(OidcAccounts.usernameFrom("__x y__")).isEqualTo("x-y__");
        assertThat(OidcAccounts.usernameFrom("李")).isEqualTo("sso-user");
        assertThat(OidcAccounts.usernameFrom(null)).isEqualTo("sso-user");
        assertThat(OidcAccounts.usernameFrom("a".repeat(150))).hasSize(100);
    }
}
