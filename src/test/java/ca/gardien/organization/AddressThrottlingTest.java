package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import ca.gardien.support.AtOnce;
import ca.gardien.support.WebTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Guessing passwords over many usernames from one address is throttled: after three failures (the setting here) every
 * sign-in from that address is refused, valid or not, while other addresses are unaffected.
 */
@TestPropertySource(properties = "gardien.organization.max-address-failures=3")
class AddressThrottlingTest extends WebTestSupport {

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private ResultActions formLogin(String address, String username, String password) throws Exception {
        return mvc.perform(post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address)));
    }

    @Test
    void anAddressThatFailsWithUnknownUsernamesIsRefusedEvenTheRightPassword() throws Exception {
        var person = person(Role.STAFF);
        var address = "10.77.0." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 3; i++) {
            formLogin(address, "nobody-" + UUID.randomUUID(), "guess-" + i).andExpect(redirectedUrl("/login?error"));
        }

        formLogin(address, person.username(), person.password()).andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/api/v1/tokens")
                        .with(httpBasic(person.username(), person.password()))
                        .with(from(address)))
                .andExpect(problem(429, "login-throttled"));
        formLogin("10.78.0.1", person.username(), person.password()).andExpect(redirectedUrl("/console"));
        assertThat(accounts.byId(person.id()).isLocked(Instant.now()))
                .as("the account itself is not locked by failures of other usernames")
                .isFalse();
        awaitLedgerEntry("organization.logins-throttled", "address");
        mvc.perform(get("/login").param("throttled", ""))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "Trop de tentatives de connexion depuis cette adresse")));
    }

    /** Attacker's review: checks sent at once all passed the limit they read before any had failed. */
    @Test
    void guessesSentAtOnceFromOneAddressAreCheckedNoMoreThanTheLimit() throws Exception {
        var address = "10.79.0." + (1 + (int) (Math.random() * 200));
        int parallel = 8;
        var answers = AtOnce.results(
                parallel,
                n -> formLogin(address, "nobody-" + UUID.randomUUID(), "guess")
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl());
        int checked = 0;
        for (var where : answers) {
            assertThat(where).isIn("/login?error", "/login?throttled");
            if (where.equals("/login?error")) checked++;
        }
        assertThat(checked).as("passwords checked from the address").isEqualTo(3);
    }

    @Test
    void anAddressIsAllowedAgainOnceItsFailuresAgeOutOfTheWindow() {
        var now = new Instant[] {Instant.parse("2026-12-03T10:00:00Z")};
        var clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        var properties = new OrganizationProperties(
                null, 5, Duration.ofMinutes(15), 3, Duration.ofMinutes(15), null, null, 60, null);
        ApplicationEventPublisher events = event -> {};
        var throttle = new AddressThrottle(properties, events, clock);
        var failure = new org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent(
                authentication("10.0.0.9"),
                new org.springframework.security.authentication.BadCredentialsException("x"));

        for (int i = 0; i < 3; i++) {
            throttle.on(failure);
            now[0] = now[0].plus(Duration.ofMinutes(1));
        }
        assertThat(throttle.blocked("10.0.0.9")).isTrue();
        assertThat(throttle.blocked("10.0.0.10")).isFalse();

        now[0] = Instant.parse("2026-12-03T10:15:00Z"); // the first failure (10:00) leaves the 15-minute window
        assertThat(throttle.blocked("10.0.0.9")).isFalse();
    }

    /**
     * Code re-read: every address that ever signed in stayed in memory until 100,000 were; an address is now forgotten
     * once it has no failure in the window and no check under way.
     */
    @Test
    void addressesThatSignInWithoutAFailureInTheWindowAreNotRemembered() throws Exception {
        var clock = new ca.gardien.support.MovableClock();
        var properties = new OrganizationProperties(
                null, 5, Duration.ofMinutes(15), 3, Duration.ofMinutes(15), null, null, 60, null);
        var throttle = new AddressThrottle(properties, event -> {}, clock);
        var filter = throttle.filter(null);
        for (int i = 0; i < 50; i++) {
            filter.doFilter(
                    login("10.80.0." + i), new org.springframework.mock.web.MockHttpServletResponse(), (q, r) -> {
                        assertThat(throttle.size())
                                .as("a check under way holds its place")
                                .isEqualTo(1);
                    });
        }
        assertThat(throttle.size()).as("50 sign-ins from distinct addresses").isZero();

        var failure = new org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent(
                authentication("10.80.1.1"),
                new org.springframework.security.authentication.BadCredentialsException("x"));
        filter.doFilter(login("10.80.1.1"), new org.springframework.mock.web.MockHttpServletResponse(), (q, r) -> {
            throttle.on(failure);
        });
        assertThat(throttle.size()).as("a failure is remembered for its window").isEqualTo(1);
        filter.doFilter(login("10.80.1.1"), new org.springframework.mock.web.MockHttpServletResponse(), (q, r) -> {});
        assertThat(throttle.size())
                .as("a success inside the window keeps the failure")
                .isEqualTo(1);
        clock.advance(Duration.ofMinutes(16));
        filter.doFilter(login("10.80.1.1"), new org.springframework.mock.web.MockHttpServletResponse(), (q, r) -> {});
        assertThat(throttle.size())
                .as("the failure out of the window, the address is forgotten")
                .isZero();
    }

    private static org.springframework.mock.web.MockHttpServletRequest login(String address) {
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        return request;
    }

    private static org.springframework.security.core.Authentication authentication(String address) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(address);
        var token = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(
                "someone", "guess");
        token.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails(request));
        return token;
    }
}
