package ca.gardien.organization;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;

/**
 * Reads the configured claim of an OpenID Connect sign-in and maps its values to Gardien roles; values that are not
 * mapped grant nothing, and the provider's own authorities ({@code OIDC_USER}, scopes) never become roles.
 */
final class OidcRoles {

    /**
     * What the claim held: whether it was there, how many values it had and the roles they grant (for the
     * administrator-facing reason of a refusal, which tells an absent claim from unmapped values).
     */
    record Reading(boolean claimFound, int values, Set<Role> roles) {}

    private final OrganizationProperties.Oidc settings;

    OidcRoles(OrganizationProperties.Oidc settings) {
        this.settings = settings;
    }

    OrganizationProperties.ClaimSource source() {
        return settings.rolesClaimSource();
    }

    Reading read(OidcIdToken idToken, OidcUserInfo userInfo) {
        var name = settings.rolesClaim();
        var fromUserInfo = userInfo == null ? null : claim(userInfo.getClaims(), name);
        var claim = switch (settings.rolesClaimSource()) {
            case ID_TOKEN -> claim(idToken.getClaims(), name);
            case USER_INFO -> fromUserInfo;
            case ANY -> fromUserInfo != null ? fromUserInfo : claim(idToken.getClaims(), name);
        };
        var values = values(claim);
        var roles = EnumSet.noneOf(Role.class);
        values.stream()
                .map(settings.roleMapping()::get)
                .filter(Objects::nonNull)
                .forEach(roles::add);
        return new Reading(claim != null, values.size(), Set.copyOf(roles));
    }

    /**
     * The claim of that name, or else the one its dotted path leads to through nested objects: Auth0's namespaced
     * {@code https://example.test/roles} is a top-level name, Keycloak's {@code realm_access.roles} a path.
     */
    static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (var part : name.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(part);
        }
        return current;
    }

    /** A list of values, or one string of values separated by spaces or commas; objects hold no values. */
    static List<String> values(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case Collection<?> c ->
                c.stream().filter(OidcRoles::scalar).map(String::valueOf).toList();
            case String s ->
                Arrays.stream(s.split("[\\s,]+")).filter(v -> !v.isEmpty()).toList();
            case Object o when scalar(o) -> List.of(String.valueOf(o));
            default -> List.of();
        };
    }

    private static boolean scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
