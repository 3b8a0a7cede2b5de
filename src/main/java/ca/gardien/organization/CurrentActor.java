package ca.gardien.organization;

import ca.gardien.shared.Actor;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** Turns whoever is signed in into the {@link Actor} recorded in the ledger, without personal information. */
@org.springframework.modulith.NamedInterface("views")
public final class CurrentActor {

    private CurrentActor() {}

    public static Actor of(Authentication authentication) {
        return switch (authentication.getPrincipal()) {
            case AccountPrincipal p -> Actor.account(p.accountId());
            // before the token case: a single sign-on principal's attributes are the provider's claims
            case AccountOidcUser u -> Actor.account(u.accountId());
            case OAuth2AuthenticatedPrincipal p
            when p.getAttribute(TokenIntrospector.TOKEN_ID) != null ->
                Actor.token(p.getAttribute(TokenIntrospector.TOKEN_ID));
            default -> throw new IllegalStateException("unsupported principal type");
        };
    }

    /** The local account acting, directly or through one of its tokens. */
    public static Optional<UUID> accountId(Authentication authentication) {
        return switch (authentication.getPrincipal()) {
            case AccountPrincipal p -> Optional.of(p.accountId());
            case AccountOidcUser u -> Optional.of(u.accountId());
            case OAuth2AuthenticatedPrincipal p
            when p.getAttribute(TokenIntrospector.ACCOUNT_ID) != null ->
                Optional.of(UUID.fromString(p.getAttribute(TokenIntrospector.ACCOUNT_ID)));
            default -> Optional.empty();
        };
    }

    public static Set<Role> roles(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .filter(name -> java.util.Arrays.stream(Role.values())
                        .anyMatch(r -> r.name().equals(name)))
                .map(Role::valueOf)
                .collect(Collectors.toSet());
    }
}
