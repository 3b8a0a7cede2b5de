package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.OrganizationProperties.ClaimSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;

/**
 * The claim of an OpenID Connect sign-in and the Gardien roles it maps to: a list or a string of values, a nested
 * claim by its dotted path, from the ID token, the user-info response or either.
 */
class OidcRolesTest {

    private static final Map<String, Role> MAPPING = Map.of(
            "privacy-officers", Role.PRIVACY_OFFICER,
            "privacy-delegates", Role.DELEGATE,
            "auditors", Role.AUDITOR);

    private static OidcRoles roles(String claim, ClaimSource source) {
        return new OidcRoles(OrganizationProperties.Oidc.of(claim, source, MAPPING));
    }

    private final OidcRoles groups = roles("groups", ClaimSource.ANY);

    private static OidcIdToken idToken(Map<String, Object> extra) {
        var claims = new HashMap<String, Object>(extra);
        claims.put("sub", "subject-1");
        return new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), claims);
    }

    private static OidcIdToken idToken(String claim, Object value) {
        return idToken(Map.of(claim, value));
    }

    private static OidcUserInfo userInfo(String claim, Object value) {
        return new OidcUserInfo(Map.of("sub", "subject-1", claim, value));
    }

    private static Set<Role> read(OidcRoles roles, OidcIdToken token, OidcUserInfo info) {
        return roles.read(token, info).roles();
    }

    @Test
    void mapsEachConfiguredValueOfAListClaimToItsRole() {
        assertThat(read(groups, idToken("groups", List.of("privacy-officers", "auditors")), null))
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.PRIVACY_OFFICER);
    }

    @Test
    void readsAClaimGivenAsASpaceOrCommaSeparatedString() {
        assertThat(read(groups, idToken("groups", "privacy-delegates auditors"), null))
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.DELEGATE);
        assertThat(read(groups, idToken("groups", "privacy-delegates,auditors"), null))
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.DELEGATE);
        assertThat(read(groups, idToken("groups", " auditors \t privacy-delegates "), null))
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.DELEGATE);
    }

    @Test
    void readsANestedClaimByItsDottedPathLikeKeycloaksRealmRoles() {
        var keycloak = roles("realm_access.roles", ClaimSource.ID_TOKEN);
        var token = idToken("realm_access", Map.of("roles", List.of("offline_access", "privacy-officers")));

        assertThat(read(keycloak, token, null)).containsExactly(Role.PRIVACY_OFFICER);
        assertThat(read(
                        roles("resource_access.gardien.roles", ClaimSource.ID_TOKEN),
                        idToken("resource_access", Map.of("gardien", Map.of("roles", List.of("auditors")))),
                        null))
                .containsExactly(Role.AUDITOR);
    }

    @Test
    void aTopLevelClaimWhoseNameHasDotsWinsOverThePath() {
        var namespaced = roles("https://example.test/roles", ClaimSource.ID_TOKEN);

        assertThat(read(namespaced, idToken("https://example.test/roles", List.of("auditors")), null))
                .containsExactly(Role.AUDITOR);
    }

    @Test
    void aPathThroughSomethingThatIsNotAnObjectFindsNothing() {
        var keycloak = roles("realm_access.roles", ClaimSource.ID_TOKEN);

        var reading = keycloak.read(idToken("realm_access", "privacy-officers"), null);

        assertThat(reading.claimFound()).isFalse();
        assertThat(reading.roles()).isEmpty();
    }

    @Test
    void anObjectOrNestedListsHoldNoValues() {
        assertThat(read(groups, idToken("groups", Map.of("auditors", true)), null))
                .isEmpty();
        assertThat(read(groups, idToken("groups", List.of(List.of("auditors"), Map.of("name", "auditors"))), null))
                .isEmpty();
    }

    @Test
    void grantsNothingForUnmappedValues() {
        var reading = groups.read(idToken("groups", List.of("everyone", "PRIVACY_OFFICER", "Privacy-Officers")), null);

        assertThat(reading.roles()).isEmpty();
        assertThat(reading.claimFound()).isTrue();
        assertThat(reading.values()).isEqualTo(3);
    }

    @Test
    void grantsNothingWithoutTheClaim() {
        var reading = groups.read(idToken(Map.of()), null);

        assertThat(reading.roles()).isEmpty();
        assertThat(reading.claimFound()).isFalse();
    }

    @Test
    void eitherSourcePrefersTheUserInfoResponseAndFallsBackToTheIdToken() {
        assertThat(read(groups, idToken(Map.of()), userInfo("groups", List.of("privacy-officers"))))
                .containsExactly(Role.PRIVACY_OFFICER);
        assertThat(read(
                        groups,
                        idToken("groups", List.of("auditors")),
                        userInfo("groups", List.of("privacy-officers"))))
                .containsExactly(Role.PRIVACY_OFFICER);
        assertThat(read(groups, idToken("groups", List.of("auditors")), userInfo("email", "x@example.test")))
                .containsExactly(Role.AUDITOR);
        assertThat(read(groups, idToken("groups", List.of("auditors")), null)).containsExactly(Role.AUDITOR);
    }

    @Test
    void theIdTokenSourceIgnoresTheUserInfoResponse() {
        var fromToken = roles("groups", ClaimSource.ID_TOKEN);

        assertThat(read(fromToken, idToken(Map.of()), userInfo("groups", List.of("privacy-officers"))))
                .isEmpty();
        assertThat(read(
                        fromToken,
                        idToken("groups", List.of("auditors")),
                        userInfo("groups", List.of("privacy-officers"))))
                .containsExactly(Role.AUDITOR);
    }

    @Test
    void theUserInfoSourceIgnoresTheIdToken() {
        var fromUserInfo = roles("groups", ClaimSource.USER_INFO);

        assertThat(read(fromUserInfo, idToken("groups", List.of("auditors")), null))
                .isEmpty();
        assertThat(read(fromUserInfo, idToken("groups", List.of("auditors")), userInfo("groups", "privacy-officers")))
                .containsExactly(Role.PRIVACY_OFFICER);
    }

    @Test
    void readsTheConfiguredClaimOnly() {
        var other = roles("roles", ClaimSource.ANY);

        assertThat(read(other, idToken("groups", List.of("auditors")), null)).isEmpty();
    }

    @Test
    void anEmptyMappingGrantsNothing() {
        var none = new OidcRoles(OrganizationProperties.Oidc.of("groups", ClaimSource.ANY, null));

        assertThat(read(none, idToken("groups", List.of("privacy-officers")), null))
                .isEmpty();
    }

    @Test
    void theListFormAndTheMapFormAreMergedAndMayNotContradictEachOther() {
        var merged = new OrganizationProperties.Oidc(
                "groups",
                ClaimSource.ANY,
                Map.of("auditors", Role.AUDITOR),
                List.of(new OrganizationProperties.RoleMapping("Privacy.Officers", Role.PRIVACY_OFFICER)),
                java.time.Duration.ofMinutes(5),
                null);

        assertThat(read(new OidcRoles(merged), idToken("groups", List.of("Privacy.Officers", "auditors")), null))
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.PRIVACY_OFFICER);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrganizationProperties.Oidc(
                        "groups",
                        ClaimSource.ANY,
                        Map.of("auditors", Role.AUDITOR),
                        List.of(new OrganizationProperties.RoleMapping("auditors", Role.PRIVACY_OFFICER)),
                        java.time.Duration.ofMinutes(5),
                        null));
    }
}
