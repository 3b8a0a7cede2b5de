package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.organization.OrganizationProperties.ClaimSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The single sign-on settings bound as Spring Boot binds them at start-up, from environment variables (a property
 * source named like the real one, so that Boot's environment-variable mapping applies) and from YAML-style properties.
 */
class OidcSettingsBindingTest {

    private static OrganizationProperties.Oidc bind(PropertySource<?> source) {
        var binder = new Binder(
                ConfigurationPropertySources.from(source), null, ApplicationConversionService.getSharedInstance());
        return binder.bindOrCreate("gardien.organization", OrganizationProperties.class)
                .oidc();
    }

    private static OrganizationProperties.Oidc environment(Map<String, Object> variables) {
        return bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    }

    @Test
    void mapsClaimValuesWithDashesToRolesFromIndexedEnvironmentVariables() {
        var oidc = environment(Map.of(
                "GARDIEN_ORGANIZATION_OIDC_ROLESCLAIM", "realm_access.roles",
                "GARDIEN_ORGANIZATION_OIDC_ROLESCLAIMSOURCE", "user-info",
                "GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS_0_CLAIMVALUE", "privacy-office",
                "GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS_0_ROLE", "PRIVACY_OFFICER",
                "GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS_1_CLAIMVALUE", "Gardien.Auditors",
                "GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS_1_ROLE", "auditor"));

        assertThat(oidc.rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(oidc.rolesClaimSource()).isEqualTo(ClaimSource.USER_INFO);
        assertThat(oidc.roleMapping())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("privacy-office", Role.PRIVACY_OFFICER, "Gardien.Auditors", Role.AUDITOR));
    }

    @Test
    void acceptsTheVariablesWithUnderscoresWhereThePropertyNamesHaveDashes() {
        var oidc = environment(Map.of(
                "GARDIEN_ORGANIZATION_OIDC_ROLES_CLAIM", "groups",
                "GARDIEN_ORGANIZATION_OIDC_ROLES_CLAIM_SOURCE", "ID_TOKEN",
                "GARDIEN_ORGANIZATION_OIDC_ROLE_MAPPINGS_0_CLAIM_VALUE", "privacy-office",
                "GARDIEN_ORGANIZATION_OIDC_ROLE_MAPPINGS_0_ROLE", "PRIVACY_OFFICER"));

        assertThat(oidc.rolesClaim()).isEqualTo("groups");
        assertThat(oidc.rolesClaimSource()).isEqualTo(ClaimSource.ID_TOKEN);
        assertThat(oidc.roleMapping()).containsExactlyEntriesOf(Map.of("privacy-office", Role.PRIVACY_OFFICER));
    }

    @Test
    void mapsClaimValuesFromOneEnvironmentVariable() {
        var oidc = environment(Map.of(
                "GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS",
                "privacy-office=PRIVACY_OFFICER, auditors=AUDITOR,0b5c1e6a-2f7d-4c1e-9a55-3f0e8d2c7b11=DELEGATE"));

        assertThat(oidc.roleMapping())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "privacy-office", Role.PRIVACY_OFFICER,
                        "auditors", Role.AUDITOR,
                        "0b5c1e6a-2f7d-4c1e-9a55-3f0e8d2c7b11", Role.DELEGATE));
    }

    @Test
    void theMapFormLosesTheDashesOfKeysSetByEnvironmentVariables() {
        // why the list form exists: Boot reads ..._ROLEMAPPING_PRIVACY_OFFICE as the key "privacy.office"
        var oidc = environment(Map.of("GARDIEN_ORGANIZATION_OIDC_ROLEMAPPING_PRIVACY_OFFICE", "PRIVACY_OFFICER"));

        assertThat(oidc.roleMapping()).doesNotContainKey("privacy-office");
    }

    @Test
    void keepsTheYamlMapFormWithDashesAndBracketedKeys() {
        var oidc = bind(new MapPropertySource(
                "application.yml",
                Map.of(
                        "gardien.organization.oidc.role-mapping.privacy-office", "PRIVACY_OFFICER",
                        "gardien.organization.oidc.role-mapping.[Gardien.Auditors]", "AUDITOR",
                        "gardien.organization.oidc.role-mappings[0].claim-value", "delegates",
                        "gardien.organization.oidc.role-mappings[0].role", "DELEGATE")));

        assertThat(oidc.roleMapping())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "privacy-office", Role.PRIVACY_OFFICER,
                        "Gardien.Auditors", Role.AUDITOR,
                        "delegates", Role.DELEGATE));
    }

    @Test
    void defaultsToTheRolesClaimFromEitherSourceAndFiveMinutesToSignIn() {
        var oidc = environment(Map.of());

        assertThat(oidc.rolesClaim()).isEqualTo("roles");
        assertThat(oidc.rolesClaimSource()).isEqualTo(ClaimSource.ANY);
        assertThat(oidc.signInWithin()).hasMinutes(5);
        assertThat(oidc.roleMapping()).isEmpty();
    }

    @Test
    void bindsTheClientRegistrationFromTheDocumentedEnvironmentVariables() {
        var source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                        "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORP_CLIENT_ID", "gardien",
                        "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORP_CLIENT_SECRET", "s3cret",
                        "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORP_CLIENT_NAME", "Corp ID",
                        "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORP_SCOPE", "openid,profile,email",
                        "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CORP_ISSUER_URI",
                                "https://login.example.test/realms/corp"));
        var clients = new Binder(
                        ConfigurationPropertySources.from(source),
                        null,
                        ApplicationConversionService.getSharedInstance())
                .bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
                .get();

        var corp = clients.getRegistration().get("corp");
        assertThat(corp.getClientId()).isEqualTo("gardien");
        assertThat(corp.getClientSecret()).isEqualTo("s3cret");
        assertThat(corp.getClientName()).isEqualTo("Corp ID");
        assertThat(corp.getScope()).containsExactlyInAnyOrder("openid", "profile", "email");
        assertThat(clients.getProvider().get("corp").getIssuerUri())
                .isEqualTo("https://login.example.test/realms/corp");
    }

    @Test
    void refusesToStartWithAnUnknownRoleOrAValueMappedTwice() {
        assertThatThrownBy(() -> environment(Map.of("GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS", "auditors=ADMIN")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> environment(Map.of("GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS", "auditors")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> environment(
                        Map.of("GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS", "auditors=AUDITOR,auditors=PRIVACY_OFFICER")))
                .isInstanceOf(BindException.class);
    }

    /** CONTROLLER is an OpenCompliance controller's system, which signs in with a local account's token, never by SSO. */
    @Test
    void refusesToStartWithAClaimValueMappedToTheControllerRole() {
        assertThatThrownBy(() -> environment(Map.of("GARDIEN_ORGANIZATION_OIDC_ROLEMAPPINGS", "machines=CONTROLLER")))
                .isInstanceOf(BindException.class)
                .hasStackTraceContaining("cannot map a claim value to CONTROLLER");
        assertThatThrownBy(() -> bind(new MapPropertySource(
                        "application.yml", Map.of("gardien.organization.oidc.role-mapping.machines", "CONTROLLER"))))
                .isInstanceOf(BindException.class);
    }
}
