package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing on one account: from {@code max-login-failures} failures in a row on, each attempt is refused
 * until a delay that doubles with every further failure (2 s, 4 s, ... at most {@code max-login-delay}) has passed since
 * the last one. Attempts made during the delay are refused without being counted, so that a flood of guesses cannot
 * push the holder out for longer; they still cost the password hash (the provider checks the password of a delayed
 * account too) and get the same answer as any failure. The count lives in the database so that every node sees it.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

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

    @EventListener
    @Transactional
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        var now = clock.instant();
        var username = String.valueOf(event.getAuthentication().getPrincipal());
        changed(
                        () -> accounts.byUsername(username).filter(account -> !account.isLocked(now)),
                        account -> account.failedLogin(now, properties.maxLoginFailures(), properties.maxLoginDelay()))
                .filter(after -> after.isLocked(now))
                .ifPresent(after -> {
                    log.warn(
                            "Account {} locked until {} after {} failed logins in a row",
                            after.id(),
                            after.lockedUntil(),
                            after.failedAttempts());
                    events.publishEvent(Evidence.of(
                            now,
                            Actor.SYSTEM,
                            "account.locked",
                            "account",
                            after.id(),
                            Map.of(
                                    "until",
                                    after.lockedUntil().toString(),
                                    "failures",
                                    String.valueOf(after.failedAttempts()))));
                });
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            changed(
                    () -> accounts.byId(p.accountId()).filter(a -> a.failedAttempts() > 0 || a.lockedUntil() != null),
                    Account::succeededLogin);
        }
    }

    /**
     * The account read and changed; read and changed again when another login saved it first (attacker's review: wrong
     * passwords sent in parallel lost all but one count to the optimistic lock, and the others answered 500).
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
