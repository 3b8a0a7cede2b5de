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

    /**
     * Whether a code may go to this identifier: by email always, by text only to a number that takes texts (a
     * premium-rate or satellite number an officer entered gets none: the public and the API refuse such numbers).
     */
    boolean takesCodes() {
        return kind != IdentifierKind.PHONE
                || new ca.gardien.shared.SubjectIdentifier(IdentifierKind.PHONE, value).textable();
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "IdentifierRow[" + requestId + ", " + kind + "]";
    }
}
