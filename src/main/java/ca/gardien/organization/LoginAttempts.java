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
 * Throttles password guessing: after {@code maxLoginFailures} failures in a row the account is locked for
 * {@code lockFor}. The count lives in the database so that every node of a cluster sees it.
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
        accounts.byUsername(String.valueOf(event.getAuthentication().getPrincipal()))
                .ifPresent(account -> {
                    var now = clock.instant();
                    var after = accounts.save(
                            account.failedLogin(now, properties.maxLoginFailures(), properties.lockFor()));
                    if (after.isLocked(now) && !account.isLocked(now)) {
                        log.warn("Account {} locked after repeated failed logins", account.id());
                        events.publishEvent(Evidence.of(
                                now,
                                Actor.SYSTEM,
                                "account.locked",
                                "account",
                                account.id(),
                                Map.of("until", after.lockedUntil().toString())));
                    }
                });
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            accounts.byId(p.accountId())
                    .filter(a -> a.failedAttempts() > 0 || a.lockedUntil() != null)
                    .ifPresent(a -> accounts.save(a.succeededLogin()));
        }
    }
}
