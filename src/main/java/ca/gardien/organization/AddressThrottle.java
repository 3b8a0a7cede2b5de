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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password guessing across accounts, unknown usernames included: after {@code max-address-failures} failed
 * logins from one remote address within {@code address-window}, every login from that address is refused (valid or
 * not) until the oldest of those failures leaves the window. The per-account lock ({@link LoginAttempts}) cannot see
 * guesses spread over many usernames; this can. Kept in memory on each node (a cluster of n nodes allows n times as
 * many guesses); behind a reverse proxy, {@code server.forward-headers-strategy} must make the address the client's.
 */
@Component
class AddressThrottle {

    private static final Logger log = LoggerFactory.getLogger(AddressThrottle.class);
    /** Addresses remembered at most; beyond, the oldest are forgotten (memory stays bounded under a spray). */
    static final int MAX_ADDRESSES = 100_000;

    private final OrganizationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Recent> failures = new ConcurrentHashMap<>();

    /**
     * An address's failures in the window, and its password checks under way: a check takes its place before it runs,
     * so that checks sent at once cannot all pass the limit they all read before any failed (attacker's review). Read
     * and changed only inside the map's {@code compute} for its address, which serializes them and may drop the entry
     * atomically: an address with no failure in the window and no check under way is forgotten (code re-read: every
     * address that ever signed in stayed in memory).
     */
    private static final class Recent {
        final Deque<Instant> failed = new ArrayDeque<>();
        int checking;
    }

    AddressThrottle(OrganizationProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Whether logins from this address are refused now. */
    boolean blocked(String address) {
        var blocked = new boolean[1];
        failures.computeIfPresent(address, (a, recent) -> {
            prune(recent.failed, clock.instant());
            blocked[0] = recent.failed.size() + recent.checking >= properties.maxAddressFailures();
            return kept(recent);
        });
        return blocked[0];
    }

    /** Takes a place for a password check from this address; false when its failures and checks fill the limit. */
    private boolean begin(String address) {
        var begun = new boolean[1];
        remembered(address, recent -> {
            prune(recent.failed, clock.instant());
            begun[0] = recent.failed.size() + recent.checking < properties.maxAddressFailures();
            if (begun[0]) {
                recent.checking++;
            }
        });
        return begun[0];
    }

    /** Gives a check's place back; the address is forgotten when it has no failure in the window and no check. */
    private void end(String address) {
        failures.computeIfPresent(address, (a, recent) -> {
            recent.checking = Math.max(0, recent.checking - 1);
            prune(recent.failed, clock.instant());
            return kept(recent);
        });
    }

    /** The entry to keep: none when nothing of the address is left to remember. */
    private static Recent kept(Recent recent) {
        return recent.failed.isEmpty() && recent.checking == 0 ? null : recent;
    }

    /** Changes the address's entry, made when absent, as one step for that address. */
    private void remembered(String address, java.util.function.Consumer<Recent> change) {
        if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
            failures.keySet().stream().findAny().ifPresent(failures::remove);
        }
        failures.compute(address, (a, recent) -> {
            var kept = recent == null ? new Recent() : recent;
            change.accept(kept);
            return kept(kept);
        });
    }

    /** How many addresses are remembered now (for the tests: memory stays with the addresses that failed). */
    int size() {
        return failures.size();
    }

    @EventListener
    @Transactional // the ledger hears evidence published in a transaction
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)
                || details.getRemoteAddress() == null) {
            return;
        }
        var now = clock.instant();
        var reached = new boolean[1];
        remembered(details.getRemoteAddress(), recent -> {
            prune(recent.failed, now);
            recent.failed.addLast(now);
            reached[0] = recent.failed.size() == properties.maxAddressFailures();
        });
        if (reached[0]) { // the address itself is not recorded: it may identify a person
            var until = now.plus(properties.addressWindow());
            log.warn(
                    "Logins from one address refused until {} after {} failures",
                    until,
                    properties.maxAddressFailures());
            events.publishEvent(Evidence.of(
                    now,
                    Actor.SYSTEM,
                    "organization.logins-throttled",
                    "login",
                    "address",
                    Map.of("failures", String.valueOf(properties.maxAddressFailures()), "until", until.toString())));
        }
    }

    private void prune(Deque<Instant> recent, Instant now) {
        var horizon = now.minus(properties.addressWindow());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }

    /**
     * Refuses a password check from a throttled address before it happens: {@code POST /login} goes back to the login
     * page with a notice, a request with HTTP Basic credentials gets a 429 problem.
     */
    OncePerRequestFilter filter(ProblemResponses problems) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !formLogin(request) && !basic(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var address = request.getRemoteAddr();
                if (begin(address)) {
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        end(address);
                    }
                } else if (formLogin(request)) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                } else {
                    problems.write(
                            request,
                            response,
                            429,
                            ProblemResponses.LOGIN_THROTTLED,
                            "problem.login-throttled.title",
                            "problem.login-throttled");
                }
            }
        };
    }

    private static boolean formLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && "/login"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }

    private static boolean basic(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
