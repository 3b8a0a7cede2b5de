package ca.gardien.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bearer tokens introspected in the last {@code gardien.organization.token-cache-for} (5 s by default), by the SHA-256
 * of their secret: without it every API call costs a database transaction (token, account, last use), which was most
 * of the cost of a consent decision over HTTP. A revocation or an account change on this node forgets them all at once
 * (and again after its commit, so that no call racing it caches the old state); one on another node is honoured here
 * within the cache period. Only successful look-ups are kept, and only when nothing was forgotten since the look-up
 * began: a look-up that read a token before a revocation committed must not put it back for the cache period
 * (attacker's review: a revoked token worked 5 s after the reset had returned).
 */
@Component
class RecentTokens {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(OAuth2AuthenticatedPrincipal principal, Instant until) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on at every forgetting: a look-up remembers only what it read within one generation. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private final OrganizationProperties properties;
    private final Clock clock;

    RecentTokens(OrganizationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The principal cached for this token digest, or {@code null}. */
    OAuth2AuthenticatedPrincipal find(String digest) {
        var entry = entries.get(digest);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(digest, entry);
            return null;
        }
        return entry.principal();
    }

    /** The generation to give {@link #remember} for a look-up that starts now. */
    long generation() {
        return generation.get();
    }

    /** Keeps what a look-up begun in {@code readIn} found, unless something was forgotten since it began. */
    void remember(String digest, OAuth2AuthenticatedPrincipal principal, long readIn) {
        if (properties.tokenCacheFor().isZero() || properties.tokenCacheFor().isNegative()) {
            return;
        }
        if (generation.get() != readIn) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // tokens are few; this bounds memory against floods of distinct valid tokens
        }
        entries.put(digest, new Entry(principal, clock.instant().plus(properties.tokenCacheFor())));
        if (generation.get() != readIn) { // forgotten while it was being put: forget it too
            entries.remove(digest);
        }
    }

    /** Forgets every token now and, inside a transaction, again once it has completed. */
    void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                    entries.clear();
                }
            });
        }
    }
}
