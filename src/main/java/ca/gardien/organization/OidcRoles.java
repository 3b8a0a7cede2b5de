package ca.gardien.organization;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** Maps the configured claim of an OpenID Connect login to Gardien roles; unmapped values grant nothing. */
final class OidcRoles implements GrantedAuthoritiesMapper {

    private final OrganizationProperties.Oidc settings;

    OidcRoles(OrganizationProperties.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>();
        for (var authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                var claims =
                        new java.util.HashMap<String, Object>(oidc.getIdToken().getClaims());
                if (oidc.getUserInfo() != null) {
                    claims.putAll(oidc.getUserInfo().getClaims());
                }
                values(claims.get(settings.rolesClaim())).stream()
                        .map(settings.roleMapping()::get)
                        .filter(java.util.Objects::nonNull)
                        .forEach(role -> mapped.add(new SimpleGrantedAuthority(role.authority())));
            }
        }
        return mapped;
    }

    private static List<String> values(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case Collection<?> c -> c.stream().map(String::valueOf).toList();
            case String s -> List.of(s.split("[ ,]+"));
            default -> List.of(String.valueOf(claim));
        };
    }
}
