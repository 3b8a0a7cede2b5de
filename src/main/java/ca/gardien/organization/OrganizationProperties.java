package ca.gardien.organization;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * @param failedSignInFactsPerMinute failed sign-ins recorded one by one in the ledger per minute and node; beyond, they
 *     are counted and the count goes with the next one recorded (docs/single-sign-on.md, "Sign-ins in the ledger")
 * @param timeZone the organization's time zone: the console shows every time in it and reads a typed day as a day of
 *     it; the incidents and retention modules count the organization's days in it ({@link OrganizationTime})
 */
@ConfigurationProperties("gardien.organization")
record OrganizationProperties(
        String bootstrapPassword,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("15m") Duration maxLoginDelay,
        @DefaultValue("20") int maxAddressFailures,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue("5s") Duration tokenCacheFor,
        @DefaultValue Oidc oidc,
        @DefaultValue("60") int failedSignInFactsPerMinute,
        @DefaultValue("America/Toronto") ZoneId timeZone) {

    OrganizationProperties {
        timeZone = timeZone == null ? OrganizationTime.DEFAULT_ZONE : timeZone;
    }

    /** Where the roles claim is read. */
    enum ClaimSource {
        /** The ID token only. */
        ID_TOKEN,
        /** The user-info response only (the provider must have a user-info endpoint and the scope ask for it). */
        USER_INFO,
        /** The user-info response when it carries the claim, the ID token otherwise. */
        ANY
    }

    /**
     * @param rolesClaim the claim that lists the person's groups or roles; a dotted path reads a nested claim (Keycloak's
     *     {@code realm_access.roles}) unless a top-level claim has the dotted name itself
     * @param rolesClaimSource the ID token, the user-info response, or either
     * @param roleMapping claim value to Gardien role, as a YAML map (keys other than lower-case letters, digits and
     *     dashes need brackets; environment variables cannot express dashes here: use {@code roleMappings})
     * @param roleMappings the same as a list, settable by environment variables by index or as one string
     *     {@code value=ROLE,value=ROLE}; both lists are merged; values that map to nothing give no access
     * @param signInWithin how long a person has at the identity provider before the sign-in must start again
     * @param keyDirectory where the key sealing the sign-in cookie lives (shared by all nodes)
     */
    record Oidc(
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("any") ClaimSource rolesClaimSource,
            Map<String, Role> roleMapping,
            List<RoleMapping> roleMappings,
            @DefaultValue("5m") Duration signInWithin,
            Path keyDirectory) {

        Oidc {
            if (rolesClaim == null || rolesClaim.isBlank()) {
                throw new IllegalArgumentException("gardien.organization.oidc.roles-claim must name a claim");
            }
            var merged = new HashMap<String, Role>(roleMapping == null ? Map.of() : roleMapping);
            for (var entry : roleMappings == null ? List.<RoleMapping>of() : roleMappings) {
                var earlier = merged.put(entry.claimValue(), entry.role());
                if (earlier != null && earlier != entry.role()) {
                    throw new IllegalArgumentException("gardien.organization.oidc maps the same claim value to "
                            + earlier + " and " + entry.role());
                }
            }
            if (merged.containsValue(Role.CONTROLLER)) { // a controller's system, not a person signing in
                throw new IllegalArgumentException("gardien.organization.oidc cannot map a claim value to CONTROLLER,"
                        + " the role of an OpenCompliance controller's system: give it a local account instead");
            }
            roleMapping = Map.copyOf(merged);
            roleMappings = List.copyOf(roleMappings == null ? List.of() : roleMappings);
        }

        /** Settings with only a claim and a mapping (tests, defaults elsewhere). */
        static Oidc of(String rolesClaim, ClaimSource source, Map<String, Role> mapping) {
            return new Oidc(rolesClaim, source, mapping, List.of(), Duration.ofMinutes(5), null);
        }
    }

    /**
     * One claim value and the Gardien role it grants.
     *
     * @param claimValue the exact value of the claim (case-sensitive)
     * @param role the role it grants
     */
    record RoleMapping(String claimValue, Role role) {

        RoleMapping {
            if (claimValue == null || claimValue.isBlank() || role == null) {
                throw new IllegalArgumentException("a role mapping needs a claim value and a role");
            }
        }

        /** Reads {@code value=ROLE}, the form of one item of a comma-separated environment variable. */
        public static RoleMapping valueOf(String text) {
            int equals = text.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("a role mapping is written value=ROLE");
            }
            return new RoleMapping(
                    text.substring(0, equals).strip(),
                    Role.valueOf(text.substring(equals + 1).strip().toUpperCase(Locale.ROOT)));
        }
    }
}
