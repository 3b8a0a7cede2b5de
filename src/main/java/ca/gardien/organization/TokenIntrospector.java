package ca.gardien.organization;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/** Resolves an opaque bearer token against the hashed tokens in the database. */
@Component
class TokenIntrospector implements OpaqueTokenIntrospector {

    static final String TOKEN_ID = "token_id";
    static final String ACCOUNT_ID = "account_id";

    private final TokenService tokens;
    private final RecentTokens recent;

    TokenIntrospector(TokenService tokens, RecentTokens recent) {
        this.tokens = tokens;
        this.recent = recent;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        var digest = token == null ? null : TokenService.digest(token);
        var cached = digest == null ? null : recent.find(digest);
        if (cached != null) {
            return cached;
        }
        long readIn = recent.generation(); // before the read: a revocation meanwhile keeps it out of the cache
        var principal = lookUp(token);
        recent.remember(digest, principal, readIn);
        return principal;
    }

    private OAuth2AuthenticatedPrincipal lookUp(String token) {
        var found =
                tokens.authenticate(token).orElseThrow(() -> new BadOpaqueTokenException("unknown or revoked token"));
        List<GrantedAuthority> authorities = found.roles().stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        return new DefaultOAuth2AuthenticatedPrincipal(
                "token:" + found.id(),
                Map.of(
                        TOKEN_ID,
                        found.id().toString(),
                        ACCOUNT_ID,
                        found.accountId().toString()),
                authorities);
    }
}
