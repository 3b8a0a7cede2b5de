package ca.gardien.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.RateLimitedException;
import ca.gardien.shared.RateLimits;
import ca.gardien.shared.RateLimits.Quota;
import ca.gardien.support.WebTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counters behind every abuse limit: exact under parallel use from two "nodes" (two instances that share only the
 * database and the key, as nodes do), counted only when the caller's transaction commits, keyed by digests.
 */
class WindowCountersTest extends WebTestSupport {

    @Autowired
    RateLimits limits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier(RateLimitsConfiguration.KEY)
    KeyedDigest key;

    @Autowired
    LimitReports reports;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CounterPurge purge;

    WindowCounters node(Clock clock) {
        return new WindowCounters(jdbc, key, reports, transactions, clock);
    }

    @Test
    void parallelUsesOfOneKeyOnTwoNodesAreCountedExactly() throws Exception {
        var quota = new Quota(7, Duration.ofHours(1));
        var address = "198.51.100." + (int) (Math.random() * 250);

        assertThat(allowedAtOnce(100, "test.parallel-", quota, address)).isEqualTo(7);
    }

    @Test
    void parallelFirstUsesOfAWindowWellUnderItsQuotaAreAllAllowed() throws Exception {
        var quota = new Quota(1_000, Duration.ofHours(1));
        for (int round = 0; round < 5; round++) { // each round opens a new window for a new key
            assertThat(allowedAtOnce(40, "test.first-", quota, "203.0.113." + round))
                    .as("uses allowed of 40, the quota far from reached")
                    .isEqualTo(40);
        }
    }

    /**
     * How many of {@code uses} calls, started at once on a window nobody has opened yet and spread over two "nodes",
     * the limit allowed.
     */
    private int allowedAtOnce(int uses, String namePrefix, Quota quota, String address) throws Exception {
        var nodeB = node(Clock.systemUTC());
        var name = namePrefix + UUID.randomUUID().toString().substring(0, 8);
        var allowed = ca.gardien.support.AtOnce.results(uses, i -> {
            var node = i % 2 == 0 ? limits : nodeB;
            try {
                node.consume(name, quota, address);
                return true;
            } catch (RateLimitedException e) {
                return false;
            }
        });
        return (int) allowed.stream().filter(Boolean::booleanValue).count();
    }

    @Test
    void aUseInATransactionThatRollsBackDoesNotCount() {
        var quota = new Quota(2, Duration.ofHours(1));
        var name = "test.rollback-" + UUID.randomUUID().toString().substring(0, 8);
        var transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            limits.consume(name, quota, "key");
            limits.consume(name, quota, "key");
            status.setRollbackOnly();
        });
        limits.consume(name, quota, "key");
        limits.consume(name, quota, "key");
        assertThatThrownBy(() -> limits.consume(name, quota, "key")).isInstanceOf(RateLimitedException.class);
        limits.consume(name, quota, "another key"); // each key counts apart
    }

    @Test
    void aRefusalTellsTheTimeLeftInTheWindowAndTheNextWindowStartsAfresh() {
        var start = Instant.parse("2026-12-03T10:00:00Z");
        var name = "test.window-" + UUID.randomUUID().toString().substring(0, 8);
        var quota = new Quota(1, Duration.ofHours(1));
        node(Clock.fixed(start.plus(Duration.ofMinutes(10)), ZoneOffset.UTC)).consume(name, quota, "k");
        assertThatThrownBy(() -> node(Clock.fixed(start.plus(Duration.ofMinutes(10)), ZoneOffset.UTC))
                        .consume(name, quota, "k"))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(3000));
        node(Clock.fixed(start.plus(Duration.ofMinutes(61)), ZoneOffset.UTC)).consume(name, quota, "k");
    }

    @Test
    void theCountersHoldKeyedDigestsOnlyAndThePurgeDeletesEndedWindows() {
        var name = "test.digest-" + UUID.randomUUID().toString().substring(0, 8);
        var address = "203.0.113.77";
        node(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC))
                .consume(name, new Quota(5, Duration.ofMinutes(1)), address);
        limits.consume(name, new Quota(5, Duration.ofHours(1)), address);
        var rows = jdbc.sql("SELECT key_digest, window_end FROM ratelimits_counter WHERE limit_name = ?")
                .param(name)
                .query((rs, n) -> rs.getString(1))
                .list();
        assertThat(rows).hasSize(2).allMatch(d -> d.matches("[0-9a-f]{64}")).noneMatch(d -> d.contains(address));

        assertThat(purge.purge()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ratelimits_counter WHERE limit_name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1); // the 2020 window is gone, the current one stays
    }

    @Test
    void quotasAreWrittenMaxPerWindowAndAddressesAreKeyedByIpv6Prefix() {
        assertThat(Quota.of("5/1h")).isEqualTo(new Quota(5, Duration.ofHours(1)));
        assertThat(Quota.of(" 60 / 1m ")).isEqualTo(new Quota(60, Duration.ofMinutes(1)));
        assertThat(Quota.of("3/1d")).isEqualTo(new Quota(3, Duration.ofDays(1)));
        for (var bad : new String[] {"", "5", "0/1h", "5/0s", "5/40d", "-1/1h", "5/1w"}) {
            assertThatThrownBy(() -> Quota.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RateLimits.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(RateLimits.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(RateLimits.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo("2001:db8:1:2::/64")
                .isNotEqualTo(RateLimits.addressKey("2001:db8:1:3::1"));
    }
}
