package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-ins on the record: every successful and failed sign-in (login form, HTTP Basic at the token endpoint, single
 * sign-on) is a ledger fact naming the method and the account, or for single sign-on the provider's issuer and subject.
 * Never the password, a token, or a username typed that names no account (it may be a person's name, or a password
 * typed in the wrong field): that is "unknown-account". Failed sign-ins beyond {@code failed-sign-in-facts-per-minute}
 * on a node are counted instead, and the count goes with the next failure recorded ({@code unrecordedBefore}), so that
 * a flood of guesses from many addresses cannot flood the ledger; the per-address throttle stops most of them before.
 */
@Component
class SignInFacts {

    private static final Logger log = LoggerFactory.getLogger(SignInFacts.class);

    private final Accounts accounts;
    private final int failuresPerMinute;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private long window;
    private int recorded;
    private int unrecorded;

    SignInFacts(Accounts accounts, OrganizationProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.failuresPerMinute = properties.failedSignInFactsPerMinute();
        this.events = events;
        this.clock = clock;
    }

    /** A password checked by the login form or HTTP Basic (single sign-on is recorded by its success handler). */
    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            record(Actor.account(p.accountId()), "account.signed-in", "account", p.accountId(), method(), Map.of());
        }
    }

    @EventListener
    @Transactional
    public void on(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
            return;
        }
        var reason = switch (event) {
            case AuthenticationFailureLockedEvent e -> "locked";
            case AuthenticationFailureDisabledEvent e -> "disabled";
            default -> "bad-credentials";
        };
        var account = accounts.byUsername(String.valueOf(attempt.getPrincipal()));
        failed(
                method(),
                account.map(a -> a.id()).orElse(null),
                account.isPresent() ? null : "unknown-account",
                reason,
                Map.of());
    }

    @Transactional
    public void ssoSucceeded(AccountOidcUser user, String registrationId) {
        record(
                Actor.account(user.accountId()),
                "account.signed-in",
                "account",
                user.accountId(),
                "oidc",
                Map.of("registration", registrationId, "issuer", String.valueOf(user.getIssuer())));
    }

    /** A single sign-on refused; the issuer, subject and account are recorded when known. */
    @Transactional
    public void ssoFailed(String registrationId, String issuer, String subject, UUID accountId, SsoRefusal reason) {
        var details = new HashMap<String, String>();
        details.put("registration", registrationId);
        if (issuer != null) {
            details.put("issuer", issuer);
        }
        if (subject != null) {
            details.put("subject", subject);
        }
        failed("oidc", accountId, registrationId, reason.code(), details);
    }

    private void failed(String method, UUID accountId, String otherwise, String reason, Map<String, String> details) {
        int before = admit();
        if (before < 0) {
            return;
        }
        var payload = new HashMap<>(details);
        payload.put("reason", reason);
        if (before > 0) {
            payload.put("unrecordedBefore", String.valueOf(before));
        }
        // whoever failed is not known to be the account's holder: Gardien records what it refused
        if (accountId != null) {
            record(Actor.SYSTEM, "account.sign-in-failed", "account", accountId, method, payload);
        } else {
            record(Actor.SYSTEM, "account.sign-in-failed", "sign-in", otherwise, method, payload);
        }
    }

    /** -1 when this failure is only counted; otherwise how many were counted since the last one recorded. */
    private synchronized int admit() {
        long minute = clock.millis() / 60_000;
        if (minute != window) {
            window = minute;
            recorded = 0;
        }
        if (recorded >= failuresPerMinute) {
            if (unrecorded++ == 0) {
                log.warn(
                        "More than {} failed sign-ins this minute: further ones are counted, not recorded one by one",
                        failuresPerMinute);
            }
            return -1;
        }
        recorded++;
        int before = unrecorded;
        unrecorded = 0;
        return before;
    }

    private void record(
            Actor actor, String action, String type, Object id, String method, Map<String, String> details) {
        var payload = new HashMap<>(details);
        payload.put("method", method);
        events.publishEvent(Evidence.of(clock.instant(), actor, action, type, id, payload));
    }

    /** HTTP Basic carries its credentials in a header; the login form posts them. */
    private static String method() {
        var request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
        return request != null && basic(request) ? "basic" : "form";
    }

    private static boolean basic(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
