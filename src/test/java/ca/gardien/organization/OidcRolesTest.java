package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** The mapping of an OpenID Connect claim to Gardien roles. */
class OidcRolesTest {

    private final OidcRoles roles = new OidcRoles(new OrganizationProperties.Oidc(
            "groups",
            Map.of(
                    "privacy-officers", Role.PRIVACY_OFFICER,
                    "privacy-delegates", Role.DELEGATE,
                    "auditors", Role.AUDITOR)));

    private static OidcUserAuthority idToken(Object groups) {
        return userInfo(groups, null);
    }

    private static OidcUserAuthority userInfo(Object idTokenGroups, Object userInfoGroups) {
        var claims = new HashMap<String, Object>();
        claims.put("sub", "subject-1");
        if (idTokenGroups != null) {
            claims.put("groups", idTokenGroups);
        }
        var token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), claims);
        var info =
                userInfoGroups == null ? null : new OidcUserInfo(Map.of("sub", "subject-1", "groups", userInfoGroups));
        return new OidcUserAuthority(token, info);
    }

    private List<String> map(GrantedAuthority... authorities) {
        Collection<? extends GrantedAuthority> mapped = roles.mapAuthorities(List.of(authorities));
        return mapped.stream().map(GrantedAuthority::getAuthority).sorted().toList();
    }

    @Test
    void mapsEachConfiguredValueOfAListClaimToItsRole() {
        assertThat(map(idToken(List.of("privacy-officers", "auditors"))))
                .containsExactly("ROLE_AUDITOR", "ROLE_PRIVACY_OFFICER");
    }

    @Test
    void readsAClaimGivenAsASpaceOrCommaSeparatedString() {
        assertThat(map(idToken("privacy-delegates auditors"))).containsExactly("ROLE_AUDITOR", "ROLE_DELEGATE");
        assertThat(map(idToken("privacy-delegates,auditors"))).containsExactly("ROLE_AUDITOR", "ROLE_DELEGATE");
    }

    @Test
    void grantsNothingForUnmappedValues() {
        assertThat(map(idToken(List.of("everyone", "PRIVACY_OFFICER", "Privacy-Officers"))))
                .isEmpty();
    }

    @Test
    void grantsNothingWithoutTheClaim() {
        assertThat(map(idToken(null))).isEmpty();
    }

    @Test
    void addsTheValuesOfTheUserInfoClaim() {
        assertThat(map(userInfo(null, List.of("privacy-officers")))).containsExactly("ROLE_PRIVACY_OFFICER");
    }

    @Test
    void dropsTheAuthoritiesGrantedByTheProviderItself() {
        assertThat(map(new SimpleGrantedAuthority("OIDC_USER"), new SimpleGrantedAuthority("ROLE_PRIVACY_OFFICER")))
                .isEmpty();
    }

    @Test
    void readsTheConfiguredClaimOnly() {
        var other = new OidcRoles(new OrganizationProperties.Oidc("roles", Map.of("auditors", Role.AUDITOR)));

        assertThat(other.mapAuthorities(List.of(idToken(List.of("auditors"))))).isEmpty();
    }

    @Test
    void anEmptyMappingGrantsNothing() {
        var none = new OidcRoles(new OrganizationProperties.Oidc("groups", null));

        assertThat(none.mapAuthorities(List.of(idToken(List.of("privacy-officers")))))
                .isEmpty();
    }
}
