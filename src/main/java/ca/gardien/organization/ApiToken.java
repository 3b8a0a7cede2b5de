package ca.gardien.organization;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A named bearer token of an account, limited to some of the account's roles. Only the SHA-256 of the secret is kept;
 * {@code prefix} (the first characters of the secret) lets people tell their tokens apart.
 */
@org.springframework.modulith.NamedInterface("views")
public record ApiToken(
        UUID id,
        UUID accountId,
        String name,
        String tokenHash,
        String prefix,
        Set<Role> roles,
        Instant createdAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public ApiToken {
        roles = Set.copyOf(roles);
    }

    public boolean active() {
        return revokedAt == null;
    }
}
