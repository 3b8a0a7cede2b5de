package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Console sessions follow their account: a session signed in before the account was disabled, given other roles or
 * another password (changed or reset) is ended on its next request, which goes to the login page with a notice. Each
 * request compares what the session was signed in with to the account's standing in the database (enabled, roles,
 * password hash), reused for {@code gardien.organization.token-cache-for}: a change made on this node is seen at once,
 * one made on another node within that period. Sessions live in each node's memory; the database is what they share.
 */
@Component
class AccountSessions {

    static final String EXPIRED_PAGE = "/login?expired";
    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);
    private static final int MAX_ENTRIES = 10_000;

    /** What a session must still match; {@code null} for an account that no longer exists. */
    private record Standing(boolean enabled, Set<Role> roles, String passwordHash) {

        boolean admits(SignedIn session) {
            return enabled
                    && roles.equals(session.roles())
                    && (session.passwordHash() == null || Objects.equals(passwordHash, session.passwordHash()));
        }
    }

    /**
     * What a session was signed in with: a local account's roles and password hash, or a single sign-on account's roles
     * ({@code passwordHash} null: the identity provider, not a password, vouched for it).
     */
    record SignedIn(UUID accountId, Set<Role> roles, String passwordHash) {

        static Optional<SignedIn> of(Object principal) {
            if (principal instanceof AccountPrincipal p) {
                return Optional.of(new SignedIn(p.accountId(), Set.copyOf(p.roles()), p.passwordHash()));
            }
            if (principal instanceof AccountOidcUser u) {
                var roles = EnumSet.noneOf(Role.class);
                for (var role : Role.values()) {
                    if (u.getAuthorities().stream()
                            .anyMatch(a -> role.authority().equals(a.getAuthority()))) {
                        roles.add(role);
                    }
                }
                return Optional.of(new SignedIn(u.accountId(), roles, null));
            }
            return Optional.empty();
        }
    }

    private record Entry(Optional<Standing> standing, Instant until) {}

    private final ConcurrentHashMap<UUID, Entry> standings = new ConcurrentHashMap<>();
    private final Accounts accounts;
    private final OrganizationProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountSessions(
            Accounts accounts,
            OrganizationProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether the account still stands as the session knew it. */
    boolean current(SignedIn principal) {
        var now = clock.instant();
        var entry = standings.get(principal.accountId());
        if (entry == null || !now.isBefore(entry.until())) {
            var standing = accounts.byId(principal.accountId())
                    .map(a -> new Standing(a.enabled(), a.roles(), a.passwordHash()));
            if (standings.size() >= MAX_ENTRIES) {
                standings.clear();
            }
            entry = new Entry(standing, now.plus(properties.tokenCacheFor()));
            if (properties.tokenCacheFor().isPositive()) {
                standings.put(principal.accountId(), entry);
            }
        }
        return entry.standing().map(s -> s.admits(principal)).orElse(false);
    }

    /** Forgets the account's standing now and, inside a transaction, again once it has completed. */
    void forget(UUID accountId) {
        standings.remove(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    standings.remove(accountId);
                }
            });
        }
    }

    /** Ends a session whose account changed, before anything else looks at what it may do. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var auth = SecurityContextHolder.getContext().getAuthentication();
                var signedIn = auth == null ? Optional.<SignedIn>empty() : SignedIn.of(auth.getPrincipal());
                if (signedIn.isPresent() && !current(signedIn.get())) {
                    new SecurityContextLogoutHandler().logout(request, response, auth);
                    ended(signedIn.get().accountId());
                    response.sendRedirect(request.getContextPath() + EXPIRED_PAGE);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private void ended(UUID accountId) {
        log.info("Ended a session of account {}: the account changed since it signed in", accountId);
        transactions.executeWithoutResult(status -> events.publishEvent(Evidence.of(
                clock.instant(),
                Actor.SYSTEM,
                "account.session-ended",
                "account",
                accountId,
                Map.of("reason", "account-changed"))));
    }
}
