package ca.gardien.requests;

import ca.gardien.shared.IdentifierKind;
import java.time.Instant;
import java.util.UUID;

/** An identifier of a request with its verification bookkeeping (codes as keyed digests only). */
record IdentifierRow(
        UUID requestId,
        IdentifierKind kind,
        String value,
        String digest,
        Instant verifiedAt,
        String verifiedBy,
        String codeDigest,
        Instant codeExpiresAt,
        int failedAttempts,
        Instant lockedUntil,
        Instant codesSince,
        int codesSent) {

    boolean verified() {
        return verifiedAt != null;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "IdentifierRow[" + requestId + ", " + kind + "]";
    }
}
