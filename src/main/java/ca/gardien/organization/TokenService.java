package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes API tokens. The secret is shown once and stored only as a SHA-256 digest. */
@Service
public class TokenService {

    /** A freshly issued token: the only time {@code secret} exists outside the caller. */
    public record Issued(ApiToken token, String secret) {}

    /** The account must choose a new password before a token is issued to it (a reset, a one-time password). */
    public static final class PasswordChangeRequired extends RuntimeException {
        PasswordChangeRequired() {
            super("the account must change its password first", null, false, false);
        }
    }

    static final String SECRET_PREFIX = "gdn_";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,100}");
    private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecentTokens recent;

    TokenService(
            ApiTokens tokens, Accounts accounts, ApplicationEventPublisher events, Clock clock, RecentTokens recent) {
        this.recent = recent;
        this.tokens = tokens;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Issues a token for {@code accountId}; the roles must be among the roles the account holds. */
    @Transactional
    public Issued issue(UUID accountId, String name, Set<Role> roles, Actor actor) {
        return issue(accountId, name, roles, actor, false);
    }

    /**
     * Issues a token to the account that asks for it (the API, the console's tokens page): refused while the account
     * must change its password or is disabled, read under the account's lock, so that a reset under way is waited for
     * (attacker's re-check: tokens issued by a stolen one during a reset survived it).
     */
    @Transactional
    public Issued issueToCaller(UUID accountId, String name, Set<Role> roles, Actor actor) {
        return issue(accountId, name, roles, actor, true);
    }

    private Issued issue(UUID accountId, String name, Set<Role> roles, Actor actor, boolean asked) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "organization.field.token-name");
        }
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "organization.field.roles-required");
        }
        // locked and read in this transaction: a reset that committed first is seen; one that comes later waits for
        // this token and revokes it
        var account = accounts.lock(accountId)
                .orElseThrow(() -> new NotFoundException("organization.object.account", accountId));
        if (asked && account.mustChangePassword()) {
            throw new PasswordChangeRequired();
        }
        if (asked && !account.enabled()) {
            throw new AccessDeniedException("a disabled account is issued no token");
        }
        if (!account.roles().containsAll(roles)) {
            throw new AccessDeniedException("a token cannot carry roles its account does not hold");
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var token = new ApiToken(
                UUID.randomUUID(),
                accountId,
                name,
                digest(secret),
                secret.substring(0, 10),
                roles,
                clock.instant(),
                null,
                null);
        tokens.insert(token);
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "token.issued",
                "api-token",
                token.id(),
                Map.of("account", accountId.toString(), "roles", Role.format(roles))));
        return new Issued(token, secret);
    }

    @Transactional
    public void revoke(UUID tokenId, Actor actor) {
        recent.forgetAll();
        if (!tokens.revoke(tokenId, clock.instant())) {
            throw new NotFoundException("organization.object.active-api-token", tokenId);
        }
        events.publishEvent(Evidence.of(clock.instant(), actor, "token.revoked", "api-token", tokenId, Map.of()));
    }

    /**
     * Revokes every active token of an account (its password was reset: whoever holds one of them must not keep the
     * account), each with its ledger fact; how many there were.
     */
    @Transactional
    public int revokeAllOf(UUID accountId, Actor actor, String reason) {
        recent.forgetAll();
        int revoked = 0;
        for (var token : tokens.ofAccount(accountId)) {
            if (token.revokedAt() == null && tokens.revoke(token.id(), clock.instant())) {
                events.publishEvent(Evidence.of(
                        clock.instant(), actor, "token.revoked", "api-token", token.id(), Map.of("reason", reason)));
                revoked++;
            }
        }
        return revoked;
    }

    @Transactional(readOnly = true)
    public Optional<ApiToken> byId(UUID id) {
        return tokens.byId(id);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        return tokens.all();
    }

    @Transactional(readOnly = true)
    public List<ApiToken> ofAccount(UUID accountId) {
        return tokens.ofAccount(accountId);
    }

    /**
     * The active token with this secret whose account is still enabled, recording its use. Roles are the token's
     * roles still held by the account, so taking a role from a person also takes it from their tokens; a token left
     * with none authenticates nothing (it read what any signed-in caller may).
     */
    @Transactional
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        var now = clock.instant();
        return tokens.byHash(digest(secret))
                .filter(ApiToken::active)
                .flatMap(t -> accounts.byId(t.accountId())
                        .filter(Account::enabled)
                        .map(a -> {
                            tokens.touch(t.id(), now, now.minus(TOUCH_GRANULARITY));
                            var roles = t.roles().stream()
                                    .filter(a.roles()::contains)
                                    .collect(java.util.stream.Collectors.toSet());
                            return new ApiToken(
                                    t.id(),
                                    t.accountId(),
                                    t.name(),
                                    t.tokenHash(),
                                    t.prefix(),
                                    roles,
                                    t.createdAt(),
                                    t.revokedAt(),
                                    now);
                        }))
                .filter(t -> !t.roles().isEmpty()); // its account holds none of its roles now: it opens nothing
    }

    static String digest(String secret) {
        return ca.gardien.shared.Digests.sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
