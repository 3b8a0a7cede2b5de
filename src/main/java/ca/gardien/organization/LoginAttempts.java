package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing on one account: from {@code max-login-failures} failures in a row on, each attempt is refused
 * until a delay that doubles with every further failure (2 s, 4 s, ... at most {@code max-login-delay}) has passed since
 * the last one. Attempts made during the delay are refused without being counted, so that a flood of guesses cannot
 * push the holder out for longer; they get the same answer as any failure. The count lives in the database so that
 * every node sees it.
 *
 * <p>An attempt is counted <em>before</em> its password is checked ({@link #claiming}): it claims the next failure,
 * and the delay that failure would start, in one write; the right password then clears them. Attempts sent at the same
 * moment therefore take their turns — at most {@code max-login-failures} are checked, then one per delay — instead of
 * all being checked against the count they all read first (attacker's review: 16 guesses in parallel were all checked,
 * and a right one among them signed in during the delay another had started).
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    /** The account this thread's attempt claimed a failure of, while the attempt is checked. */
    private static final ThreadLocal<Account> CLAIMED = new ThreadLocal<>();

    private final Accounts accounts;
    private final OrganizationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginAttempts(Accounts accounts, OrganizationProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The password checks of {@code checks}, each attempt on a known, enabled account outside a delay counted first as
     * a failure (starting the delay when it is the one that would); an attempt that finds the account in a delay is
     * refused by the checks, uncounted.
     */
    AuthenticationManager claiming(AuthenticationManager checks) {
        return attempt -> {
            if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
                return checks.authenticate(attempt);
            }
            var now = clock.instant();
            var claimed = changed(
                    () -> accounts.byUsername(attempt.getName())
                            .filter(a -> a.enabled() && a.passwordHash() != null && !a.isLocked(now)),
                    a -> a.failedLogin(now, properties.maxLoginFailures(), properties.maxLoginDelay()));
            CLAIMED.set(claimed.orElse(null));
            try {
                return checks.authenticate(attempt);
            } finally {
                CLAIMED.remove();
            }
        };
    }

    /** Whether this thread's attempt claimed a failure of the account: the delay its own claim started spares it. */
    static boolean claimedHere(java.util.UUID accountId) {
        var claimed = CLAIMED.get();
        return claimed != null && claimed.id().equals(accountId);
    }

    /** A claimed attempt proved wrong: its failure stands; when its claim started a delay, that is recorded. */
    @EventListener
    @Transactional
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        var claimed = CLAIMED.get();
        var now = clock.instant();
        if (claimed == null
                || !claimed.username()
                        .equals(String.valueOf(event.getAuthentication().getPrincipal()))
                || !claimed.isLocked(now)) {
            return;
        }
        log.warn(
                "Account {} locked until {} after {} failed logins in a row",
                claimed.id(),
                claimed.lockedUntil(),
                claimed.failedAttempts());
        events.publishEvent(Evidence.of(
                now,
                Actor.SYSTEM,
                "account.locked",
                "account",
                claimed.id(),
                Map.of(
                        "until",
                        claimed.lockedUntil().toString(),
                        "failures",
                        String.valueOf(claimed.failedAttempts()))));
    }

    /**
     * The right password clears the failures and the delay, its own claim's included: one conditional UPDATE, no read
     * and no retry (code re-read: the success read and saved the row again after the claim had).
     */
    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            accounts.loginSucceeded(p.accountId());
        }
    }

    /**
     * The account read and changed (a claim); read and changed again when another login saved it first (attacker's
     * review: wrong passwords sent in parallel lost all but one count to the optimistic lock, and the others answered
     * 500).
     */
    private java.util.Optional<Account> changed(
            java.util.function.Supplier<java.util.Optional<Account>> read,
            java.util.function.UnaryOperator<Account> change) {
        for (int attempt = 1; ; attempt++) {
            var account = read.get();
            if (account.isEmpty()) {
                return account;
            }
            try {
                return java.util.Optional.of(accounts.save(change.apply(account.get())));
            } catch (ca.gardien.shared.ChangedMeanwhile e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }
}
