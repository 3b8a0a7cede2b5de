package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RecentTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final DefaultOAuth2AuthenticatedPrincipal principal = new DefaultOAuth2AuthenticatedPrincipal(
            "token:1", Map.of("token_id", "1"), List.of(new SimpleGrantedAuthority("ROLE_STAFF")));

    private RecentTokens cacheFor(Duration period) {
        return new RecentTokens(
                new OrganizationProperties(
                        null, 5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15), period, null, 60, null),
                clock);
    }

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void reusesAnIntrospectedTokenOnlyWithinThePeriod() {
        var recent = cacheFor(Duration.ofSeconds(5));
        recent.remember("digest", principal, recent.generation());

        clock.now = T0.plusMillis(4999);
        assertThat(recent.find("digest")).isSameAs(principal);
        assertThat(recent.find("other")).isNull();

        clock.now = T0.plusSeconds(5); // a revocation made on another node is honoured from here on
        assertThat(recent.find("digest")).isNull();
    }

    @Test
    void aZeroPeriodTurnsTheCacheOff() {
        var recent = cacheFor(Duration.ZERO);
        recent.remember("digest", principal, recent.generation());

        assertThat(recent.find("digest")).isNull();
    }

    @Test
    void forgettingInsideATransactionForgetsAgainOnceItCompletes() {
        var recent = cacheFor(Duration.ofSeconds(5));
        recent.remember("digest", principal, recent.generation());
        TransactionSynchronizationManager.initSynchronization();

        recent.forgetAll();
        assertThat(recent.find("digest")).isNull();
        recent.remember("digest", principal, recent.generation()); // a call racing the revocation read the old state

        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(recent.find("digest")).isNull();
    }

    /**
     * Attacker's review (2026-12-07): a look-up that read the token before the revocation committed, and remembered it
     * after the last forgetting, kept the revoked token working for the whole period.
     */
    @Test
    void aLookUpThatBeganBeforeAForgettingIsNotRemembered() {
        var recent = cacheFor(Duration.ofSeconds(5));
        long readIn = recent.generation(); // the look-up reads the token, still active
        TransactionSynchronizationManager.initSynchronization();
        recent.forgetAll(); // the revocation
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

        recent.remember("digest", principal, readIn); // the look-up ends after the revocation committed

        assertThat(recent.find("digest")).isNull();
    }
}
