package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Gardien account of a person the identity provider vouches for. Found by the issuer and subject of the ID token
 * only, never by username: a local account named like the person is never taken over. Created at the first sign-in
 * (no password: it cannot use the login form), with a free username derived from {@code preferred_username}; its roles
 * follow the provider's claim at every sign-in.
 */
@Service
class OidcAccounts {

    /** Who changes roles that the identity provider changed. */
    static final Actor IDENTITY_PROVIDER = new Actor(Actor.Kind.SYSTEM, "identity-provider");

    private final Accounts accounts;
    private final OidcSubjects subjects;
    private final AccountAdministration administration;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OidcAccounts(
            Accounts accounts,
            OidcSubjects subjects,
            AccountAdministration administration,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.subjects = subjects;
        this.administration = administration;
        this.events = events;
        this.clock = clock;
    }

    /** The person with this issuer and subject is signing in holding {@code roles} (at least one). */
    @Transactional
    public Account signIn(String issuer, String subject, Set<Role> roles, String preferredUsername, String name) {
        var linked = subjects.accountOf(issuer, subject).flatMap(accounts::byId);
        if (linked.isEmpty()) {
            return create(issuer, subject, roles, preferredUsername, name);
        }
        var account = linked.get();
        if (!account.enabled()) {
            throw new SsoRefused(SsoRefusal.DISABLED, issuer, subject, account.id(), "the account is disabled");
        }
        if (account.roles().equals(roles)) {
            return account;
        }
        try {
            return administration.changeRoles(account.id(), roles, IDENTITY_PROVIDER);
        } catch (ConflictException e) {
            throw new SsoRefused(
                    SsoRefusal.LAST_OFFICER,
                    issuer,
                    subject,
                    account.id(),
                    "the roles from the identity provider would leave no enabled PRIVACY_OFFICER");
        }
    }

    private Account create(String issuer, String subject, Set<Role> roles, String preferredUsername, String name) {
        var now = clock.instant();
        var username = freeUsername(preferredUsername);
        var displayName = name == null || name.isBlank() ? username : truncate(name.strip(), 200);
        var account = accounts.save(Account.create(username, displayName, null, roles, false, now));
        subjects.link(account.id(), issuer, subject, now);
        events.publishEvent(Evidence.of(
                now,
                IDENTITY_PROVIDER,
                "account.created",
                "account",
                account.id(),
                Map.of("roles", Role.format(roles), "signIn", "oidc", "issuer", truncate(issuer, 500))));
        return account;
    }

    /** The username the provider suggests, made valid; with {@code -2}, {@code -3}… when another account has it. */
    String freeUsername(String suggested) {
        var base = usernameFrom(suggested);
        var candidate = base;
        for (int n = 2; accounts.byUsername(candidate).isPresent(); n++) {
            var suffix = "-" + n;
            candidate = truncate(base, 100 - suffix.length()) + suffix;
        }
        return candidate;
    }

    static String usernameFrom(String suggested) {
        if (suggested == null) {
            return "sso-user";
        }
        var ascii = Normalizer.normalize(suggested, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "")
                .replaceAll("-+$", "");
        ascii = truncate(ascii, 100);
        return Account.USERNAME.matcher(ascii).matches() ? ascii : "sso-user";
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
