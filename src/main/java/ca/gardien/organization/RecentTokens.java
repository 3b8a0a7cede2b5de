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
 * within the cache period. Only successful look-ups are kept.
 */
@Component
class RecentTokens {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(OAuth2AuthenticatedPrincipal principal, Instant until) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
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

    void remember(String digest, OAuth2AuthenticatedPrincipal principal) {
        if (properties.tokenCacheFor().isZero() || properties.tokenCacheFor().isNegative()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // tokens are few; this bounds memory against floods of distinct valid tokens
        }
        entries.put(digest, new Entry(principal, clock.instant().plus(properties.tokenCacheFor())));
    }

    /** Forgets every token now and, inside a transaction, again once it has completed. */
    void forgetAll() {
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.clear();
                }
            });
        }
    }
}
