package ca.gardien.ratelimits;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rate-limit counters. The quotas themselves belong to the modules whose endpoints they protect
 * ({@code gardien.requests.limits.*}, {@code gardien.consent.limits.*}); docs/abuse-limits.md lists them all.
 *
 * @param keyDirectory where the HMAC key of the counters' keys lives (every node of a cluster needs the same key)
 * @param purgeEvery how often each node deletes the counters of ended windows
 */
@ConfigurationProperties("gardien.rate-limits")
record RateLimitsProperties(
        Path keyDirectory, @DefaultValue("10m") Duration purgeEvery) {}
