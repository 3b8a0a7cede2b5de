package ca.gardien.organization;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organization module.
 *
 * @param bootstrapPassword password of the first {@code officer} account; random and printed once when empty
 * @param maxLoginFailures failed logins in a row that an account allows without delay; from then on each further
 *     attempt is refused until 2^n seconds after the last failure (n counting the failures from this one on)
 * @param maxLoginDelay the longest such delay (the doubling stops there)
 * @param maxAddressFailures failed logins from one remote address (any usernames) before its logins are refused
 * @param addressWindow how far back those failures count; an address is refused until its failures age out of it
 * @param tokenCacheFor how long a successfully introspected API token, or the standing of an account checked against
 *     its console sessions (enabled, roles, password), is reused without reading the database: a revocation or an
 *     account change made on another node takes effect here within this period (0 turns the caches off)
 * @param oidc OpenID Connect role mapping (the client registration itself uses Spring Boot's standard properties)
 */
@ConfigurationProperties("gardien.organization")
record OrganizationProperties(
        String bootstrapPassword,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("15m") Duration maxLoginDelay,
        @DefaultValue("20") int maxAddressFailures,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue("5s") Duration tokenCacheFor,
        @DefaultValue Oidc oidc) {

    /**
     * @param rolesClaim the ID-token or user-info claim that lists the person's groups or roles
     * @param roleMapping claim value to Gardien role; values that map to nothing give no access
     */
    record Oidc(@DefaultValue("roles") String rolesClaim, Map<String, Role> roleMapping) {

        Oidc {
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        }
    }
}
