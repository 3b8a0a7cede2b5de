/**
 * Abuse limits on public inputs: the database-backed fixed-window counters behind {@link ca.gardien.shared.RateLimits},
 * shared by every node, keyed by keyed digests.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Rate limits",
        allowedDependencies = {"ledger", "ledger :: *", "shared"})
package ca.gardien.ratelimits;
